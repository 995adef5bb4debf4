import type { Request } from 'express';
import type { Draft } from '../../engine/answers';
import type { PageResult } from '../../engine/page-answers';
import { applyValues } from '../../engine/page-answers';
import type { QuestionError, RawState } from '../../questions/question-type';
import type { Store } from '../../store/store';
import { saveDraft } from '../journey-state';
import type { FileUploads, ReceivedPost } from './file-uploads';

/** The errors an Upload or Remove button shows: a file refused, never "not enough files yet". */
const COUNT_CODES: Readonly<Record<ReceivedPost['action'], readonly string[]>> = {
  upload: ['tooFew'],
  remove: ['required', 'tooFew'],
  continue: [],
  save: [],
};

export interface FilePost {
  req: Request;
  draft: Draft;
  upload: ReceivedPost;
  result: PageResult;
  /** The answers record the page writes to and the page's key (a repeat item's, made if new). */
  place: () => { answers: Record<string, unknown>; key: string };
}

/**
 * Saves a file page's files in the draft before anything else is decided, so a file stored is
 * always one the draft holds (or the sweep's to delete), and deletes the blobs of those removed.
 * For Upload and Remove, the page is shown again: with the refused files' errors, or (undefined
 * errors) by a redirect to itself; undefined for Continue and Save, which go on as any page does.
 */
export async function keepFiles(
  deps: { store: Store; uploads?: FileUploads },
  post: FilePost,
): Promise<{ raw: RawState; errors: QuestionError[] } | undefined> {
  const { req, draft, upload, result } = post;
  const fileIds = Object.keys(upload.body).filter(
    (id) => typeof upload.body[id] === 'object' && id in result.values,
  );
  const { answers, key } = post.place();
  applyValues(answers, Object.fromEntries(fileIds.map((id) => [id, result.values[id]])));
  const staying = upload.action === 'upload' || upload.action === 'remove';
  // The page is being worked on: it is done again only when Continue finds it whole.
  if (staying) draft.done = draft.done.filter((done) => done !== key);
  await saveDraft(req, deps.store, draft);
  await deps.uploads?.discard(upload.removed);
  if (!staying) return undefined;
  const hidden = COUNT_CODES[upload.action];
  const errors = result.errors.filter(
    (e) => fileIds.includes(e.questionId) && !hidden.includes(e.code),
  );
  // "Upload file" with nothing chosen asks for a file, even for an optional question.
  const first = fileIds[0];
  if (upload.action === 'upload' && upload.chosen === 0 && errors.length === 0 && first) {
    errors.push({ questionId: first, field: first, code: 'required' });
  }
  return { raw: result.raw, errors };
}
