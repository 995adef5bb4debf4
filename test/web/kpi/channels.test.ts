import request from 'supertest';
import { loadForms } from '../../../src/definition/load';
import type { FormDefinition } from '../../../src/definition/types';
import type { KpiReport } from '../../../src/kpi/report';
import type { CivicFormsApp } from '../../../src/web/app';
import { FIXTURE_FORMS, testApp, textOf, Visitor } from '../../support/agent';
import { addAccount, signIn } from '../../support/caseworker';
import { scriptJourneys } from '../../support/kpi-channel-journeys';
import { purgeAsIfAt } from '../../support/kpi-scenario';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const TOKEN = 'metrics-token-for-the-kpi-channels-test';
const now = new Date();
// 09:00 UTC today: every journey of the script happens on the same UTC day.
const T0 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9);
const TODAY = new Date(T0).toISOString().slice(0, 10);

/** The fixture forms, the parking permit with a cost in each channel. */
function formsWithCosts(): Map<string, FormDefinition> {
  const forms = new Map(loadForms(FIXTURE_FORMS));
  const permit = forms.get('parking-permit') as FormDefinition;
  const costs = { online: 0.5, 'phone-assisted': 3.1, phone: 6.2, paper: 9.8 };
  forms.set('parking-permit', { ...permit, costs });
  return forms;
}

/** The CSV lines a report must be exported as: `section,group,item,metric,value`, from the JSON. */
function expectedCsv(report: KpiReport & { agency: string }): string[] {
  const lines: string[] = [];
  const add = (section: string, group: string, item: string, values: object, prefix = '') => {
    for (const [key, value] of Object.entries(values)) {
      const metric = prefix + key;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        add(section, group, item, value as object, `${metric}.`);
      } else {
        const cell = Array.isArray(value) ? value.join(';') : value === null ? '' : String(value);
        lines.push([section, group, item, metric, cell].join(','));
      }
    }
  };
  add('report', '', '', {
    agency: report.agency,
    formId: report.formId,
    version: 'all',
    ...report.period,
  });
  add('figures', '', '', report.figures);
  for (const { key, ...row } of report.byChannel) add('channel', key, '', row);
  for (const { key, ...row } of report.byLanguage) add('language', key, '', row);
  for (const { kind, key, reached, left } of report.funnel.rows) {
    add('funnel', kind, key, { reached, left });
  }
  const { started, completed, leftElsewhere } = report.funnel;
  add('funnel', '', '', { started, completed, leftElsewhere });
  for (const { questionId, errorCode, count, journeys } of report.errors) {
    add('errors', questionId, errorCode, { count, journeys });
  }
  for (const p of report.trend.points) add(`trend-${report.trend.unit}`, p.from, p.to, p.figures);
  return lines;
}

jest.setTimeout(120_000);

