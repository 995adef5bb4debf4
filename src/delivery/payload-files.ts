import type { FormDefinition } from '../definition/types';
import type { Submission } from '../store/store';
import type { BlobStore } from '../uploads/blob-store';
import { FILE_KINDS } from '../uploads/file-kind';
import {
  findStoredFile,
  storedFilesOf,
  type ReceivedBy,
  type StoredFile,
} from '../uploads/stored-file';
import {
  webhookPayload,
  type PayloadAnswer,
  type PayloadEntry,
  type WebhookPayload,
} from './webhook-payload';

/**
 * One file of a submission as the payload lists it: what it is, how to check it, and how to get
 * it (a link, or its bytes inline), depending on the destination.
 */
export interface PayloadFile {
  /** The file's id: the same as in its answer's `value`. */
  id: string;
  /** The question whose answer holds it. */
  questionId: string;
  name: string;
  /** Its media type, from its content (`image/jpeg`, `application/pdf`...). */
  contentType: string;
  size: number;
  /** Hex SHA-256 of its bytes: check it after downloading. */
  sha256: string;
  /** `post` or `email` when staff added it for a caller who sent it that way. */
  receivedBy?: ReceivedBy;
  /** Where to download it: a signed link that expires at `urlExpiresAt` (webhook, email), or the pull API's route. */
  url?: string;
  /** When the signed link stops working (ISO 8601). */
  urlExpiresAt?: string;
  /** The file itself, base64, when the destination asks for files inline. */
  base64?: string;
}

function filesOfAnswer(answer: PayloadAnswer): PayloadFile[] {
  if (answer.type !== 'file') return [];
  return storedFilesOf(answer.value).map((file: StoredFile) => ({
    id: file.id,
    questionId: answer.questionId,
    name: file.name,
    contentType: FILE_KINDS[file.kind].mimeType,
    size: file.size,
    sha256: file.sha256,
    ...(file.receivedBy && { receivedBy: file.receivedBy }),
  }));
}

/** Every file the payload's answers hold, repeating sections' items included, in order. */
export function payloadFiles(entries: readonly PayloadEntry[]): PayloadFile[] {
  return entries.flatMap((entry) =>
    'items' in entry
      ? entry.items.flatMap((item) => item.answers.flatMap(filesOfAnswer))
      : filesOfAnswer(entry),
  );
}

/** The payload with a download link on each file (signed, or the pull API's route). */
export function withFileLinks(
  payload: WebhookPayload,
  linkOf: (file: PayloadFile) => { url: string; expiresAt?: number },
): WebhookPayload {
  if (!payload.files) return payload;
  return {
    ...payload,
    files: payload.files.map((file) => {
      const link = linkOf(file);
      return {
        ...file,
        url: link.url,
        ...(link.expiresAt !== undefined && {
          urlExpiresAt: new Date(link.expiresAt).toISOString(),
        }),
      };
    }),
  };
}

/** Thrown when a submission's file is no longer stored: the delivery cannot be made whole. */
export class FileMissing extends Error {
  constructor(readonly fileId: string) {
    super(`file ${fileId} is not in the blob store`);
    this.name = 'FileMissing';
  }
}

/** The payload with each file's bytes in it (base64), for a destination that asks for them inline. */
export async function withInlineFiles(
  payload: WebhookPayload,
  blobs: BlobStore,
): Promise<WebhookPayload> {
  if (!payload.files) return payload;
  const files: PayloadFile[] = [];
  for (const file of payload.files) {
    const bytes = await blobs.get(file.id);
    if (!bytes) throw new FileMissing(file.id);
    files.push({ ...file, base64: bytes.toString('base64') });
  }
  return { ...payload, files };
}

/** The files of a submission's answers on its path, in the order the form asks for them. */
export function submissionFiles(form: FormDefinition, submission: Submission): StoredFile[] {
  return (webhookPayload(form, submission).files ?? []).flatMap(
    (file) => findStoredFile(submission.answers, file.id) ?? [],
  );
}
