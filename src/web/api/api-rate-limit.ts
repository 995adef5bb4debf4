/** What the rate limit says about one request. */
export type RateDecision =
  { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * A fixed-window count of requests per key, in this process: `limit` requests a `windowMs`.
 * With N processes a key may make up to N times as many; the limit is there to stop a runaway
 * client, not to meter one exactly.
 */
export function createRateLimit(
  limit: number,
  windowMs: number,
  clock: () => number = Date.now,
): (key: string) => RateDecision {
  const windows = new Map<string, { start: number; count: number }>();
  return (key) => {
    const now = clock();
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      // Forget windows that ended, so keys long unused take no memory.
      for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    if (window.count >= limit) {
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)),
      };
    }
    window.count += 1;
    return { ok: true, remaining: limit - window.count };
  };
}
