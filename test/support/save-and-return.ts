import type request from 'supertest';
import { summaryErrors, type Visitor } from './agent';
import { panelCode } from './panel-code';

export type Fields = Record<string, string>;

/** Amara's date of birth, as typed into the secret page. */
export const DATE_OF_BIRTH: Fields = {
  'secret-kind': 'date-of-birth',
  'date-of-birth-day': '27',
  'date-of-birth-month': 'March',
  'date-of-birth-year': '1985',
};

/** A memorable word, as typed. */
export const MEMORABLE_WORD: Fields = {
  'secret-kind': 'memorable-word',
  'memorable-word': 'Blue  Heron',
};

/** The resume code a page shows, if it shows one. */
export function codeOn(html: string): string | undefined {
  return panelCode(html, 'cf-resume-code');
}

/** A resume code's shape: ten characters of the unambiguous alphabet, grouped 4-4-2. */
export const CODE_SHAPE =
  /^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{2}$/;

/** Answers the fixture form's first pages: in the zone, a name, a phone number. */
export async function answerFirstPages(visitor: Visitor): Promise<string> {
  let at = await visitor.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': 'Amara Okafor' });
  return visitor.answer(at, { phone: '01632 960 001', email: '' });
}

/** Presses "Save and come back later" on a page with these answers; returns where it went. */
export async function pressSave(visitor: Visitor, url: string, fields: Fields): Promise<string> {
  await visitor.get(url);
  const response = await visitor.post(url, { ...fields, action: 'save' });
  if (response.status !== 303) throw new Error(`saving ${url} gave ${response.status}`);
  return response.headers.location as string;
}

/** Sets the secret on the save page and returns the code shown. */
export async function chooseSecret(
  visitor: Visitor,
  saveUrl: string,
  secret: Fields,
  email = '',
): Promise<string> {
  await visitor.get(saveUrl);
  const response = await visitor.post(saveUrl, { ...secret, email });
  const code = codeOn(response.text);
  if (response.status !== 200 || !code) {
    throw new Error(
      `${saveUrl} gave ${response.status}: ${summaryErrors(response.text).join('; ')}`,
    );
  }
  return code;
}

/** Gives a code and secret on a resume page, as a person on another device would. */
export async function resumeWith(
  visitor: Visitor,
  code: string,
  secret: Fields,
  url = '/resume',
): Promise<request.Response> {
  await visitor.get(url);
  return visitor.post(url, { 'resume-code': code, ...secret });
}
