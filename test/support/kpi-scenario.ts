import { Writable } from 'node:stream';
import pino from 'pino';
import type { CivicFormsApp } from '../../src/web/app';
import { startAppPurgeJob } from '../../src/web/app-purge-job';
import { summaryErrors, type Visitor } from './agent';
import { addDays } from './dates';

export const FORM = '/parking-permit';
const MINUTE = 60_000;

/** Sets the clock `minutes` after `t0` (jest's fake `Date`; timers stay real). */
export function clockFrom(t0: number): (minutes: number) => void {
  return (minutes) => jest.setSystemTime(t0 + minutes * MINUTE);
}

/** The start date a person types: a month ahead of the (fake) clock. */
export function startDate(): Record<string, string> {
  const start = addDays(30);
  return {
    'start-date-day': start.day,
    'start-date-month': start.month,
    'start-date-year': start.year,
  };
}

/** Posts wrong answers to a page and checks it comes back with them: the error summary's lines. */
export async function answerWrongly(
  visitor: Visitor,
  url: string,
  fields: Record<string, string>,
): Promise<string[]> {
  await visitor.get(url);
  const response = await visitor.post(url, fields);
  const errors = summaryErrors(response.text);
  if (response.status !== 400 || errors.length === 0) {
    throw new Error(`POST ${url} gave ${response.status} without errors`);
  }
  return errors;
}

/** In a zone, a name and a phone number, from the first question; returns the next page's URL. */
export async function firstPages(visitor: Visitor, base: string, name: string): Promise<string> {
  let at = await visitor.answer(`${base}/live-in-zone`, { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': name });
  return visitor.answer(at, { phone: '029 2018 0417', email: '' });
}

/** No vehicle, a start date, then check answers shown; returns its URL. */
export async function noVehicleToCheckAnswers(visitor: Visitor, at: string): Promise<string> {
  const next = await visitor.answer(at, { 'has-vehicles': 'no' });
  const check = await visitor.answer(next, startDate());
  await visitor.get(check);
  return check;
}

/** Sends a constituent's application, opens the confirmation and, if given, rates the service. */
export async function sendOnline(visitor: Visitor, rating?: string): Promise<void> {
  const sent = await visitor.post(`${FORM}/check-answers`, {});
  if (sent.headers.location !== `${FORM}/confirmation`) {
    throw new Error(`sending gave ${sent.status} ${sent.headers.location}`);
  }
  await visitor.get(`${FORM}/confirmation`);
  if (!rating) return;
  const rated = await visitor.post(`${FORM}/feedback`, { rating, comment: '' });
  if (rated.status !== 303) throw new Error(`rating gave ${rated.status}`);
}

/** A caller's answers from the first question, with one car, to check answers; returns its URL. */
export async function callerWithCar(
  visitor: Visitor,
  at: string,
  fuel: 'electric' | 'petrol',
): Promise<string> {
  let url = await visitor.answer(at, { registration: 'cf10 1aa' });
  url = await visitor.answer(url, { fuel });
  if (fuel === 'electric') url = await visitor.answer(url, { charging: 'no' });
  url = await visitor.answer(url, { 'add-another': 'no' });
  return visitor.answer(url, startDate());
}

/** A caseworker gives a paper form's details (version 1.0, its language); returns the first question. */
export async function paperArrived(visitor: Visitor, lang: string): Promise<string> {
  const arrived = addDays(-2);
  const url = `/caseworker/paper${FORM}`;
  await visitor.get(url);
  const response = await visitor.post(url, {
    version: '1.0',
    language: lang,
    'received-on-day': arrived.day,
    'received-on-month': arrived.month,
    'received-on-year': arrived.year,
  });
  if (response.status !== 303) throw new Error(`the paper's details gave ${response.status}`);
  return response.headers.location as string;
}

/**
 * Runs the clean-up the server runs (`startAppPurgeJob`, its first run) as if it were `now`;
 * resolves when it has run, with what it logged.
 */
export async function purgeAsIfAt(
  app: CivicFormsApp,
  now: number,
): Promise<Record<string, unknown>> {
  let logged: (line: Record<string, unknown>) => void = () => undefined;
  const ran = new Promise<Record<string, unknown>>((resolve) => {
    logged = resolve;
  });
  const logger = pino(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        const line = JSON.parse(chunk.toString()) as Record<string, unknown>;
        if (line.event === 'purge') logged(line);
        done();
      },
    }),
  );
  const job = startAppPurgeJob(app, logger, () => now);
  const line = await ran;
  job.stop();
  return line;
}