describe('KPIs of journeys in every channel, through the web pages', () => {
  let app: CivicFormsApp;
  let report: KpiReport & { agency: string };
  let csv: string[];
  let metrics: string;
  let dashboard: string;
  let purge: Record<string, unknown>;

  beforeAll(async () => {
    // Only `Date` is fake, so each step happens at a chosen minute; timers and I/O stay real.
    jest.useFakeTimers({
      now: T0,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    app = testApp({ forms: formsWithCosts(), metricsToken: TOKEN });
    await scriptJourneys(app, T0);
    // The server's clean-up, 29 days on: Efa's code (28 days) ran out unused.
    purge = await purgeAsIfAt(app, T0 + 29 * DAY);
    jest.setSystemTime(T0 + 150 * MINUTE);
    await addAccount(app.store, 'dana.hughes', { role: 'service-team' });
    const team = new Visitor(app);
    await signIn(team, 'dana.hughes');
    report = (await team.get('/dashboard/parking-permit.json')).body as KpiReport & {
      agency: string;
    };
    csv = (await team.get('/dashboard/parking-permit.csv')).text.trim().split('\r\n');
    dashboard = (await team.get('/dashboard')).text;
    metrics = (await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).text;
  }, 120_000);
  afterAll(async () => {
    jest.useRealTimers();
    await app.close();
  });

  it('counts one start per journey, a resumed save never twice, in every channel', () => {
    expect(report.period).toEqual({
      from: new Date(T0 - 29 * DAY).toISOString().slice(0, 10),
      to: new Date(T0 + DAY).toISOString().slice(0, 10),
    });
    expect(report.figures.starts).toBe(11);
    expect(report.figures.saved).toBe(3);
    expect(report.figures.resumed).toBe(2);
  });

  it('counts a save the clean-up found expired as started and not completed', () => {
    expect(purge).toMatchObject({ codes: 3 });
    expect(report.figures.expired).toBe(1);
    expect(report.figures.completions).toBe(7);
    expect(report.figures.startedAndCompleted).toBe(7);
    expect(report.figures.completionRate).toBe(7 / 11);
  });

  it('shows where the journeys that did not complete left, step by step', () => {
    expect(report.funnel.rows.map((r) => [r.key, r.reached, r.left])).toEqual([
      ['live-in-zone', 11, 2],
      ['cannot-apply', 1, 0],
      ['full-name', 8, 0],
      ['contact', 8, 1],
      ['has-vehicles', 7, 1],
      ['vehicles/registration', 2, 0],
      ['vehicles/fuel', 2, 0],
      ['vehicles/charging', 1, 0],
      ['vehicles', 2, 0],
      ['start-date', 6, 0],
      ['check-answers', 6, 0],
    ]);
    expect([report.funnel.started, report.funnel.completed, report.funnel.leftElsewhere]).toEqual([
      11, 7, 0,
    ]);
  });

  it('ranks the errors shown by question and code, in every channel', () => {
    expect(report.errors).toEqual([
      { questionId: 'phone', errorCode: 'invalid', count: 4, journeys: 3 },
      { questionId: 'full-name', errorCode: 'required', count: 2, journeys: 2 },
      { questionId: 'email', errorCode: 'invalid', count: 1, journeys: 1 },
      { questionId: 'live-in-zone', errorCode: 'required', count: 1, journeys: 1 },
    ]);
  });

  it('times completions from their first start: 1, 4, 6, 8, 12, 63 and 83 minutes', () => {
    expect(report.figures.timeToComplete).toEqual({
      count: 7,
      medianMs: 8 * MINUTE,
      // PERCENTILE.INC: rank 0.9 × 6 = 5.4, between 63 and 83 minutes.
      p90Ms: 71 * MINUTE,
    });
  });

  it('counts online and phone-assisted completions as digital, phone and paper not', () => {
    expect(report.figures.digitalTakeUp).toEqual({ digital: 5, all: 7, rate: 5 / 7 });
  });

  it('measures satisfaction and the cost per transaction from each channel cost', () => {
    expect(report.figures.satisfaction).toEqual({
      responses: 3,
      satisfied: 2,
      rate: 2 / 3,
      distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 },
    });
    // 4 × 0.50 + 3.10 + 6.20 + 9.80 = 21.10, over 7 completions.
    expect(report.figures.cost).toEqual({
      currency: 'GBP',
      total: 21.1,
      perTransaction: 3.01,
      missing: [],
    });
  });

  it('counts starts where journeys began and completions where they finished, by channel', () => {
    const row = (starts: number, done: number, completions: number, responses: number) => ({
      starts,
      startedAndCompleted: done,
      completionRate: starts === 0 ? null : done / starts,
      completions,
      share: completions / 7,
      noFixedAddress: 0,
      responses,
      satisfactionRate: responses === 0 ? null : 2 / 3,
    });
    expect(report.byChannel).toEqual([
      { key: 'online', ...row(8, 5, 4, 3) },
      { key: 'phone-assisted', ...row(0, 0, 1, 0) },
      { key: 'phone', ...row(2, 1, 1, 0) },
      { key: 'paper', ...row(1, 1, 1, 0) },
    ]);
  });

  it('breaks the figures down by the language of each journey', () => {
    expect(report.byLanguage).toEqual([
      {
        key: 'en',
        starts: 7,
        startedAndCompleted: 4,
        completionRate: 4 / 7,
        completions: 4,
        share: 4 / 7,
        noFixedAddress: 0,
        responses: 1,
        satisfactionRate: 1,
      },
      {
        key: 'cy',
        starts: 4,
        startedAndCompleted: 3,
        completionRate: 3 / 4,
        completions: 3,
        share: 3 / 7,
        noFixedAddress: 0,
        responses: 2,
        satisfactionRate: 1 / 2,
      },
    ]);
  });

  it('gives the same figures day by day: all of them today', () => {
    expect(report.trend.unit).toBe('day');
    expect(report.trend.points).toHaveLength(30);
    const last = report.trend.points.at(-1);
    expect(last?.from).toBe(TODAY);
    expect(last?.figures).toEqual(report.figures);
    for (const point of report.trend.points.slice(0, -1)) {
      expect([point.figures.starts, point.figures.completions]).toEqual([0, 0]);
    }
  });

  it('exports the same figures as CSV as the JSON, line for line', () => {
    expect(csv[0]).toBe('section,group,item,metric,value');
    expect(csv.slice(1).sort()).toEqual(expectedCsv(report).sort());
    for (const line of [
      'figures,,,starts,11',
      'figures,,,completions,7',
      `figures,,,completionRate,${7 / 11}`,
      'figures,,,timeToComplete.medianMs,480000',
      'figures,,,timeToComplete.p90Ms,4260000',
      'figures,,,cost.perTransaction,3.01',
      'channel,phone-assisted,,completions,1',
      'channel,phone-assisted,,completionRate,',
      'language,cy,,starts,4',
      'funnel,page,has-vehicles,left,1',
      'errors,phone,invalid,count,4',
    ]) {
      expect(csv).toContain(line);
    }
  });

  it('shows the same headline on the dashboard', () => {
    const row = textOf(dashboard, /(<th scope="row"[\s\S]*?)<\/tr>/);
    expect(row).toBe('Apply for a resident parking permit 11 7 63.6% 71.4% 66.7% £3.01');
  });

  it('counts starts, completions and errors per channel on /metrics', () => {
    const counter = (name: string, channel: string) =>
      new RegExp(
        `^civic_forms_${name}_total\\{form="parking-permit",channel="${channel}",agency="default"\\} (\\d+)$`,
        'm',
      ).exec(metrics)?.[1];
    const of = (name: string) =>
      ['online', 'phone-assisted', 'phone', 'paper'].map((c) => counter(name, c) ?? '0');
    expect(of('starts')).toEqual(['8', '0', '2', '1']);
    expect(of('completions')).toEqual(['4', '1', '1', '1']);
    expect(of('validation_errors')).toEqual(['6', '0', '1', '1']);
  });
});
