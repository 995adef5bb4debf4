import { chargeAttempt, NO_ATTEMPTS, settleAttempt } from '../../src/resume/attempt-limit';
import type { AttemptLimit, AttemptRecord } from '../../src/store/resume-records';

const MINUTE = 60_000;
const limit: AttemptLimit = { max: 5, lockMs: 30 * MINUTE };

/** Makes `count` wrong tries at `now`, charging and settling each. */
function fail(record: AttemptRecord, now: number, count: number, rule = limit) {
  let current = record;
  let settled;
  for (let i = 0; i < count; i += 1) {
    const charged = chargeAttempt(current, now, rule);
    if (!charged.charge.allowed) return { record: charged.record, settled: undefined };
    ({ record: current, settled } = settleAttempt(charged.record, now, 'failed', rule));
  }
  return { record: current, settled };
}

describe('attempt-limit', () => {
  it('allows 5 wrong tries, then locks for the configured period', () => {
    const { record, settled } = fail(NO_ATTEMPTS, 1000, 5);
    expect(settled).toEqual({ attemptsLeft: 0, lockedUntil: 1000 + 30 * MINUTE });
    expect(chargeAttempt(record, 1000 + 29 * MINUTE, limit).charge).toEqual({
      allowed: false,
      lockedUntil: 1000 + 30 * MINUTE,
    });
    expect(chargeAttempt(record, 1000 + 30 * MINUTE, limit).charge).toEqual({ allowed: true });
  });

  it('locks for twice as long each further time', () => {
    const first = fail(NO_ATTEMPTS, 0, 5).record;
    const second = fail(first, 30 * MINUTE, 5);
    expect(second.settled?.lockedUntil).toBe(30 * MINUTE + 60 * MINUTE);
    const third = fail(second.record, 90 * MINUTE, 5);
    expect(third.settled?.lockedUntil).toBe(90 * MINUTE + 120 * MINUTE);
  });

  it('counts a try before it is checked, so tries at the same moment cannot pass the limit', () => {
    let record = NO_ATTEMPTS;
    const allowed = [];
    for (let i = 0; i < 8; i += 1) {
      const charged = chargeAttempt(record, 0, limit);
      record = charged.record;
      allowed.push(charged.charge.allowed);
    }
    expect(allowed.filter(Boolean)).toHaveLength(5);
  });

  it('gives a try back on success, and forgives everything when the owner proves it', () => {
    const twice = fail(NO_ATTEMPTS, 0, 2).record;
    const charged = chargeAttempt(twice, 0, limit).record;
    expect(settleAttempt(charged, 0, 'refund', limit).record.failures).toBe(2);
    expect(settleAttempt(charged, 0, 'reset', limit).record).toMatchObject({
      failures: 0,
      locks: 0,
    });
  });

  it("never forgets a strict subject's wrong tries (a code): only the owner clears them", () => {
    const four = fail(NO_ATTEMPTS, 0, 4).record;
    expect(fail(four, 365 * 24 * 60 * MINUTE, 1).settled?.lockedUntil).toBeDefined();
  });
});

describe('attempt-limit, sliding (a client address)', () => {
  const sliding: AttemptLimit = { max: 100, windowMs: 60 * MINUTE };
  const SECOND = 1000;

  it('allows 100 wrong tries at once, then gives one back every 36 seconds: slowed, never locked', () => {
    const { record, settled } = fail(NO_ATTEMPTS, 0, 100, sliding);
    expect(settled).toEqual({ attemptsLeft: 0 });
    expect(record.lockedUntil).toBe(0);
    expect(chargeAttempt(record, 35 * SECOND, sliding).charge).toEqual({
      allowed: false,
      lockedUntil: 36 * SECOND,
    });
    const next = chargeAttempt(record, 36 * SECOND, sliding);
    expect(next.charge).toEqual({ allowed: true });
    expect(chargeAttempt(next.record, 36 * SECOND, sliding).charge).toEqual({
      allowed: false,
      lockedUntil: 72 * SECOND,
    });
  });

  it('gives every try back after a quiet hour', () => {
    const spent = fail(NO_ATTEMPTS, 0, 100, sliding).record;
    expect(fail(spent, 60 * MINUTE, 1, sliding).settled).toEqual({ attemptsLeft: 99 });
  });

  it('lets someone trying every second for an hour make at most 200 tries, and keeps them coming', () => {
    let record = NO_ATTEMPTS;
    let allowed = 0;
    for (let at = 0; at < 60 * MINUTE; at += SECOND) {
      const charged = chargeAttempt(record, at, sliding);
      record = charged.record;
      if (charged.charge.allowed) allowed += 1;
    }
    // 100 in hand, then one every 36 s after the last (the 100th was at 99 s): never more than 200.
    expect(allowed).toBeLessThanOrEqual(200);
    expect(allowed).toBe(100 + Math.floor((60 * MINUTE - 100 * SECOND) / (36 * SECOND)));
  });
});
