import type { BlobStore } from '../uploads/blob-store';
import { createFileLinks, type FileLinks, type SignedFileLink } from './file-links';

/** What delivering a submission's files needs: where they are, and how to sign links to them. */
export interface DeliveryFiles {
  blobs: BlobStore;
  links: FileLinks;
  /** The most bytes of files attached to an email when its destination sets no limit. */
  emailAttachmentLimitBytes: number;
}

/** A function giving each file of one submission a link for one destination. */
export type LinkOf = (fileId: string) => SignedFileLink;

/** The links of one submission's files for one destination, lasting `lifetimeMs` from now. */
export function linksFor(
  files: DeliveryFiles,
  reference: string,
  destination: string,
  lifetimeMs: number,
  now: number,
): LinkOf {
  return (fileId) => files.links.sign({ reference, fileId, destination }, lifetimeMs, now);
}

/**
 * The files side of delivery from the service's settings: links signed with a key derived from
 * `SESSION_SECRET` under `BASE_URL`, email attachments up to `EMAIL_FILE_ATTACHMENT_LIMIT_KB`.
 * Undefined without a blob store (no form asks for a file).
 */
export function deliveryFilesOf(
  config: { baseUrl: string; sessionSecret: string; emailFileAttachmentLimitBytes: number },
  blobs: BlobStore | undefined,
): DeliveryFiles | undefined {
  if (!blobs) return undefined;
  return {
    blobs,
    links: createFileLinks({ baseUrl: config.baseUrl, secret: config.sessionSecret }),
    emailAttachmentLimitBytes: config.emailFileAttachmentLimitBytes,
  };
}
