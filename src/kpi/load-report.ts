import type { FormDefinition } from '../definition/types';
import type { Store } from '../store/store';
import { dayRange, type Period } from './period';
import { computeReport, type KpiReport } from './report';

/** Reads a form's events and ratings for a period from the store and computes its report. */
export async function loadReport(
  store: { events: Pick<Store['events'], 'listJourneyEvents' | 'listSatisfaction'> },
  form: FormDefinition,
  period: Period,
  version?: string,
): Promise<KpiReport> {
  const [events, responses] = await Promise.all([
    store.events.listJourneyEvents({ formId: form.id, version, ...period }),
    store.events.listSatisfaction({ formId: form.id, version, ...dayRange(period) }),
  ]);
  return computeReport({ form, version, period, events, responses });
}
