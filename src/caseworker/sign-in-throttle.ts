import type { SignInFailurePolicy } from '../store/accounts';
import type { Store } from '../store/store';
import { normaliseUsername } from './username';

/** Limits on failed sign-ins, for each username and for each client address. */
export interface SignInThrottleOptions {
  perUsername: SignInFailurePolicy;
  /**
   * Higher than per username: a contact centre's staff often share one public address, and one
   * person's typing must not lock the whole floor out.
   */
  perClient: SignInFailurePolicy;
}

const MINUTES_15 = 15 * 60_000;

/** 5 failures for a username, or 20 from one address, within 15 minutes lock it for 15 minutes. */
export const SIGN_IN_THROTTLE_DEFAULTS: Readonly<SignInThrottleOptions> = Object.freeze({
  perUsername: { limit: 5, windowMs: MINUTES_15, lockMs: MINUTES_15 },
  perClient: { limit: 20, windowMs: MINUTES_15, lockMs: MINUTES_15 },
});

/** Counts failed sign-ins in the database, so locks survive a restart and hold across processes. */
export interface SignInThrottle {
  /** When the lock on this username or address ends (ms since the epoch), or 0. */
  lockedUntil(username: string, clientIp: string, now: number): Promise<number>;
  /** Counts a failure for both; returns when the resulting lock ends, or 0. */
  failed(username: string, clientIp: string, now: number): Promise<number>;
  /** A successful sign-in clears the username's count (not the address's). */
  succeeded(username: string): Promise<void>;
}

function checkPolicy(name: string, policy: SignInFailurePolicy): void {
  const valid = [policy.limit, policy.windowMs, policy.lockMs].every(
    (n) => Number.isInteger(n) && n > 0,
  );
  if (!valid) throw new TypeError(`${name}: limit, windowMs and lockMs must be positive integers`);
}

const userKey = (username: string) => `user:${normaliseUsername(username).slice(0, 200)}`;
const clientKey = (ip: string) => `ip:${ip}`;

/**
 * The sign-in throttle over the store.
 *
 * @example
 *   const throttle = createSignInThrottle(store, { perClient: { limit: 50, windowMs, lockMs } });
 */
export function createSignInThrottle(
  store: Store,
  options: Partial<SignInThrottleOptions> = {},
): SignInThrottle {
  const { perUsername, perClient } = { ...SIGN_IN_THROTTLE_DEFAULTS, ...options };
  checkPolicy('perUsername', perUsername);
  checkPolicy('perClient', perClient);
  return {
    lockedUntil: (username, ip, now) =>
      store.staff.signInLockedUntil([userKey(username), clientKey(ip)], now),
    async failed(username, ip, now) {
      const byUser = await store.staff.recordSignInFailure(userKey(username), now, perUsername);
      const byClient = await store.staff.recordSignInFailure(clientKey(ip), now, perClient);
      return Math.max(byUser, byClient);
    },
    succeeded: (username) => store.staff.clearSignInFailures(userKey(username)),
  };
}

/**
 * Deletes the counts of failed sign-ins that can no longer lock anything: their window (the
 * longer of the two policies') is over and any lock they held has ended. Run by the clean-up.
 *
 * @example
 *   const deleted = await forgetOldSignInFailures(store, Date.now());
 */
export function forgetOldSignInFailures(
  store: Store,
  now: number,
  options: SignInThrottleOptions = SIGN_IN_THROTTLE_DEFAULTS,
): Promise<number> {
  const windowMs = Math.max(options.perUsername.windowMs, options.perClient.windowMs);
  return store.staff.purgeSignInFailures(now - windowMs, now);
}
