import type { CivicFormsApp } from '../../src/web/app';
import { Visitor } from '../support/agent';
import { panelCode } from '../support/panel-code';

const FORM = '/council-tax-reduction';

/**
 * Amara's answers to the council tax reduction form, page by page, in the order they are asked (the
 * contact page adds an empty email address). Amounts are whole, so every language reads them alike.
 */
export const ANSWERS: Array<Record<string, string | string[]>> = [
  { 'lives-in-area': 'yes' },
  { 'home-type': 'main-home' },
  {
    'property-address-line1': '12 Station Road',
    'property-address-town': 'Northbrook',
    'property-address-postcode': 'nb1 2xy',
  },
  { 'full-name': 'Amara Okafor' },
  { 'date-of-birth-day': '14', 'date-of-birth-month': '3', 'date-of-birth-year': '1986' },
  { 'national-insurance-number': 'AB 12 34 56 C' },
  { benefits: ['universal-credit'] },
  { 'universal-credit-amount': '412' },
  { work: 'employed' },
  { 'monthly-earnings': '1200', 'hours-worked': '16' },
  { savings: '2500' },
  { 'lives-with-others': 'yes' },
  { 'member-name': 'Chidi Okafor' },
  {
    'member-date-of-birth-day': '2',
    'member-date-of-birth-month': '9',
    'member-date-of-birth-year': '2015',
  },
  { 'member-relationship': 'child-under-18' },
  { 'add-another': 'no' },
  { phone: '01632 960 001' },
];

/**
 * Fills in and sends the council tax reduction form in a language as a person would, and gives
 * the visitor (their browser session) and the reference number the confirmation page shows.
 */
export async function sendApplication(
  app: CivicFormsApp,
  lang: string,
  answers = ANSWERS,
): Promise<{ visitor: Visitor; reference: string }> {
  const visitor = new Visitor(app);
  await visitor.get(`${FORM}?lang=${lang}`);
  let at = `${FORM}/your-area`;
  for (const answer of answers) {
    // The contact page asks two questions; the email address is optional.
    at = await visitor.answer(at, answer.phone ? { ...answer, email: '' } : answer);
  }
  if (at !== `${FORM}/check-answers`) throw new Error(`the journey ended at ${at}`);
  await visitor.get(at);
  await visitor.post(at, {});
  const confirmation = (await visitor.get(`${FORM}/confirmation`)).text;
  const reference = panelCode(confirmation) ?? '';
  return { visitor, reference };
}
