import type { Request, Response } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { SESSION_COOKIE } from '../session-expiry';
import type {} from '../session/session-data';

declare module '../session/session-data' {
  interface SessionData {
    /** The member of staff signed in with this session, and when the sign-in ends if left idle. */
    caseworker?: {
      principal: Principal;
      signedInAt: string;
      /** Milliseconds since the epoch; moved on by every caseworker request. */
      expiresAt: number;
    };
  }
}

/**
 * Signs a member of staff in: a new session id (so a session id known before sign-in is worthless
 * after it) holding nothing but the principal and its idle expiry.
 */
export function startSignIn(
  req: Request,
  principal: Principal,
  idleMinutes: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error: unknown) => {
      if (error) return reject(error);
      req.session.caseworker = {
        principal,
        signedInAt: new Date().toISOString(),
        expiresAt: Date.now() + idleMinutes * 60_000,
      };
      // The stored session outlives the sign-in by a minute (the session store renews its expiry at
      // most once a minute), so the idle check in requireRole is what ends it, with its audit line.
      req.session.cookie.maxAge = (idleMinutes + 1) * 60_000;
      req.session.save((saveError: unknown) => (saveError ? reject(saveError) : resolve()));
    });
  });
}

/** Ends the session entirely: the database row goes and the browser drops the cookie. */
export function endSignIn(req: Request, res: Response): Promise<void> {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  return new Promise((resolve) => {
    if (!req.session) return resolve();
    req.session.destroy(() => resolve());
  });
}
