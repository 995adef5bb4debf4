import type { Request, Response, Router } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { agencyForms } from '../../agency/staff-scope';
import { inLanguage } from '../../agency/agency-view';
import { agencyFigures } from '../../kpi/agency-figures';
import { loadReport } from '../../kpi/load-report';
import { DAY_MS, dayOf, startOfDay } from '../../kpi/period';
import { auditRequest } from '../caseworker/audit-request';
import { figureFormat } from '../dashboard/format';
import { DEFAULT_DAYS } from '../dashboard/filter';
import { langOf, tOf } from '../render';
import type { AdminDependencies } from './admin-dependencies';
import { renderAdmin } from './admin-render';
import { staffAgencies } from './agency-names';

const numeric = (text: string) => ({ text, format: 'numeric' as const });

/**
 * The platform overview, for the platform team: each agency's forms, starts, completions,
 * completion rate and digital take-up over the last 30 days, the figures a platform team shows
 * agency leaders. Each is its forms' figures (the dashboard's computations) added together.
 */
export function addPlatformPage(router: Router, deps: AdminDependencies): void {
  router.get('/', async (req: Request, res: Response) => {
    const t = tOf(res, deps);
    const lang = langOf(res);
    const f = figureFormat(lang);
    await deps.flush?.();
    const today = dayOf((deps.now ?? Date.now)());
    const from = dayOf(startOfDay(today) - (DEFAULT_DAYS - 1) * DAY_MS);
    const period = { from: startOfDay(from), to: startOfDay(today) + DAY_MS };
    const rate = (value: number | null) =>
      value === null ? t('dashboard:noData') : f.percent(value);
    const rows = [];
    for (const shown of staffAgencies(deps.agencies)) {
      const forms = agencyForms(deps.forms, deps.agencies, shown.agency.id);
      if (forms.length === 0 && shown === deps.agencies.platform) continue;
      const reports = await Promise.all(forms.map((form) => loadReport(deps.store, form, period)));
      const figures = agencyFigures(reports.map((r) => r.figures));
      rows.push([
        { text: inLanguage(shown.agency.name, lang, shown) },
        numeric(f.count(figures.forms)),
        numeric(f.count(figures.starts)),
        numeric(f.count(figures.completions)),
        numeric(rate(figures.completionRate)),
        numeric(rate(figures.digitalTakeUp.rate)),
      ]);
    }
    await auditRequest(deps.store, req, {
      action: 'view-platform',
      actor: res.locals.principal as Principal,
      detail: `${from}..${today}`,
      agency: null,
    });
    renderAdmin(deps, req, res, 'platform.njk', {
      pageTitle: t('admin:platform.title'),
      periodText: t('dashboard:period', { from: f.day(from), to: f.day(today) }),
      table: {
        caption: t('admin:platform.caption'),
        head: [
          { text: t('admin:platform.agency') },
          ...['forms', 'starts', 'completions', 'completionRate', 'digitalTakeUp'].map((key) =>
            numeric(t(`admin:platform.${key}`)),
          ),
        ],
        rows,
      },
    });
  });
}
