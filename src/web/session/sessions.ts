import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { SessionIndex, SessionRepository } from '../../store/session-repository';
import { readCookie } from '../cookies';
import { keepDraftsReadWithSession } from './drafts-read-with-session';
import type { Session, SessionCookie, SessionData } from './session-data';
import { signedId, verifiedId } from './signed-id';

/** The stored expiry moves on at most this often, so reading pages does not write the database. */
const TOUCH_INTERVAL_MS = 60_000;

/** Where a session object keeps its id, request and state: a symbol, so never in its JSON. */
const STATE = Symbol('session state');

type Held = Session & { [STATE]: { id: string; req: Request; tracked: Tracked } };

/** Headers of the response that was to go out, which the error page must not inherit. */
const RESPONSE_HEADERS = [
  'Content-Length',
  'Content-Encoding',
  'Content-Type',
  'Content-Disposition',
  'Location',
  'Set-Cookie',
  'Vary',
];

export interface SessionsOptions {
  /** The cookie's name. */
  name: string;
  /** Signs the cookie, so an id cannot be made up (it is random and unguessable as well). */
  secret: string;
  store: SessionRepository;
  /** How long a session lasts without use, unless it says otherwise (`cookie.maxAge`). */
  idleMs: number;
  /** Whether the cookie is sent over HTTPS only. */
  secure: boolean;
  /** What SQL must find in a session without reading its JSON (its staff account, its drafts). */
  index: (data: SessionData) => SessionIndex;
}

/** What the middleware knows of one request's session besides the session itself (`req.session`). */
interface Tracked {
  /** The session's JSON as last read or stored; undefined while it has never been stored. */
  stored: string | undefined;
  /** When the stored row expires (ms since the epoch). */
  storedExpiry: number;
  /** The value the browser sent for this session's id, sent back as it is (no signing again). */
  sentValue: string | undefined;
  touchAsked: boolean;
}

class Cookie implements SessionCookie {
  constructor(public originalMaxAge: number) {}
  get maxAge(): number {
    return this.originalMaxAge;
  }
  set maxAge(ms: number) {
    this.originalMaxAge = ms;
  }
}

/** Whether a session holds anything worth a row (a new, untouched session is not stored). */
function holdsData(session: Session): boolean {
  const keys = Object.keys(session);
  return keys.length > 1 || (keys.length === 1 && keys[0] !== 'cookie');
}

/**
 * Sessions kept in the service's own database, with a signed id in an HttpOnly, SameSite cookie.
 *
 * A request reads its session and the drafts it holds in one query. As the response ends, a new or
 * changed session (its JSON compared with what was read) is stored before the page goes out, so a
 * session that cannot be stored is the service's error page (`DATABASE_UNAVAILABLE`, 503) rather
 * than a page whose cookie points at nothing. An unchanged session only has its expiry moved on, at
 * most once a minute, in a column of its own: a page read in one tab never writes back an older
 * copy of what a post in another tab changed. The cookie rolls (its `Expires` moves on with every
 * response) without being signed again. Nothing the database holds is kept in the process between
 * requests (only which cookie values were found signed right), so any number of processes can
 * share the database.
 *
 * @example
 *   app.use(createSessions({ name: 'civic.sid', secret, store: store.sessions, idleMs, secure, index }));
 */
