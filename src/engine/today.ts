const DAY_MS = 86_400_000;

/** The day last asked for: every request asks (closed forms, date rules), the day rarely changes. */
let known = { from: 0, until: 0, day: '' };

/** Today's date as `YYYY-MM-DD` (UTC), as date rules and date conditions compare it. */
export function today(): string {
  const now = Date.now();
  if (now < known.from || now >= known.until) {
    const from = now - (((now % DAY_MS) + DAY_MS) % DAY_MS);
    known = { from, until: from + DAY_MS, day: new Date(from).toISOString().slice(0, 10) };
  }
  return known.day;
}
