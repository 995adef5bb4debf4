import express, { type Request, type Response, type Router } from 'express';
import type { i18n } from 'i18next';
import type { Agencies, ShownAgency } from '../agency/agencies';
import { hostAgencyOf } from './agency-host';
import { inLanguage, LEGAL_PAGES, legalPath, type LegalPage } from '../agency/agency-view';
import type { Config } from '../config';
import { ServiceError } from '../errors';
import { intlLocale } from '../questions/intl-locale';
import { LANG_COOKIE } from './language';
import type { Render } from './render';
import { langOf, tOf } from './render';
import { SESSION_COOKIE } from './session-expiry';

export interface AgencyPagesDependencies {
  agencies: Agencies;
  render: Render;
  i18n: i18n;
  config: Pick<Config, 'sessionIdleMinutes' | 'resumeExpiryDays'>;
}

/**
 * Each agency's accessibility statement, privacy notice, cookies page and contact page, at
 * `/agencies/<id>/<page>`: what the agency's file says, with what civic-forms knows of itself (its
 * cookies, how long it keeps what) taken from the settings it runs with.
 */
export function createAgencyPages(deps: AgencyPagesDependencies): Router {
  const router = express.Router();
  // On an agency's own host name, its pages are at short paths too: `/privacy`.
  router.get('/:page', (req, res, next) => {
    const shown = hostAgencyOf(res);
    const page = req.params.page as LegalPage;
    if (!shown || !LEGAL_PAGES.includes(page)) return next();
    legalPage(shown, page, true, req, res);
  });
  router.get('/agencies/:agencyId/:page', (req, res, next) => {
    const shown = deps.agencies.byId(req.params.agencyId);
    const page = req.params.page as LegalPage;
    if (!shown || !LEGAL_PAGES.includes(page)) return next(new ServiceError('PAGE_NOT_FOUND'));
    legalPage(shown, page, shown === hostAgencyOf(res), req, res);
  });
  return router;

  function legalPage(
    shown: ShownAgency,
    page: LegalPage,
    shortPaths: boolean,
    req: Request,
    res: Response,
  ): void {
    const t = tOf(res, deps);
    const lang = langOf(res);
    const { agency } = shown;
    const name = inLanguage(agency.name, lang, shown);
    res.setHeader('Cache-Control', 'no-cache');
    deps.render(req, res, `agency/${page}.njk`, {
      agency: shown,
      agencyName: name,
      pageTitle: t(`legal:${page}.title`, { agency: name }),
      contactHref: legalPath(agency.id, 'contact', shortPaths),
      knownIssues: agency.accessibility.knownIssues.map((text) => inLanguage(text, lang, shown)),
      reviewed: agency.accessibility.reviewed
        ? new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
            new Date(`${agency.accessibility.reviewed}T00:00:00Z`),
          )
        : undefined,
      contact: agency.contact,
      hours: agency.contact.hours ? inLanguage(agency.contact.hours, lang, shown) : undefined,
      idleMinutes: deps.config.sessionIdleMinutes,
      resumeDays: deps.config.resumeExpiryDays,
      submissionDays: agency.retention.submissionDays,
      cookies: [
        {
          name: SESSION_COOKIE,
          purpose: t('legal:cookies.sessionPurpose'),
          expires: t('legal:cookies.sessionExpires', { minutes: deps.config.sessionIdleMinutes }),
        },
        {
          name: LANG_COOKIE,
          purpose: t('legal:cookies.langPurpose'),
          expires: t('legal:cookies.langExpires'),
        },
      ],
    });
  }
}
