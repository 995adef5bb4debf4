/** Today's date as `YYYY-MM-DD` (UTC), as date rules and date conditions compare it. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
