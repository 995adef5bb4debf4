import path from 'node:path';
import { loadForms } from '../../src/definition/load';
import type { FormDefinition } from '../../src/definition/types';
import { computeReport } from '../../src/kpi/report';
import type { SatisfactionResponse } from '../../src/store/journey-events';
import { EventLog, march, WITHOUT_VEHICLES } from './journey-fixture';

const source = loadForms(path.join(__dirname, '..', 'fixtures', 'forms')).get('parking-permit');
const form: FormDefinition = {
  ...(source as FormDefinition),
  costs: { currency: 'GBP', online: 0.5, 'phone-assisted': 3.1, phone: 6.2, paper: 9.8 },
};
const PERIOD = { from: march(3, 0), to: march(10, 0) };
const MINUTE = 60_000;

/** Eleven journeys around the week of 3 March 2025, each described where it is built. */
function theWeek(): EventLog {
  const log = new EventLog();
  // A: online, English, finished in 12 minutes, one error on the way.
  log.journey('a', march(3, 9), WITHOUT_VEHICLES, { end: 'submit', endAt: march(3, 9, 12) });
  log.add('a', 'error', march(3, 9, 1) + 30_000, {
    pageKey: 'full-name',
    questionId: 'full-name',
    errorCode: 'required',
  });
  // B: Welsh, saved on the contact page, resumed the next morning (a second `start` comes with the
  // resume and must not count), then submitted: 22 hours 10 minutes from start to submission.
  log.journey('b', march(3, 10), ['live-in-zone', 'full-name', 'contact'], { language: 'cy' });
  log.add('b', 'error', march(3, 10, 1) + 30_000, {
    language: 'cy',
    pageKey: 'full-name',
    questionId: 'full-name',
    errorCode: 'required',
  });
  log.add('b', 'save', march(3, 10, 5), { language: 'cy' });
  log.add('b', 'resume', march(4, 8), { language: 'cy' });
  log.add('b', 'start', march(4, 8), { language: 'cy', pageKey: 'has-vehicles' });
  ['has-vehicles', 'start-date', 'check-answers'].forEach((pageKey, i) =>
    log.add('b', 'page', march(4, 8, 1 + i), { language: 'cy', pageKey }),
  );
  log.add('b', 'submit', march(4, 8, 10), { language: 'cy' });
  // C: not in a zone, reached the exit page a minute later: complete.
  log.journey('c', march(5, 12), ['live-in-zone']);
  log.add('c', 'exit', march(5, 12, 1), { pageKey: 'cannot-apply' });
  // D: two phone number errors on the contact page, then gave up there.
  log.journey('d', march(5, 13), ['live-in-zone', 'full-name', 'contact']);
  for (const second of [30, 40]) {
    log.add('d', 'error', march(5, 13, 2) + second * 1000, {
      pageKey: 'contact',
      questionId: 'phone',
      errorCode: 'invalid',
    });
  }
  // E: saved on the full name page and never came back: expired.
  log.journey('e', march(6, 9), ['live-in-zone', 'full-name'], { end: 'save' });
  log.add('e', 'expired', march(9, 9, 2));
  // F, G, H: by phone (keyed by a caseworker), on paper, and assisted digital in Welsh.
  log.journey('f', march(6, 14), WITHOUT_VEHICLES, {
    channel: 'phone',
    end: 'submit',
    endAt: march(6, 14, 6),
  });
  log.journey('g', march(7, 9), WITHOUT_VEHICLES, {
    channel: 'paper',
    end: 'submit',
    endAt: march(7, 9, 20),
  });
  log.journey('h', march(7, 11), WITHOUT_VEHICLES, {
    channel: 'phone-assisted',
    language: 'cy',
    end: 'submit',
    endAt: march(7, 11, 30),
  });
  // I: started before the week, submitted in it (46 hours); J: started in it, submitted after it.
  log.journey('i', march(1, 10), WITHOUT_VEHICLES, { end: 'submit', endAt: march(3, 8) });
  log.journey('j', march(9, 16), WITHOUT_VEHICLES, { end: 'submit', endAt: march(10, 9) });
  // K: looked at the first question and left.
  log.journey('k', march(8, 10), ['live-in-zone']);
  return log;
}

