import session from 'express-session';
import type { SessionIndex, SessionRepository } from './session-repository';

/** Sessions are touched at most this often, so reading a page does not write to the database. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * express-session's store, kept in the service's own database so a restart loses no session.
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
    this.store.getSession(id, Date.now()).then(
      (data) => callback(null, data ? (JSON.parse(data) as session.SessionData) : null),
      (error: unknown) => callback(error),
    );
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
