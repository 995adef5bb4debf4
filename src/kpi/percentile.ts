/**
 * The p-th percentile (0–1) of some numbers, interpolating between the closest ranks (as a
 * spreadsheet's PERCENTILE.INC): the median of 1, 2, 3, 4 is 2.5. Undefined for no numbers.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (rank - below);
}
