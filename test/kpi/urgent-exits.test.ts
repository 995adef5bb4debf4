import path from 'node:path';
import { loadForms } from '../../src/definition/load';
import type { ExitPage, FormDefinition } from '../../src/definition/types';
import { computeReport } from '../../src/kpi/report';
import { EventLog, march, WITHOUT_VEHICLES } from './journey-fixture';

const source = loadForms(path.join(__dirname, '..', 'fixtures', 'forms')).get(
  'parking-permit',
) as FormDefinition;
/** The fixture form with its exit page made urgent ("Call us now"). */
const urgent: FormDefinition = {
  ...source,
  pages: source.pages.map((p) =>
    p.kind === 'exit' ? ({ ...p, reason: 'urgent' } satisfies ExitPage) : p,
  ),
};
const PERIOD = { from: march(3, 0), to: march(10, 0) };

/** One submission and two journeys that reached the exit page (one of them twice). */
function events() {
  const log = new EventLog();
  log.journey('a', march(3, 9), WITHOUT_VEHICLES, { end: 'submit' });
  log.journey('b', march(4, 9), ['live-in-zone']);
  log.add('b', 'exit', march(4, 9, 1), { pageKey: 'cannot-apply' });
  log.add('b', 'exit', march(4, 9, 2), { pageKey: 'cannot-apply' });
  log.journey('c', march(5, 9), ['live-in-zone']);
  log.add('c', 'exit', march(5, 9, 1), { pageKey: 'cannot-apply' });
  return log.events;
}

describe('urgent exit pages in the KPIs', () => {
  it('counts journeys sent to an urgent exit apart, and not as completions', () => {
    const { figures } = computeReport({
      form: urgent,
      period: PERIOD,
      events: events(),
      responses: [],
    });
    expect(figures.urgentExits).toBe(2);
    expect(figures.completions).toBe(1);
    expect(figures.startedAndCompleted).toBe(1);
  });

  it('counts an ineligible exit as a completion, as before', () => {
    const { figures } = computeReport({
      form: source,
      period: PERIOD,
      events: events(),
      responses: [],
    });
    expect(figures.urgentExits).toBe(0);
    expect(figures.completions).toBe(3);
  });
});
