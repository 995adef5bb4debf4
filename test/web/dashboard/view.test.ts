import path from 'node:path';
import { loadForms } from '../../../src/definition/load';
import type { FormDefinition } from '../../../src/definition/types';
import { computeReport } from '../../../src/kpi/report';
import { figureFormat } from '../../../src/web/dashboard/format';
import { dashboardSections } from '../../../src/web/dashboard/view';
import { createI18n, translator } from '../../../src/web/i18n';
import { EventLog, march, WITHOUT_VEHICLES } from '../../kpi/journey-fixture';

const form = loadForms(path.join(__dirname, '..', '..', 'fixtures', 'forms')).get(
  'parking-permit',
) as FormDefinition;
const i18n = createI18n();
const PERIOD = { from: march(3, 0), to: march(10, 0) };

/** Five journeys: one sent, and four that stopped on the first, second (two) and third pages. */
function fiveJourneys(): EventLog {
  const log = new EventLog();
  log.journey('sent', march(3, 9), WITHOUT_VEHICLES, { end: 'submit' });
  log.journey('first', march(3, 10), ['live-in-zone']);
  log.journey('second-1', march(4, 10), ['live-in-zone', 'full-name']);
  log.journey('second-2', march(5, 10), ['live-in-zone', 'full-name']);
  log.journey('third', march(6, 10), ['live-in-zone', 'full-name', 'contact']);
  return log;
}

describe('dashboardSections', () => {
  const report = computeReport({
    form,
    period: PERIOD,
    events: fiveJourneys().events,
    responses: [],
  });
  const wording = { t: translator(i18n, 'en'), f: figureFormat('en') };
  const funnel = dashboardSections(report, form, wording, false).sections.find(
    (section) => section.id === 'funnel',
  );

  it('draws "where people stop" from where journeys left, as its table says, not pages reached', () => {
    const bars = funnel?.chart?.bars ?? [];
    const drawn = bars.slice(0, 4).map((bar) => [bar.label.text, bar.value.text]);
    expect(drawn).toEqual([
      ['Do you live in a resident parking zone?', '1'],
      ['You cannot apply for a resident permit', '0'],
      ['What is your full name?', '2'],
      ['How can we contact you?', '1'],
    ]);
    const left = funnel?.table.rows.map((row) => row[2]?.text);
    expect(bars.map((bar) => bar.value.text)).toEqual(left);
    // The page most people stopped at has the longest bar; a page nobody left at has none.
    const widths = bars.map((bar) => bar.width);
    expect(Math.max(...widths)).toBe(widths[2]);
    expect(widths[0]).toBe(Math.round((widths[2] ?? 0) / 2));
    expect(widths[1]).toBe(0);
  });

  it('says above the chart what its bars are', () => {
    expect(funnel?.chartDescription).toBe(
      'Each bar is the number of journeys that left at that page without finishing.',
    );
  });
});
