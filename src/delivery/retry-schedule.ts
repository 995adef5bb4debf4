import type { RetryPolicy } from './destination';

/** What follows a failed try: another try after a delay, or the end (dead-lettered). */
export type NextTry = { delayMs: number } | 'dead';

/** No retry sooner than this, whatever the jitter draws: a receiver gets a moment to recover. */
const FLOOR_MS = 1000;

/**
 * When to try a failed delivery again: exponential backoff with full jitter (a random delay up to
 * `firstDelayMs × 2^(attempt-1)`, capped at `maxDelayMs`), so that deliveries failing together do
 * not come back together. Tries go on until `giveUpAfterMs` after the first one: the last delay
 * is shortened to land on that time, and the try after it is the last. Then 'dead'.
 * `rng` gives numbers in [0, 1): `Math.random` in the service, a fixed sequence in tests.
 *
 * @example
 *   nextTry(policy, { attempts: 1, sinceFirstMs: 0 }); // { delayMs: 0..30 000 } by default
 */
export function nextTry(
  policy: RetryPolicy,
  tries: { attempts: number; sinceFirstMs: number },
  rng: () => number = Math.random,
): NextTry {
  const left = policy.giveUpAfterMs - tries.sinceFirstMs;
  if (left <= 0) return 'dead';
  const exponent = Math.min(Math.max(tries.attempts - 1, 0), 52);
  const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** exponent);
  const drawn = Math.max(FLOOR_MS, Math.floor(rng() * ceiling));
  return { delayMs: Math.min(drawn, left) };
}
