import express, { type Request, type Response, type Router } from 'express';
import type { FileLinks } from '../../delivery/file-links';
import { ERROR_CODES, type ErrorCode } from '../../errors';
import type { Store } from '../../store/store';
import type { BlobStore } from '../../uploads/blob-store';
import { findStoredFile } from '../../uploads/stored-file';
import { sendStoredFile } from './send-stored-file';

export interface FileLinkRouteOptions {
  store: Store;
  blobs: BlobStore;
  links: FileLinks;
  /** The agency a form belongs to, recorded on each download's audit line. */
  agencyOf?: (formId: string) => string;
  clock?: () => number;
}

/** The words of each refusal, for the receiver's developer, in English like the API. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  FILE_LINK_INVALID: 'This link is not one the service signed, or it was changed.',
  FILE_LINK_EXPIRED: 'This link has expired: use the link in a newer delivery.',
  NOT_FOUND: 'The file is no longer stored.',
};

function refuse(res: Response, code: 'FILE_LINK_INVALID' | 'FILE_LINK_EXPIRED' | 'NOT_FOUND') {
  res.setHeader('Cache-Control', 'no-store');
  res.status(ERROR_CODES[code]).json({ error: { code, message: MESSAGES[code] } });
}

/**
 * `GET /files/<reference>/<file id>?destination=&expires=&signature=`: the file a delivery's
 * signed link names, when its signature checks out and it has not expired; each download is in
 * the audit trail (`download-file`, by `destination:<id>`). Mounted before the session: a
 * receiver has no cookie.
 *
 * @example
 *   app.use(createFileLinkRoute({ store, blobs, links }));
 */
export function createFileLinkRoute(options: FileLinkRouteOptions): Router {
  const { store, blobs, links } = options;
  const clock = options.clock ?? Date.now;
  const router = express.Router();
  router.get('/files/:reference/:fileId', async (req: Request, res: Response) => {
    const reference = String(req.params.reference);
    const fileId = String(req.params.fileId);
    const checked = links.check(reference, fileId, req.query, clock());
    if (!checked.ok) {
      refuse(res, checked.why === 'expired' ? 'FILE_LINK_EXPIRED' : 'FILE_LINK_INVALID');
      return;
    }
    const submission = await store.journeys.findSubmission(reference);
    const file = submission && findStoredFile(submission.answers, fileId);
    const bytes = file && (await blobs.get(file.id));
    if (!file || !bytes) {
      refuse(res, 'NOT_FOUND');
      return;
    }
    await store.staff.appendAudit({
      at: clock(),
      actorId: undefined,
      actorUsername: `destination:${checked.destination}`.slice(0, 100),
      action: 'download-file',
      target: reference,
      detail: fileId,
      agency: options.agencyOf?.(submission.formId),
      clientIp: req.ip,
      userAgent: req.get('user-agent')?.slice(0, 200),
    });
    sendStoredFile(res, file, bytes);
  });
  return router;
}
