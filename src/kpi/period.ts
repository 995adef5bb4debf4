/** A period of time: milliseconds since the epoch, `from` inclusive, `to` exclusive. */
export interface Period {
  from: number;
  to: number;
}

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Whether a time falls in a period. */
export function within(period: Period, at: number): boolean {
  return at >= period.from && at < period.to;
}

/** The UTC day of a time, as `YYYY-MM-DD`. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Midnight UTC at the start of a `YYYY-MM-DD` day. */
export function startOfDay(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** The days of a period as `[fromDay, toDay)`, for tables that keep the day only. */
export function dayRange(period: Period): { fromDay: string; toDay: string } {
  return { fromDay: dayOf(period.from), toDay: dayOf(period.to + DAY_MS - 1) };
}

/** The longest period a trend shows day by day; longer ones go week by week. */
export const MOST_DAYS_BY_DAY = 31;

/**
 * The buckets of a trend: one a day for periods up to 31 days, else one a week (weeks start on
 * Monday, UTC), the first and last cut to the period.
 */
export function trendBuckets(period: Period): { unit: 'day' | 'week'; buckets: Period[] } {
  const unit = period.to - period.from <= MOST_DAYS_BY_DAY * DAY_MS ? 'day' : 'week';
  const buckets: Period[] = [];
  let from = period.from;
  while (from < period.to) {
    const midnight = startOfDay(dayOf(from));
    const weekday = (new Date(midnight).getUTCDay() + 6) % 7;
    const next = unit === 'day' ? midnight + DAY_MS : midnight + (7 - weekday) * DAY_MS;
    const to = Math.min(next, period.to);
    buckets.push({ from, to });
    from = to;
  }
  return { unit, buckets };
}
