import type { Request, RequestHandler } from 'express';
import type { FormDefinition } from '../definition/types';
import { readCookie } from './cookies';

/** The session cookie's name. */
export const SESSION_COOKIE = 'civic.sid';

/** The session id the session cookie carries (`s:<id>.<signature>`, see session/signed-id.ts), if any. */
function cookieSessionId(header: string | undefined): string | undefined {
  const value = readCookie(header, SESSION_COOKIE);
  if (!value) return undefined;
  return value.startsWith('s:') ? value.slice(2, value.lastIndexOf('.')) : value;
}

/**
 * Whether this request's page can be the same for everyone: a GET from a browser without a
 * session, which it did not start either (nothing stored in it, so no CSRF token on the page).
 */
export function sessionless(req: Request): boolean {
  if (req.method !== 'GET' || cookieSessionId(req.headers.cookie) !== undefined) return false;
  const data = req.session as object | undefined;
  return !data || Object.keys(data).every((key) => key === 'cookie');
}

/**
 * Notices a browser that comes back with a session the service no longer has (it timed out) and,
 * on a page of a journey, sends it to that form's "session expired" page instead of a blank form
 * or a refused post. Runs after the session middleware, before the CSRF check.
 */
export function createSessionExpiry(forms: ReadonlyMap<string, FormDefinition>): RequestHandler {
  return function sessionExpiry(req, res, next) {
    const sent = cookieSessionId(req.headers.cookie);
    if (sent === undefined || sent === req.sessionID) return next();
    res.locals.sessionExpired = true;
    const [, formId, page] = req.path.split('/');
    // A saved form is resumed from any browser, however old its cookie.
    const inJourney =
      page !== undefined && !['session-expired', 'confirmation', 'resume'].includes(page);
    if (formId && forms.has(formId) && inJourney)
      return res.redirect(303, `/${formId}/session-expired`);
    next();
  };
}
