import type { Request } from 'express';
import type { Logger } from 'pino';
import type { QuestionPage } from '../../definition/types';
import { ServiceError } from '../../errors';
import { kindsOf, maxFilesOf } from '../../questions/file-words';
import { postedString, type PostedBody } from '../../questions/question-type';
import { ownedBlobKey, type BlobStore } from '../../uploads/blob-store';
import { checkUpload } from '../../uploads/check-upload';
import type { FileProblem } from '../../uploads/file-problem';
import {
  RECEIVED_BY,
  storedFilesOf,
  type FileUploadState,
  type StoredFile,
} from '../../uploads/stored-file';
import { receivedByField } from '../../questions/file';
import type { VirusScanner } from '../../uploads/virus-scanner';
import { fileQuestionsOf } from './file-pages';
import { receivedFiles } from './upload-body';

/** What the person asked for with the post of a page with file questions. */
export type FilePageAction = 'upload' | 'remove' | 'continue' | 'save';

/** A page's post once its files are taken in: the body its questions parse, and what to do next. */
export interface ReceivedPost {
  /** The posted fields, each file question's `FileUploadState` under its id. */
  body: PostedBody;
  action: FilePageAction;
  /** Files this post removed: their blobs go once the draft is saved without them. */
  removed: string[];
  /** Files chosen in this post, taken or refused. */
  chosen: number;
}

/** Takes in the files posted to a page (checked, scanned, stored) and lets go of removed ones. */
export interface FileUploads {
  receive(
    req: Request,
    page: QuestionPage,
    answers: Readonly<Record<string, unknown>>,
    /** The draft's transaction id: a stored file's key names it, for the sweep. */
    owner: string,
    /** On a staff journey each file chosen needs how the caller sent it (post or email). */
    options?: { staff?: boolean },
  ): Promise<ReceivedPost>;
  /** Deletes the blobs of files no draft or submission keeps any more. */
  discard(ids: Iterable<string>): Promise<void>;
  readonly blobs: BlobStore;
}

export interface FileUploadsOptions {
  blobs: BlobStore;
  scanner: VirusScanner;
  logger: Logger;
}

function actionOf(body: PostedBody, removing: boolean): FilePageAction {
  if (removing) return 'remove';
  const action = postedString(body, 'action');
  return action === 'upload' || action === 'save' ? action : 'continue';
}

/**
 * The file questions' side of a page's post: removes the file its Remove button names (only one of
 * the draft's own), then checks each file chosen in the GOV.UK order (too many, kind by content,
 * virus scan) and stores those accepted under new random keys, encrypted by the blob store.
 *
 * @example
 *   const uploads = createFileUploads({ blobs, scanner, logger });
 *   const { body, action } = await uploads.receive(req, page, draft.answers);
 */
export function createFileUploads(options: FileUploadsOptions): FileUploads {
  const { blobs, scanner, logger } = options;

  const discard = async (ids: Iterable<string>) => {
    for (const id of ids) {
      try {
        await blobs.delete(id);
      } catch (error) {
        // The sweep after the purge finds it again (deleteBlobsNotIn).
        logger.error(
          { event: 'upload', code: 'discardFailed', err: error },
          'a file was not deleted',
        );
      }
    }
  };

  const store = async (
    stored: StoredFile[],
    owner: string,
    bytes: Buffer,
    file: Omit<StoredFile, 'id'>,
  ) => {
    const id = ownedBlobKey(owner);
    try {
      await blobs.put(id, bytes);
    } catch (error) {
      await discard(stored.map((f) => f.id));
      logger.error({ event: 'upload', err: error }, 'a file could not be stored');
      throw new ServiceError('FILE_STORE_UNAVAILABLE', 'a checked file could not be stored');
    }
    stored.push({ id, ...file });
  };

  return {
    blobs,
    discard,
    async receive(req, page, answers, owner, options = {}) {
      const posted = (req.body ?? {}) as PostedBody;
      const removeId = postedString(posted, 'remove');
      const { files, problems } = receivedFiles(req);
      const body: PostedBody = { ...posted };
      const removed: string[] = [];
      const added: StoredFile[] = [];
      for (const q of fileQuestionsOf(page)) {
        const had = storedFilesOf(answers[q.id]);
        const kept = had.filter((f) => f.id !== removeId);
        if (kept.length < had.length) removed.push(removeId);
        const refused: FileProblem[] = problems.filter((p) => p.field === q.id);
        const mine: StoredFile[] = [];
        const chosenHow = postedString(posted, receivedByField(q));
        const receivedBy = RECEIVED_BY.find((how) => how === chosenHow);
        for (const file of files.filter((f) => f.field === q.id)) {
          if (options.staff && !receivedBy) {
            refused.push({ field: q.id, code: 'receivedBy', name: file.name });
            continue;
          }
          if (kept.length + mine.length >= maxFilesOf(q)) {
            refused.push({ field: q.id, code: 'tooMany', name: file.name });
            continue;
          }
          const checked = await checkUpload(file, kindsOf(q), scanner);
          if ('problem' in checked) {
            refused.push(checked.problem);
            if (checked.problem.code === 'scannerDown' || checked.problem.code === 'infected') {
              logger.warn({ event: 'upload', code: checked.problem.code }, 'a file was refused');
            }
            continue;
          }
          const { name, size, kind, sha256, bytes } = checked.accepted;
          const how = options.staff && receivedBy ? { receivedBy } : {};
          await store(added, owner, bytes, { name, size, kind, sha256, ...how });
          mine.push(added[added.length - 1] as StoredFile);
        }
        const state: FileUploadState = { files: [...kept, ...mine], problems: refused };
        body[q.id] = state;
      }
      const chosen = files.length + problems.length;
      return { body, action: actionOf(posted, removeId !== ''), removed, chosen };
    },
  };
}
