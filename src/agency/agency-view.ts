import type { Translate } from '../questions/question-type';
import type { ShownAgency } from './agencies';
import type { Translated } from './types';

/** The pages every agency publishes, under `/agencies/<id>/<page>`, in footer order. */
export const LEGAL_PAGES = ['accessibility', 'privacy', 'cookies', 'contact'] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

/**
 * Where one of an agency's legal pages is: `/agencies/<id>/<page>`, or `/<page>` on a host name of
 * the agency's own (`shortPaths`).
 */
export function legalPath(agencyId: string, page: LegalPage, shortPaths = false): string {
  return shortPaths ? `/${page}` : `/agencies/${agencyId}/${page}`;
}

/** An agency's text in a language, or in its own language when it does not offer that one. */
export function inLanguage(text: Translated, lang: string, agency: ShownAgency): string {
  return text[lang] ?? text[agency.agency.languages[0] ?? 'en'] ?? Object.values(text)[0] ?? '';
}

/**
 * What the layout shows of an agency: header brand and footer links, in the page's language; on
 * a host name of the agency's own, its legal pages at their short paths.
 */
export function agencyView(shown: ShownAgency, lang: string, t: Translate, shortPaths = false) {
  const { agency } = shown;
  const text = (value: Translated) => inLanguage(value, lang, shown);
  return {
    id: agency.id,
    name: text(agency.name),
    staffAreaName: text(agency.staffAreaName),
    logoUrl: shown.logoUrl,
    logoAlt: agency.logo ? text(agency.logo.alt) : undefined,
    crownMarks: agency.crownMarks,
    headerLinks: agency.headerLinks.map((l) => ({ text: text(l.text), href: l.href })),
    footerLinks: [
      ...LEGAL_PAGES.map((page) => ({
        text: t(`legal:footer.${page}`),
        href: legalPath(agency.id, page, shortPaths),
      })),
      ...agency.footerLinks.map((l) => ({ text: text(l.text), href: l.href })),
    ],
  };
}

export type AgencyView = ReturnType<typeof agencyView>;
