import type { RequestHandler, Response } from 'express';
import type session from 'express-session';

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

/** A session's data, without its cookie (whose expiry moves on every request). */
function dataOf(data: session.Session & Partial<session.SessionData>): string {
  const { cookie: _cookie, ...rest } = data;
  return JSON.stringify(rest);
}

/**
 * Stores a new or changed session before the response goes out, so a session that cannot be stored
 * is the service's error page (`DATABASE_UNAVAILABLE`, 503) instead of a page whose cookie points at
 * nothing, which the next request would show as "your session expired". express-session saves
 * only as the response ends, after the status and most of the body are written; once this has saved,
 * it does not save again. Mount it after express-session and the compression.
 */
export function createSessionCommit(): RequestHandler {
  return function sessionCommit(req, res, next) {
    const idAtStart = req.sessionID;
    const dataAtStart = req.session ? dataOf(req.session) : undefined;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    let failed = false;
    res.end = function endOnceStored(...args: unknown[]): Response {
      const current = req.session;
      const unchanged = current?.id === idAtStart && dataOf(current) === dataAtStart;
      if (failed || res.headersSent || !current || unchanged) return end(...args);
      // express-session renews the cookie's expiry only as it ends the response, after this save:
      // renew it first, or the stored expiry lags a request behind and a busy session ends early.
      current.touch();
      current.save((error?: unknown) => {
        if (error === undefined || error === null) {
          end(...args);
          return;
        }
        failed = true;
        // No cookie for a session that was never stored, and nothing for express-session to retry.
        (req as { session?: unknown }).session = undefined;
        for (const name of RESPONSE_HEADERS) res.removeHeader(name);
        next(error);
      });
      return res;
    } as Response['end'];
    next();
  };
}
