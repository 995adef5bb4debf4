import type { JourneyEvent } from '../store/journey-events';
import { within, type Period } from './period';

/** How often one question gave one error. */
export interface ErrorRow {
  questionId: string;
  errorCode: string;
  /** Errors shown in the period. */
  count: number;
  /** Journeys that saw it at least once. */
  journeys: number;
}

/** Validation errors in a period, per question and error code, most frequent first. */
export function errorRanking(events: readonly JourneyEvent[], period: Period): ErrorRow[] {
  const rows = new Map<string, ErrorRow & { seenBy: Set<string> }>();
  for (const event of events) {
    if (event.type !== 'error' || !within(period, event.at)) continue;
    const questionId = event.questionId ?? '';
    const errorCode = event.errorCode ?? '';
    const key = `${questionId}\u0000${errorCode}`;
    let row = rows.get(key);
    if (!row) {
      row = { questionId, errorCode, count: 0, journeys: 0, seenBy: new Set() };
      rows.set(key, row);
    }
    row.count += 1;
    row.seenBy.add(event.journeyId);
  }
  return [...rows.values()]
    .map(({ seenBy, ...row }) => ({ ...row, journeys: seenBy.size }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.journeys - a.journeys ||
        a.questionId.localeCompare(b.questionId) ||
        a.errorCode.localeCompare(b.errorCode),
    );
}
