import type { JourneySummary } from './journeys';
import type { FunnelStepDefinition } from './page-keys';
import { within, type Period } from './period';

/** One step of the drop-off funnel. */
export interface FunnelRow extends FunnelStepDefinition {
  /** Journeys started in the period that reached this step. */
  reached: number;
  /** Of those, the journeys that have not completed and were last seen here. */
  left: number;
}

/** Where the journeys started in a period went. */
export interface Funnel {
  started: number;
  completed: number;
  rows: FunnelRow[];
  /** Journeys that did not complete and were last seen on no step of this form's definition. */
  leftElsewhere: number;
}

/**
 * The drop-off funnel of the journeys started in a period: for each step in the form's order, how
 * many reached it and how many left there (their last step seen, without completing).
 */
export function funnel(
  steps: readonly FunnelStepDefinition[],
  journeys: Iterable<JourneySummary>,
  period: Period,
): Funnel {
  const rows = steps.map((step) => ({ ...step, reached: 0, left: 0 }));
  const byKey = new Map(rows.map((row) => [row.key, row]));
  let started = 0;
  let completed = 0;
  let leftElsewhere = 0;
  for (const journey of journeys) {
    if (!journey.start || !within(period, journey.start.at)) continue;
    started += 1;
    for (const key of journey.reached) {
      const row = byKey.get(key);
      if (row) row.reached += 1;
    }
    if (journey.completion) {
      completed += 1;
      continue;
    }
    const last = journey.lastPage === undefined ? undefined : byKey.get(journey.lastPage);
    if (last) last.left += 1;
    else leftElsewhere += 1;
  }
  return { started, completed, rows, leftElsewhere };
}
