import type { SatisfactionResponse } from '../store/journey-events';

/** User satisfaction: the share of ratings of 4 or 5 ("satisfied" or "very satisfied"). */
export interface SatisfactionFigures {
  responses: number;
  satisfied: number;
  /** satisfied / responses; null without responses. */
  rate: number | null;
  /** How many chose each rating, from 1 (very dissatisfied) to 5 (very satisfied). */
  distribution: { 1: number; 2: number; 3: number; 4: number; 5: number };
}

/** The satisfaction figures of some responses. */
export function satisfactionFigures(
  responses: readonly Pick<SatisfactionResponse, 'rating'>[],
): SatisfactionFigures {
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const { rating } of responses) distribution[rating] += 1;
  const satisfied = distribution[4] + distribution[5];
  return {
    responses: responses.length,
    satisfied,
    rate: responses.length === 0 ? null : satisfied / responses.length,
    distribution,
  };
}
