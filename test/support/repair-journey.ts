import { addDays } from './dates';
import type { HttpVisitor } from './http-visitor';

/** The example form the scale tests and `npm run bench:journeys` complete. */
export const REPAIR_FORM = '/report-housing-repair';

/** A person's name made of letters only, unique to `n`: "Zed" and `n` in the letters a to z. */
export function uniqueName(n: number): string {
  let letters = '';
  let rest = n;
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return `Amara Zed${letters}`;
}

/** Every "Zed…" name a page shows: on a check-answers page, only its own visitor's. */
export function namesOnPage(html: string): string[] {
  return [...new Set(html.match(/Amara Zed[a-z]+/g) ?? [])];
}

/** What a tenant answers on each page of the repair form (heating: no room page; no email). */
export function repairAnswers(name: string): Record<string, Record<string, string | string[]>> {
  const start = addDays(-3);
  return {
    'problem-type': { 'problem-type': 'heating' },
    description: { 'problem-description': `The radiators are cold (${name}).` },
    // The photos are optional: a journey here goes on without (uploads have their own tests).
    'damage-photos': {},
    'problem-start': {
      'problem-start-date-day': start.day,
      'problem-start-date-month': start.month,
      'problem-start-date-year': start.year,
    },
    urgency: { urgency: 'daily-life' },
    health: { 'health-affected': 'no' },
    'access-times': { 'access-times': ['weekday-morning', 'saturday-morning'] },
    'access-notes': { 'access-notes': 'Ring the top bell' },
    'your-details': {
      'tenant-name': name,
      'repair-address-line1': '12 Station Road',
      'repair-address-town': 'Northbrook',
      'repair-address-postcode': 'SW1A 1AA',
    },
    'contact-details': { 'contact-phone': '01632 960 001', 'contact-email': '' },
  };
}

/**
 * Answers the repair form from its first question to check answers, following each redirect as a
 * browser would; returns the pages answered in order. Throws on any page it has no answer for.
 */
export async function reachRepairCheckAnswers(
  visitor: HttpVisitor,
  name: string,
): Promise<string[]> {
  const answers = repairAnswers(name);
  const answered: string[] = [];
  let at = `${REPAIR_FORM}/problem-type`;
  while (at !== `${REPAIR_FORM}/check-answers`) {
    const pageId = at.slice(REPAIR_FORM.length + 1);
    const fields = answers[pageId];
    if (!fields || answered.length > 20) throw new Error(`no answer for ${at}`);
    answered.push(pageId);
    at = await visitor.answer(at, fields);
  }
  return answered;
}
