import type { SatisfactionResponse } from '../store/journey-events';
import type { JourneyMoment, JourneySummary } from './journeys';
import { within, type Period } from './period';

/** One channel's or one language's share of the figures. */
export interface BreakdownRow {
  key: string;
  /** Journeys started in the period in this channel or language. */
  starts: number;
  /** Of those, how many have completed; and the rate (null without starts). */
  startedAndCompleted: number;
  completionRate: number | null;
  /** Transactions completed in the period in this channel or language, and their share of all. */
  completions: number;
  share: number | null;
  /** Submissions in the period in this channel or language that said "I have no fixed address". */
  noFixedAddress: number;
  /** Satisfaction ratings given in this channel or language, and the share satisfied. */
  responses: number;
  satisfactionRate: number | null;
}

/** Which side of a journey a breakdown reads. */
export type Dimension = 'channel' | 'language';

/**
 * The figures split by channel or by language: starts by where a journey started, completions by
 * where it completed (a journey started online may be finished by phone). `keys` are listed first,
 * in order, even when zero; any other key seen follows.
 */
export function breakdown(
  journeys: Iterable<JourneySummary>,
  responses: readonly SatisfactionResponse[],
  period: Period,
  dimension: Dimension,
  keys: readonly string[],
): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow & { satisfied: number }>();
  const row = (key: string) => {
    let found = rows.get(key);
    if (!found) {
      found = {
        key,
        starts: 0,
        startedAndCompleted: 0,
        completionRate: null,
        completions: 0,
        share: null,
        noFixedAddress: 0,
        responses: 0,
        satisfactionRate: null,
        satisfied: 0,
      };
      rows.set(key, found);
    }
    return found;
  };
  keys.forEach(row);
  const keyOf = (moment: JourneyMoment) => moment[dimension];
  let completions = 0;
  for (const journey of journeys) {
    if (journey.start && within(period, journey.start.at)) {
      const r = row(keyOf(journey.start));
      r.starts += 1;
      if (journey.completion) r.startedAndCompleted += 1;
    }
    if (journey.completion && within(period, journey.completion.at)) {
      row(keyOf(journey.completion)).completions += 1;
      completions += 1;
    }
    if (journey.noFixedAddress && within(period, journey.noFixedAddress.at)) {
      row(keyOf(journey.noFixedAddress)).noFixedAddress += 1;
    }
  }
  for (const response of responses) {
    const r = row(response[dimension]);
    r.responses += 1;
    if (response.rating >= 4) r.satisfied += 1;
  }
  return [...rows.values()].map(({ satisfied, ...r }) => ({
    ...r,
    completionRate: r.starts === 0 ? null : r.startedAndCompleted / r.starts,
    share: completions === 0 ? null : r.completions / completions,
    satisfactionRate: r.responses === 0 ? null : satisfied / r.responses,
  }));
}