function rating(
  day: string,
  value: SatisfactionResponse['rating'],
  channel: SatisfactionResponse['channel'] = 'online',
  language = 'en',
): SatisfactionResponse {
  return { day, formId: 'parking-permit', formVersion: '1.0', channel, language, rating: value };
}

const RATINGS = [
  rating('2025-03-03', 5),
  rating('2025-03-04', 4, 'online', 'cy'),
  rating('2025-03-06', 4, 'phone'),
  rating('2025-03-07', 3),
  rating('2025-03-09', 1),
  rating('2025-03-10', 5),
];

describe('computeReport', () => {
  const report = computeReport({
    form,
    period: PERIOD,
    events: theWeek().events,
    responses: RATINGS,
  });

  it('counts starts once per journey: a resumed save is not a new start', () => {
    expect(report.figures.starts).toBe(10);
    expect(report.figures.saved).toBe(2);
    expect(report.figures.resumed).toBe(1);
  });

  it('counts completions in the period: submissions in every channel and exit pages', () => {
    expect(report.figures.completions).toBe(7);
  });

  it('gives the completion rate of the journeys started in the period, an expired save not completed', () => {
    expect(report.figures.startedAndCompleted).toBe(7);
    expect(report.figures.completionRate).toBe(0.7);
    expect(report.figures.expired).toBe(1);
  });

  it('gives the median and 90th percentile time from start to completion', () => {
    // 1, 6, 12, 20, 30, 1330 and 2760 minutes: the median is the 4th; p90 is 40% from 1330 to 2760.
    expect(report.figures.timeToComplete).toEqual({
      count: 7,
      medianMs: 20 * MINUTE,
      p90Ms: 1902 * MINUTE,
    });
  });

  it('counts online and assisted digital completions as digital take-up', () => {
    expect(report.figures.digitalTakeUp).toEqual({ digital: 5, all: 7, rate: 5 / 7 });
  });

  it('gives the share satisfied or very satisfied, with the distribution, in the period only', () => {
    expect(report.figures.satisfaction).toEqual({
      responses: 5,
      satisfied: 3,
      rate: 0.6,
      distribution: { 1: 1, 2: 0, 3: 1, 4: 2, 5: 1 },
    });
  });

  it('gives the cost per transaction from the channel costs', () => {
    // 4 × 0.50 online + 1 × 3.10 assisted + 1 × 6.20 phone + 1 × 9.80 paper = 21.10, over 7.
    expect(report.figures.cost).toEqual({
      currency: 'GBP',
      total: 21.1,
      perTransaction: 3.01,
      missing: [],
    });
  });

  it('shows for each step how many journeys reached it and how many left there', () => {
    const rows = Object.fromEntries(report.funnel.rows.map((r) => [r.key, [r.reached, r.left]]));
    expect(rows).toEqual({
      'live-in-zone': [10, 1],
      'cannot-apply': [1, 0],
      'full-name': [8, 1],
      contact: [7, 1],
      'has-vehicles': [6, 0],
      'vehicles/registration': [0, 0],
      'vehicles/fuel': [0, 0],
      'vehicles/charging': [0, 0],
      vehicles: [0, 0],
      'start-date': [6, 0],
      'check-answers': [6, 0],
    });
    expect(report.funnel).toMatchObject({ started: 10, completed: 7, leftElsewhere: 0 });
  });

  it('ranks validation errors by how often they were shown, then by how many journeys saw them', () => {
    expect(report.errors).toEqual([
      { questionId: 'full-name', errorCode: 'required', count: 2, journeys: 2 },
      { questionId: 'phone', errorCode: 'invalid', count: 2, journeys: 1 },
    ]);
  });

  it('breaks the figures down by channel: starts where begun, completions where finished', () => {
    const online = report.byChannel.find((r) => r.key === 'online');
    expect(report.byChannel.map((r) => r.key)).toEqual([
      'online',
      'phone-assisted',
      'phone',
      'paper',
    ]);
    expect(online).toEqual({
      key: 'online',
      starts: 7,
      startedAndCompleted: 4,
      completionRate: 4 / 7,
      completions: 4,
      share: 4 / 7,
      noFixedAddress: 0,
      responses: 4,
      satisfactionRate: 0.5,
    });
    expect(report.byChannel.map((r) => [r.key, r.starts, r.completions])).toEqual([
      ['online', 7, 4],
      ['phone-assisted', 1, 1],
      ['phone', 1, 1],
      ['paper', 1, 1],
    ]);
  });

  it('breaks the figures down by language', () => {
    expect(report.byLanguage.map((r) => [r.key, r.starts, r.completions, r.responses])).toEqual([
      ['en', 8, 5, 4],
      ['cy', 2, 2, 1],
    ]);
  });

  it('gives a trend day by day for a week', () => {
    expect(report.trend.unit).toBe('day');
    expect(
      report.trend.points.map((p) => [
        p.from,
        p.figures.starts,
        p.figures.completions,
        p.figures.completionRate,
      ]),
    ).toEqual([
      ['2025-03-03', 2, 2, 1],
      ['2025-03-04', 0, 1, null],
      ['2025-03-05', 2, 1, 0.5],
      ['2025-03-06', 2, 1, 0.5],
      ['2025-03-07', 2, 2, 1],
      ['2025-03-08', 1, 0, 0],
      ['2025-03-09', 1, 0, 1],
    ]);
    expect(report.period).toEqual({ from: '2025-03-03', to: '2025-03-10' });
  });

  it('gives a trend week by week for a longer period, the weeks starting on Monday', () => {
    const long = computeReport({
      form,
      period: { from: march(1, 0), to: Date.UTC(2025, 3, 20) },
      events: theWeek().events,
      responses: [],
    });
    expect(long.trend.unit).toBe('week');
    expect(long.trend.points.map((p) => [p.from, p.to, p.figures.starts])).toEqual([
      ['2025-03-01', '2025-03-03', 1],
      ['2025-03-03', '2025-03-10', 10],
      ['2025-03-10', '2025-03-17', 0],
      ['2025-03-17', '2025-03-24', 0],
      ['2025-03-24', '2025-03-31', 0],
      ['2025-03-31', '2025-04-07', 0],
      ['2025-04-07', '2025-04-14', 0],
      ['2025-04-14', '2025-04-20', 0],
    ]);
  });
});

