/** A date some days from today, as the parts a person types into a date input. */
export function addDays(days: number): { day: string; month: string; year: string; iso: string } {
  const date = new Date(Date.now() + days * 86_400_000);
  return {
    day: String(date.getUTCDate()),
    month: String(date.getUTCMonth() + 1),
    year: String(date.getUTCFullYear()),
    iso: date.toISOString().slice(0, 10),
  };
}