export function createSessions(options: SessionsOptions): RequestHandler {
  const { name, secret, store, idleMs, secure, index } = options;
  if (!name || !secret) throw new TypeError('sessions: a cookie name and a secret are needed');
  if (!Number.isInteger(idleMs) || idleMs <= 0) {
    throw new TypeError(`sessions: idleMs must be a positive integer, not ${idleMs}`);
  }

  const newId = () => randomBytes(24).toString('base64url');

  /** The session object: its data as own properties, its controls on the prototype. */
  const sessionFor = (req: Request, tracked: Tracked, id: string, data: object): void => {
    const session = Object.create(controls) as Held;
    session[STATE] = { id, req, tracked };
    Object.assign(session, data);
    const kept = (data as { cookie?: { originalMaxAge?: unknown } }).cookie?.originalMaxAge;
    (session as unknown as { cookie: Cookie }).cookie = new Cookie(
      typeof kept === 'number' && kept > 0 ? kept : idleMs,
    );
    req.session = session;
    req.sessionID = id;
  };

  const storeSession = (session: Session, json: string, tracked: Tracked): Promise<void> => {
    const expiry = Date.now() + session.cookie.maxAge;
    return store.setSession(session.id, json, expiry, index(session)).then(() => {
      tracked.stored = json;
      tracked.storedExpiry = expiry;
    });
  };

  /** Stores or touches what needs it; resolves once the database has it. */
  const commit = (req: Request, tracked: Tracked): Promise<void> | undefined => {
    const session = req.session as Session | undefined;
    if (!session) return undefined;
    const json = JSON.stringify(session);
    if (tracked.stored === undefined) {
      return holdsData(session) ? storeSession(session, json, tracked) : undefined;
    }
    if (json !== tracked.stored) return storeSession(session, json, tracked);
    const expiry = Date.now() + session.cookie.maxAge;
    if (!tracked.touchAsked && tracked.storedExpiry > expiry - TOUCH_INTERVAL_MS) return undefined;
    return store.touchSession(session.id, expiry).then(() => {
      tracked.storedExpiry = expiry;
    });
  };

  const controls: Omit<Session, 'cookie'> & ThisType<Held> = {
    get id() {
      return this[STATE].id;
    },
    regenerate(callback) {
      const { id, req, tracked } = this[STATE];
      const fresh = () => {
        tracked.stored = undefined;
        tracked.sentValue = undefined;
        tracked.touchAsked = false;
        sessionFor(req, tracked, newId(), {});
        callback();
      };
      if (tracked.stored === undefined) return fresh();
      store.destroySession(id).then(fresh, callback);
    },
    destroy(callback) {
      const { id, req, tracked } = this[STATE];
      (req as { session?: Session }).session = undefined;
      if (tracked.stored === undefined) return callback?.();
      tracked.stored = undefined;
      store.destroySession(id).then(
        () => callback?.(),
        (error: unknown) => callback?.(error),
      );
    },
    save(callback) {
      storeSession(this, JSON.stringify(this), this[STATE].tracked).then(
        () => callback?.(),
        (error: unknown) => callback?.(error),
      );
    },
    touch() {
      this[STATE].tracked.touchAsked = true;
    },
  };

  /** The session cookie, on every response whose session is (or is about to be) stored. */
  const setCookie = (req: Request, res: Response, tracked: Tracked): void => {
    const session = req.session as Session | undefined;
    if (!session || (tracked.stored === undefined && !holdsData(session))) return;
    res.cookie(name, tracked.sentValue ?? signedId(session.id, secret), {
      path: '/',
      expires: new Date(Date.now() + session.cookie.maxAge),
      httpOnly: true,
      sameSite: 'lax',
      secure,
    });
  };

  const hookResponse = (req: Request, res: Response, next: NextFunction, tracked: Tracked) => {
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithCookie(this: Response, ...args: unknown[]) {
      setCookie(req, this, tracked);
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response['writeHead'];
    const realEnd = res.end as (...args: unknown[]) => Response;
    const end = (...args: unknown[]) => realEnd.apply(res, args);
    let failed = false;
    res.end = function endOnceStored(...args: unknown[]): Response {
      const pending = failed ? undefined : commit(req, tracked);
      if (!pending) return end(...args);
      pending.then(
        () => end(...args),
        (error: unknown) => {
          failed = true;
          if (res.headersSent) {
            end(...args);
            return next(error);
          }
          // No cookie for a session that was never stored: the error page goes out instead.
          (req as { session?: Session }).session = undefined;
          for (const header of RESPONSE_HEADERS) res.removeHeader(header);
          next(error);
        },
      );
      return res;
    } as Response['end'];
  };

  return function sessions(req, res, next) {
    const sentValue = readCookie(req.headers.cookie, name);
    const sentId = verifiedId(sentValue, secret);
    const tracked: Tracked = {
      stored: undefined,
      storedExpiry: 0,
      sentValue: undefined,
      touchAsked: false,
    };
    hookResponse(req, res, next, tracked);
    if (sentId === undefined) {
      sessionFor(req, tracked, newId(), {});
      return next();
    }
    store.getSessionWithDrafts(sentId, Date.now()).then((read) => {
      if (!read) {
        sessionFor(req, tracked, newId(), {});
        return next();
      }
      tracked.stored = read.data;
      tracked.storedExpiry = read.expiresAt;
      tracked.sentValue = sentValue;
      sessionFor(req, tracked, sentId, JSON.parse(read.data) as object);
      keepDraftsReadWithSession(req, read.drafts);
      next();
    }, next);
  };
}
