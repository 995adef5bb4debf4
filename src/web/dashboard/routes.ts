import type { FormCatalogue } from '../../publishing/form-catalogue';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { i18n } from 'i18next';
import { languagesOf, localise } from '../../definition/translation';
import type { FormDefinition } from '../../definition/types';
import { loadReport } from '../../kpi/load-report';
import { dayOf } from '../../kpi/period';
import type { Store } from '../../store/store';
import type { Agencies } from '../../agency/agencies';
import { agencyForms, isAgencyForm } from '../../agency/staff-scope';
import { reportCsv } from './export';
import { readDashboardFilter, type DashboardFilter } from './filter';
import { figureFormat } from './format';
import { headline, ownDirection, type Cell, type Wording } from './tables';
import { dashboardSections } from './view';
import type { Principal } from '../../caseworker/authenticator';
import { staffNavigation } from '../caseworker/staff-navigation';
import { staffTimeout } from '../caseworker/staff-timeout';
import { staffAgency } from '../caseworker/caseworker-render';
import { auditFigures } from './audit-figures';
import { langOf, tOf, type Render } from '../render';

/** What the dashboard routes need. */
export interface DashboardDependencies {
  forms: FormCatalogue;
  /** Which agency each form belongs to: the service team sees its own agency's figures only. */
  agencies: Agencies;
  store: Store;
  render: Render;
  i18n: i18n;
  /** Lets only the service team in: `requireRole('service-team')`. */
  guard: RequestHandler;
  /** Minutes without a request before a staff sign-in ends: the pages warn before then. */
  idleMinutes: number;
  /** The clock, for tests; `Date.now` by default. */
  now?: () => number;
  /** Writes the journey events still waiting in memory, so the figures are up to the minute. */
  flush?: () => Promise<void>;
}

/**
 * The KPI dashboard, mounted at `/dashboard` behind `guard`: `/dashboard` lists the forms with
 * their headline KPIs over the last 30 days; `/dashboard/{formId}` shows one form's figures for
 * the dates chosen; `/dashboard/{formId}.csv` and `.json` export the same figures.
 *
 * @example
 *   app.use('/dashboard', createDashboardRoutes({ forms, store, render, i18n, guard: requireRole('service-team'), idleMinutes: 15 }));
 */
