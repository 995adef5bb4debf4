import type {
  AttemptCharge,
  AttemptLimit,
  AttemptRecord,
  AttemptSettled,
  AttemptSettlement,
} from '../store/resume-records';

/** A subject never tried. */
export const NO_ATTEMPTS: Readonly<AttemptRecord> = Object.freeze({
  failures: 0,
  locks: 0,
  lastTriedAt: 0,
  lockedUntil: 0,
});

/** The longest lock, as a multiple of the first: 64 × 30 minutes is about a day and a half. */
const LONGEST_LOCK = 64;

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
  const forgotten =
    limit.forgetAfterMs !== undefined && record.lastTriedAt <= now - limit.forgetAfterMs;
  const current = forgotten ? NO_ATTEMPTS : record;
  if (current.failures >= limit.max) {
    // Every try left is already being checked by another request.
    return { record: current, charge: { allowed: false, lockedUntil: now + limit.lockMs } };
  }
  return {
    record: { ...current, failures: current.failures + 1, lastTriedAt: now },
    charge: { allowed: true },
  };
}

/** Ends a charged try: a failure that uses up the last try locks the subject. */
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
  if (record.failures < limit.max) {
    return { record, settled: { attemptsLeft: limit.max - record.failures } };
  }
  const locks = record.locks + 1;
  const lockedUntil = now + limit.lockMs * Math.min(2 ** (locks - 1), LONGEST_LOCK);
  return {
    record: { failures: 0, locks, lastTriedAt: now, lockedUntil },
    settled: { attemptsLeft: 0, lockedUntil },
  };
}
