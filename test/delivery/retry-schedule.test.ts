import { DEFAULT_RETRY, type RetryPolicy } from '../../src/delivery/destination';
import { nextTry } from '../../src/delivery/retry-schedule';

const HOUR = 3_600_000;

/** A seeded generator (mulberry32): the same sequence on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every try of a delivery that always fails, from the first to the dead letter. */
function tryUntilDead(policy: RetryPolicy, rng: () => number) {
  const at = [0];
  for (;;) {
    const next = nextTry(policy, { attempts: at.length, sinceFirstMs: at.at(-1) ?? 0 }, rng);
    if (next === 'dead') return at;
    at.push((at.at(-1) ?? 0) + next.delayMs);
  }
}

describe('nextTry', () => {
  it('doubles the longest delay from the first delay up to the cap', () => {
    const longest = [1, 2, 3, 4, 5, 6, 7, 8, 12].map((attempts) => {
      const next = nextTry(DEFAULT_RETRY, { attempts, sinceFirstMs: 0 }, () => 0.999999);
      return next === 'dead' ? next : Math.round(next.delayMs / 1000);
    });
    expect(longest).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('draws the delay anywhere from a second up to the longest (full jitter)', () => {
    const at = (r: number) => nextTry(DEFAULT_RETRY, { attempts: 5, sinceFirstMs: 0 }, () => r);
    expect(at(0)).toEqual({ delayMs: 1000 });
    expect(at(0.5)).toEqual({ delayMs: 240_000 });
    const rng = seeded(7);
    const spread = Array.from({ length: 200 }, () => {
      const next = nextTry(DEFAULT_RETRY, { attempts: 5, sinceFirstMs: 0 }, rng);
      return next === 'dead' ? -1 : next.delayMs;
    });
    expect(Math.min(...spread)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...spread)).toBeLessThanOrEqual(480_000);
    expect(new Set(spread).size).toBeGreaterThan(150);
  });

  it('keeps trying for the whole window, the last try on its end, then dead-letters', () => {
    for (const seed of [1, 2, 3, 42]) {
      const tries = tryUntilDead(DEFAULT_RETRY, seeded(seed));
      expect(tries.at(-1)).toBe(24 * HOUR);
      expect(tries.length).toBeGreaterThan(30);
      const gaps = tries.slice(1).map((t, i) => t - (tries[i] ?? 0));
      expect(Math.max(...gaps)).toBeLessThanOrEqual(HOUR);
    }
  });

  it('retries for as long as the operator sets', () => {
    const threeDays: RetryPolicy = { ...DEFAULT_RETRY, giveUpAfterMs: 72 * HOUR };
    expect(tryUntilDead(threeDays, seeded(5)).at(-1)).toBe(72 * HOUR);
    expect(nextTry(threeDays, { attempts: 40, sinceFirstMs: 71 * HOUR }, () => 0.9)).toEqual({
      delayMs: 0.9 * HOUR,
    });
    expect(nextTry(threeDays, { attempts: 41, sinceFirstMs: 72 * HOUR }, () => 0.9)).toBe('dead');
  });

  it('shortens the last delay so no try falls after the window', () => {
    const next = nextTry(
      DEFAULT_RETRY,
      { attempts: 30, sinceFirstMs: 24 * HOUR - 5000 },
      () => 0.9,
    );
    expect(next).toEqual({ delayMs: 5000 });
  });
});