export function createDashboardRoutes(deps: DashboardDependencies): Router {
  const now = deps.now ?? Date.now;
  const router = Router();
  // The staff layout: who is signed in, a sign-out button, and the warning before the sign-in ends.
  const render: Render = (req, res, view, locals, status) =>
    deps.render(
      req,
      res,
      view,
      {
        ...(typeof locals === 'function' ? locals() : locals),
        principal: res.locals.principal,
        staffNavigation: staffNavigation(
          res.locals.principal as Principal | undefined,
          req.originalUrl,
          tOf(res, deps),
        ),
        agency: staffAgency(deps.agencies, res),
        timeout: staffTimeout(req, deps.idleMinutes),
      },
      status,
    );
  // Before the guard, so its refusals (which name who is signed in) are not kept either.
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(deps.guard);
  router.use(async (_req, _res, next) => {
    await deps.flush?.();
    next();
  });

  const wording = (res: Response): Wording => ({ t: tOf(res, deps), f: figureFormat(langOf(res)) });
  const shownIn = (form: FormDefinition, lang: string) =>
    localise(form, languagesOf(form).includes(lang) ? lang : form.language);
  const filterOf = (req: Request, res: Response): DashboardFilter =>
    readDashboardFilter(req.query as Record<string, unknown>, {
      t: tOf(res, deps),
      lang: langOf(res),
      today: dayOf(now()),
    });
  /** The agency of the signed-in member of the service team: its figures are all it sees. */
  const agencyOf = (res: Response) => (res.locals.principal as Principal).agency;
  const periodText = (w: Wording, filter: DashboardFilter) =>
    w.t('dashboard:period', { from: w.f.day(filter.from), to: w.f.day(filter.to) });

  router.get('/', async (req, res) => {
    const w = wording(res);
    const filter = filterOf(req, res);
    const rows: Cell[][] = [];
    for (const source of agencyForms(deps.forms, deps.agencies, agencyOf(res))) {
      const form = shownIn(source, langOf(res));
      const text = headline((await loadReport(deps.store, source, filter.period)).figures, w);
      rows.push([
        ownDirection(form.title, `/dashboard/${form.id}`),
        ...[
          text.starts,
          text.completions,
          text.completionRate,
          text.digitalTakeUp,
          text.satisfaction,
          text.costPerTransaction,
        ].map((value): Cell => ({ text: value, format: 'numeric' })),
      ]);
    }
    const column = (key: string, numeric = true): Cell => ({
      text: w.t(`dashboard:headline.${key}`),
      ...(numeric ? { format: 'numeric' as const } : {}),
    });
    await auditFigures(deps.store, req, res, { action: 'view-figures', filter });
    render(req, res, 'dashboard/index.njk', {
      pageTitle: w.t('dashboard:title'),
      serviceName: w.t('dashboard:title'),
      serviceUrl: '/dashboard',
      periodText: periodText(w, filter),
      table: {
        caption: w.t('dashboard:formsCaption'),
        head: [
          { text: w.t('dashboard:form') },
          ...[
            'starts',
            'completions',
            'completionRate',
            'digitalTakeUp',
            'satisfaction',
            'costPerTransaction',
          ].map((k) => column(k)),
        ],
        rows,
      },
    });
  });

  router.get('/:file', async (req, res, next) => {
    const [, formId, extension] =
      /^([a-z][a-z0-9-]*)(?:\.(csv|json))?$/.exec(String(req.params.file)) ?? [];
    // Another agency's form is not found here, as one that does not exist.
    const source =
      formId && isAgencyForm(deps.agencies, agencyOf(res), formId)
        ? deps.forms.get(formId)
        : undefined;
    if (!source) return next();
    const w = wording(res);
    const filter = filterOf(req, res);
    const query = new URLSearchParams(
      Object.entries(req.query).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && /^((from|to)-(day|month|year)|version)$/.test(entry[0]),
      ),
    ).toString();
    const suffix = query ? `?${query}` : '';
    // An export with wrong dates goes to the page, which shows what is wrong with them.
    if (extension && filter.errors.length > 0)
      return res.redirect(303, `/dashboard/${source.id}${suffix}`);
    const versions = await deps.store.events.listEventVersions(source.id);
    const asked = typeof req.query.version === 'string' ? req.query.version : '';
    const version = versions.includes(asked) ? asked : undefined;
    const form = shownIn(source, langOf(res));
    // The figures carry the agency whose they are, in the exports as on the page.
    const report = {
      agency: agencyOf(res),
      ...(await loadReport(deps.store, form, filter.period, version)),
    };
    const fileName = `${source.id}-${filter.from}-${filter.to}`;
    const format = extension as 'csv' | 'json' | undefined;
    await auditFigures(deps.store, req, res, {
      action: format ? 'export-figures' : 'view-figures',
      formId: source.id,
      filter,
      version,
      format,
    });
    if (extension === 'json') {
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}.json"`);
      return res.json(report);
    }
    if (extension === 'csv') {
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}.csv"`);
      return res.type('text/csv').send(reportCsv(report));
    }
    const { headline: headlineTable, sections } = dashboardSections(
      report,
      form,
      w,
      deps.i18n.dir(langOf(res)) === 'rtl',
    );
    render(
      req,
      res,
      'dashboard/form.njk',
      {
        pageTitle: form.title,
        serviceName: w.t('dashboard:title'),
        serviceUrl: '/dashboard',
        backHref: '/dashboard',
        formTitle: form.title,
        periodText: periodText(w, filter),
        action: `/dashboard/${source.id}`,
        filterQuestions: filter.questions,
        errors: filter.errors,
        versions:
          versions.length > 1
            ? [
                { value: '', text: w.t('dashboard:filter.allVersions') },
                ...versions.map((v) => ({ value: v, text: v })),
              ].map((item) => ({ ...item, selected: item.value === (version ?? '') }))
            : [],
        headline: headlineTable,
        sections,
        exports: {
          csv: `/dashboard/${source.id}.csv${suffix}`,
          json: `/dashboard/${source.id}.json${suffix}`,
        },
      },
      filter.errors.length > 0 ? 400 : 200,
    );
  });

  return router;
}