describe('completion rate', () => {
  it('is never above 100%, even with more completions than starts in the period', () => {
    const log = new EventLog();
    log.journey('x', march(1, 9), WITHOUT_VEHICLES, { end: 'submit', endAt: march(3, 9) });
    log.journey('y', march(1, 9), WITHOUT_VEHICLES, { end: 'submit', endAt: march(3, 10) });
    log.journey('z', march(3, 11), ['live-in-zone', 'full-name'], { end: 'submit' });
    // A refreshed exit page and a double submission count once.
    log
      .add('z', 'submit', march(3, 11, 5))
      .add('z', 'exit', march(3, 11, 6), { pageKey: 'cannot-apply' });
    const { figures } = computeReport({ form, period: PERIOD, events: log.events, responses: [] });
    expect(figures).toMatchObject({
      starts: 1,
      completions: 3,
      startedAndCompleted: 1,
      completionRate: 1,
    });
  });

  it('is unknown (null), not 0 or infinite, without starts', () => {
    const log = new EventLog().journey('x', march(1, 9), WITHOUT_VEHICLES, {
      end: 'submit',
      endAt: march(3, 9),
    });
    const { figures } = computeReport({ form, period: PERIOD, events: log.events, responses: [] });
    expect(figures.completionRate).toBeNull();
    expect(figures.completions).toBe(1);
  });
});

describe('cost per transaction', () => {
  it('is unknown when a channel that completed transactions has no cost, and names it', () => {
    const log = new EventLog()
      .journey('x', march(3, 9), WITHOUT_VEHICLES, { end: 'submit' })
      .journey('y', march(3, 9), WITHOUT_VEHICLES, { channel: 'paper', end: 'submit' });
    const { figures } = computeReport({
      form: { ...form, costs: { online: 0.5 } },
      period: PERIOD,
      events: log.events,
      responses: [],
    });
    expect(figures.cost).toEqual({
      currency: 'GBP',
      total: null,
      perTransaction: null,
      missing: ['paper'],
    });
  });
});
