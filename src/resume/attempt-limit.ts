import type {
  AttemptCharge,
  AttemptRecord,
  AttemptSettled,
  AttemptSettlement,
} from '../store/resume-records';

/**
 * A strict limit (a resume code): `max` wrong tries, then locked for `lockMs`, each further lock
 * twice as long as the one before. Tries are never forgotten; only the owner's right secret
 * clears them.
 */
export interface LockingLimit {
  max: number;
  lockMs: number;
}

/**
 * A sliding limit (a client's address, saves): `max` tries in hand, and one more comes back every
 * `windowMs / max` after the last try. Never locked, only slowed: `max` tries at once, then one
 * at a time at that pace, which is `max` more in each `windowMs`. A room of people sharing one
 * address spends and earns tries back together, and nobody waits longer than one interval.
 */
export interface SlidingLimit {
  max: number;
  windowMs: number;
}

/** How many tries a subject (a code, a client, a session) has, and what happens when they run out. */
export type AttemptLimit = LockingLimit | SlidingLimit;

/** A subject never tried. */
export const NO_ATTEMPTS: Readonly<AttemptRecord> = Object.freeze({
  failures: 0,
  locks: 0,
  lastTriedAt: 0,
  lockedUntil: 0,
});

/** The longest lock, as a multiple of the first: 64 × 30 minutes is about a day and a half. */
const LONGEST_LOCK = 64;

const isSliding = (limit: AttemptLimit): limit is SlidingLimit => 'windowMs' in limit;

/** How long a sliding limit takes to give one try back. */
export function refillMs(limit: SlidingLimit): number {
  return limit.windowMs / limit.max;
}

/** A sliding subject's record with the tries given back since its last try taken off. */
function slid(record: AttemptRecord, now: number, limit: SlidingLimit): AttemptRecord {
  const back = Math.floor((now - record.lastTriedAt) / refillMs(limit));
  return back > 0 ? { ...record, failures: Math.max(0, record.failures - back) } : record;
}

/** When a sliding subject with `record` has a try in hand again. */
function nextTryAt(record: AttemptRecord, limit: SlidingLimit): number {
  return record.lastTriedAt + Math.ceil((record.failures - limit.max + 1) * refillMs(limit));
}

/**
 * Takes one try from a subject before the secret is checked, so tries made at the same moment
 * cannot all slip under the limit; `settleAttempt` gives it back when it succeeds.
 */
export function chargeAttempt(
  record: AttemptRecord,
  now: number,
  limit: AttemptLimit,
): { record: AttemptRecord; charge: AttemptCharge } {
  if (record.lockedUntil > now) {
    return { record, charge: { allowed: false, lockedUntil: record.lockedUntil } };
  }
  if (isSliding(limit)) {
    const current = slid(record, now, limit);
    if (current.failures >= limit.max) {
      return { record, charge: { allowed: false, lockedUntil: nextTryAt(record, limit) } };
    }
    return {
      record: { ...current, failures: current.failures + 1, lastTriedAt: now },
      charge: { allowed: true },
    };
  }
  if (record.failures >= limit.max) {
    // Every try left is already being checked by another request.
    return { record, charge: { allowed: false, lockedUntil: now + limit.lockMs } };
  }
  return {
    record: { ...record, failures: record.failures + 1, lastTriedAt: now },
    charge: { allowed: true },
  };
}

/**
 * Ends a charged try: a failure that uses up the last try locks a strict subject; a sliding
 * subject keeps the try spent until it comes back.
 */
export function settleAttempt(
  record: AttemptRecord,
  now: number,
  settlement: AttemptSettlement,
  limit: AttemptLimit,
): { record: AttemptRecord; settled: AttemptSettled } {
  if (settlement === 'reset') {
    return { record: { ...NO_ATTEMPTS, lastTriedAt: now }, settled: { attemptsLeft: limit.max } };
  }
  if (settlement === 'refund') {
    const failures = Math.max(0, record.failures - 1);
    return { record: { ...record, failures }, settled: { attemptsLeft: limit.max - failures } };
  }
  if (isSliding(limit) || record.failures < limit.max) {
    return { record, settled: { attemptsLeft: Math.max(0, limit.max - record.failures) } };
  }
  const locks = record.locks + 1;
  const lockedUntil = now + limit.lockMs * Math.min(2 ** (locks - 1), LONGEST_LOCK);
  return {
    record: { failures: 0, locks, lastTriedAt: now, lockedUntil },
    settled: { attemptsLeft: 0, lockedUntil },
  };
}
