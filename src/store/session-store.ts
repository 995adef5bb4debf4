import session from 'express-session';
import type { Draft } from '../engine/answers';
import type { SessionIndex, SessionRepository } from './session-repository';

/** Sessions are touched at most this often, so reading a page does not write to the database. */
const TOUCH_INTERVAL_MS = 60_000;

/** Where `get` leaves the drafts read with the session, for `createSession` to hand to the request. */
const DRAFTS = Symbol('drafts read with the session');

/** The drafts each request's session was read with, until the request takes them. */
const readWithSession = new WeakMap<object, Map<string, Draft | undefined>>();

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

/**
 * express-session's store, kept in the service's own database so a restart loses no session.
 * Reading a session also reads the drafts it holds, in the same query: the journey's pages take
 * theirs with `takeDraftReadWithSession` instead of asking the database again.
 */
export class DatabaseSessionStore extends session.Store {
  private readonly touched = new Map<string, number>();

  /**
   * @param index what SQL must find in a session without reading its JSON (its staff account,
   *   its drafts): the web layer knows the session's shape, the store does not.
   */
  constructor(
    private readonly store: SessionRepository,
    private readonly idleMs: number,
    private readonly index: (data: session.SessionData) => SessionIndex = () => ({ draftIds: [] }),
  ) {
    super();
  }

  private expiry(data: session.SessionData): number {
    const cookieExpiry = data.cookie?.expires ? new Date(data.cookie.expires).getTime() : NaN;
    return Number.isFinite(cookieExpiry) ? cookieExpiry : Date.now() + this.idleMs;
  }

  override get(
    id: string,
    callback: (err: unknown, data?: session.SessionData | null) => void,
  ): void {
    this.store.getSessionWithDrafts(id, Date.now()).then((read) => {
      if (!read) return callback(null, null);
      const data = JSON.parse(read.data) as session.SessionData & { [DRAFTS]?: unknown };
      data[DRAFTS] = read.drafts;
      callback(null, data);
    }, callback);
  }

  override createSession(
    req: Parameters<session.Store['createSession']>[0],
    data: session.SessionData & { [DRAFTS]?: Map<string, Draft | undefined> },
  ): ReturnType<session.Store['createSession']> {
    const drafts = data[DRAFTS];
    if (drafts) {
      delete data[DRAFTS];
      readWithSession.set(req, drafts);
    }
    return super.createSession(req, data);
  }

  override set(id: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    this.touched.set(id, Date.now());
    this.store.setSession(id, JSON.stringify(data), this.expiry(data), this.index(data)).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  override touch(id: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const now = Date.now();
    if (now - (this.touched.get(id) ?? 0) < TOUCH_INTERVAL_MS) {
      callback?.();
      return;
    }
    this.touched.set(id, now);
    if (this.touched.size > 100_000) this.touched.clear();
    this.store.touchSession(id, this.expiry(data)).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  override destroy(id: string, callback?: (err?: unknown) => void): void {
    this.touched.delete(id);
    this.store.destroySession(id).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }
}
