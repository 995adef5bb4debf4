import type { i18n } from 'i18next';
import type { Agency, Translated } from './types';

/** The id of the agency forms belong to when no agency lists them. */
export const DEFAULT_AGENCY_ID = 'default';

/** The key of the default agency's name in the framework's words, when no agency file names it. */
export const DEFAULT_AGENCY_NAME_KEY = 'layout.serviceName';

/** The brand of the default agency: GOV.UK Frontend's link blue, 5.2:1 with white. */
export const DEFAULT_COLOUR = '#1d70b8';

function inEvery(i18n: i18n, languages: readonly string[], key: string): Translated {
  return Object.fromEntries(languages.map((lang) => [lang, i18n.getFixedT(lang)(key)]));
}

/**
 * The agency a deployment from before agencies is: its forms land here with no manual step. It
 * claims nothing it cannot know (no contact details, no retention period) and wears no crown.
 * An `agencies/default/agency.json` replaces it.
 */
export function builtInDefaultAgency(i18n: i18n, languages: readonly string[]): Agency {
  return {
    id: DEFAULT_AGENCY_ID,
    name: inEvery(i18n, languages, DEFAULT_AGENCY_NAME_KEY),
    staffAreaName: inEvery(i18n, languages, 'caseworker:layout.serviceName'),
    brandColour: DEFAULT_COLOUR,
    languages,
    headerLinks: [],
    footerLinks: [],
    contact: {},
    retention: {},
    accessibility: { knownIssues: [] },
    crownMarks: false,
    forms: [],
    hosts: [],
  };
}
