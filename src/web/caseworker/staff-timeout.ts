import type { Request, RequestHandler, Router } from 'express';
import { timeoutTimes, type TimeoutTimes } from '../timeout-times';

/** Where the staff time-out warning's "Stay signed in" posts (behind the staff sign-in and CSRF). */
export const STAFF_KEEP_ALIVE = '/caseworker/keep-alive';

/** The `timeout` a page of the staff areas gives `partials/timeout-warning.njk`. */
export interface StaffTimeout extends TimeoutTimes {
  /** The locale keys' prefix: the staff words ("Stay signed in"), not the constituents'. */
  words: string;
  keepAliveHref: string;
  /** Where the page goes when the time is up: the sign-in page, saying why, then back here. */
  expiredHref: string;
  /** The id of the header's sign-out form, which the warning's "Sign out" button submits. */
  signOutForm: string;
}

/**
 * The time-out warning of a page shown to a signed-in member of staff: it opens before the
 * sign-in ends (CASEWORKER_IDLE_MINUTES without a request), offers to stay signed in, and
 * otherwise goes to the sign-in page, which ends the sign-in and then returns to this page.
 */
export function staffTimeout(req: Request, idleMinutes: number): StaffTimeout {
  const expired = new URLSearchParams({ return: req.originalUrl, expired: '1' });
  return {
    ...timeoutTimes(idleMinutes),
    words: 'caseworker-session:',
    keepAliveHref: STAFF_KEEP_ALIVE,
    expiredHref: `/caseworker/sign-in?${expired.toString()}`,
    signOutForm: 'cf-sign-out',
  };
}

/**
 * `POST /caseworker/keep-alive`: "Stay signed in". `staffOnly` (requireRole) does the work: it
 * refuses a request without a live staff sign-in, and moves the sign-in's idle expiry on, which
 * the session then stores; the app's CSRF check runs before it.
 */
export function addKeepAlive(router: Router, staffOnly: RequestHandler): void {
  router.post('/keep-alive', staffOnly, function keepAlive(_req, res) {
    res.setHeader('Cache-Control', 'no-store');
    res.status(204).end();
  });
}
