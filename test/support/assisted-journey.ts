import type { TableName } from '../../src/store/inspector';
import type { CivicFormsApp } from '../../src/web/app';
import { summaryErrors, type Visitor } from './agent';
import { DISTINCTIVE_NAME } from './caseworker';
import { addDays } from './dates';
import { panelCode } from './panel-code';

/** Every row of a table, every column as stored, through the store's inspector. */
export function tableRows(
  app: CivicFormsApp,
  table: TableName,
): Promise<Array<Record<string, unknown>>> {
  return app.store.inspect.rows(table);
}

/** Ticks "The caller agrees" for a caller speaking `lang`; returns the first question's URL. */
export async function startCall(visitor: Visitor, lang = 'en'): Promise<string> {
  const consent = `/caseworker/start/parking-permit/${lang}`;
  await visitor.get(consent);
  const response = await visitor.post(consent, { agrees: 'yes' });
  if (response.status !== 303) throw new Error(`consent gave ${response.status}`);
  return response.headers.location as string;
}

/**
 * Amara's parking permit answered from `at` (the first question) to check answers: in the zone,
 * her name, a phone number, one electric car; returns the check answers URL.
 */
export async function answerPermit(visitor: Visitor, at: string): Promise<string> {
  const start = addDays(30);
  let url = await visitor.answer(at, { 'live-in-zone': 'yes' });
  url = await visitor.answer(url, { 'full-name': DISTINCTIVE_NAME });
  url = await visitor.answer(url, { phone: '01632 960 001', email: '' });
  url = await visitor.answer(url, { 'has-vehicles': 'yes' });
  url = await visitor.answer(url, { registration: 'ab12 cde' });
  url = await visitor.answer(url, { fuel: 'electric' });
  url = await visitor.answer(url, { charging: 'yes' });
  url = await visitor.answer(url, { 'add-another': 'no' });
  return visitor.answer(url, {
    'start-date-day': start.day,
    'start-date-month': start.month,
    'start-date-year': start.year,
  });
}

/** Sends from check answers; returns the reference the staff confirmation page shows. */
export async function sendFrom(visitor: Visitor, checkAnswers: string): Promise<string> {
  const confirmation = await visitor.answer(checkAnswers, {});
  const page = await visitor.get(confirmation);
  const reference = panelCode(page.text);
  if (!reference) {
    throw new Error(`no reference on ${confirmation}: ${summaryErrors(page.text).join('; ')}`);
  }
  return reference;
}
