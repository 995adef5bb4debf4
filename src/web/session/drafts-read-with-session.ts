import type { Draft } from '../../engine/answers';

/** The drafts each request's session was read with, until the request takes them. */
const readWithSession = new WeakMap<object, Map<string, Draft | undefined>>();

/** Keeps the drafts read in the same query as this request's session (`getSessionWithDrafts`). */
export function keepDraftsReadWithSession(
  req: object,
  drafts: Map<string, Draft | undefined>,
): void {
  readWithSession.set(req, drafts);
}

/**
 * The draft `id` as it was read with this request's session (the same query), once: undefined when
 * the session did not list it (then read it from the store). A second call, or a call after the
 * request wrote the draft, reads the store again, so nothing here outlives the request's first read.
 */
export function takeDraftReadWithSession(
  req: object,
  id: string,
): { draft: Draft | undefined } | undefined {
  const drafts = readWithSession.get(req);
  if (!drafts?.has(id)) return undefined;
  const draft = drafts.get(id);
  drafts.delete(id);
  return { draft };
}

/** Forgets the drafts read with this request's session (it is about to write one). */
export function forgetDraftsReadWithSession(req: object): void {
  readWithSession.delete(req);
}
