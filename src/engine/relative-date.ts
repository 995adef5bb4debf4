/**
 * Dates a definition writes relative to today, for date rules and date conditions: `"today"`,
 * `"16 years ago"`, `"3 months from today"`, `"30 days ago"`, `"2 weeks from today"`, or a fixed
 * date `YYYY-MM-DD`. Worked out in UTC on the day of the answer.
 */
const RELATIVE = /^(\d{1,4}) (day|week|month|year)s? (ago|from today)$/;

/** Every date rule: a fixed date, today, or a number of days, weeks, months or years from it. */
export const DATE_RULE =
  /^(today|\d{4}-\d{2}-\d{2}|\d{1,4} (day|week|month|year)s? (ago|from today))$/;

/** Whether a definition's text is a date rule civic-forms can work out. */
export function isDateRule(text: unknown): text is string {
  return typeof text === 'string' && DATE_RULE.test(text);
}

/**
 * The date a rule stands for, `YYYY-MM-DD`, on the day `today`. Months and years keep the day of the
 * month where it exists, and otherwise take the month's last day (29 February 16 years on is 28
 * February), so "16 years ago" is the latest date of birth of a person who is 16 today.
 */
export function resolveDate(rule: string, today: string): string {
  if (rule === 'today') return today;
  const match = RELATIVE.exec(rule);
  if (!match) return rule;
  const amount = Number(match[1]) * (match[3] === 'ago' ? -1 : 1);
  const unit = match[2];
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  if (unit === 'day' || unit === 'week') {
    const days = unit === 'week' ? amount * 7 : amount;
    return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
  }
  const months = year * 12 + month - 1 + (unit === 'year' ? amount * 12 : amount);
  const y = Math.floor(months / 12);
  const m = months - y * 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** A relative date rule's parts: how many of which unit, before or after today. */
export function relativeParts(
  rule: string,
): { amount: number; unit: 'day' | 'week' | 'month' | 'year'; ago: boolean } | undefined {
  const match = RELATIVE.exec(rule);
  if (!match) return undefined;
  return {
    amount: Number(match[1]),
    unit: match[2] as 'day' | 'week' | 'month' | 'year',
    ago: match[3] === 'ago',
  };
}
