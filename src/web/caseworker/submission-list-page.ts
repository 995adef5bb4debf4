import type { Request, Response, Router } from 'express';
import { agencyForms, isAgencyForm } from '../../agency/staff-scope';
import type { Principal } from '../../caseworker/authenticator';
import { languagesOf, localise } from '../../definition/translation';
import type { FormDefinition } from '../../definition/types';
import { ServiceError } from '../../errors';
import { CHANNELS } from '../../kpi/channels';
import { dayOf } from '../../kpi/period';
import { dateTimeWords } from '../../questions/date-words';
import { DELIVERY_STATES } from '../../store/submission-list';
import { readDashboardFilter, type DashboardFilter } from '../dashboard/filter';
import { escapeHtml } from '../escape-html';
import { langOf, tOf } from '../render';
import { auditRequest } from './audit-request';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';

/** Submissions on one page of the list. */
export const PAGE_SIZE = 50;

/** Where a form's staff pages are: its list of submissions and its export. */
export const formPagesUrl = (formId: string) => `/caseworker/forms/${formId}`;

/**
 * The form the route names, in the page's language (or the form's own); 404 for no such form and
 * for another agency's form (as if it did not exist).
 */
export function routeForm(
  deps: CaseworkerDependencies,
  req: Request,
  res: Response,
): { source: FormDefinition; form: FormDefinition } {
  const source = deps.forms.get(String(req.params.formId));
  const { agency } = res.locals.principal as Principal;
  if (!source || !isAgencyForm(deps.agencies, agency, source.id))
    throw new ServiceError('FORM_NOT_FOUND');
  const lang = langOf(res);
  return {
    source,
    form: localise(source, languagesOf(source).includes(lang) ? lang : source.language),
  };
}

/** The dates chosen on a staff page (the dashboard's filter: its inputs, checks and words). */
export function dateFilter(deps: CaseworkerDependencies, req: Request, res: Response) {
  return readDashboardFilter(req.query as Record<string, unknown>, {
    t: tOf(res, deps),
    lang: langOf(res),
    today: dayOf(Date.now()),
  });
}

/** The filter's fields as typed, to keep in the links to other pages of the list. */
function keptQuery(req: Request, extra: Record<string, string>): string {
  const kept = Object.entries(req.query).filter(
    (entry): entry is [string, string] =>
      typeof entry[1] === 'string' &&
      /^((from|to)-(day|month|year)|channel|delivery)$/.test(entry[0]),
  );
  return new URLSearchParams([...kept, ...Object.entries(extra)]).toString();
}

/** A choice read from the query string: one of `allowed`, or undefined for any (or nonsense). */
function choice<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** The select's options: "Any", then each value in words, the chosen one selected. */
function options(
  values: readonly string[],
  chosen: string | undefined,
  words: (v: string) => string,
  any: string,
) {
  return [
    { value: '', text: any, selected: chosen === undefined },
    ...values.map((value) => ({ value, text: words(value), selected: value === chosen })),
  ];
}

/** The audit line's detail: the filter, in the words of the query string (never an answer). */
function filterDetail(
  filter: DashboardFilter,
  channel?: string,
  delivery?: string,
  page = 1,
): string {
  return [
    `${filter.from}..${filter.to}`,
    channel && `channel=${channel}`,
    delivery && `delivery=${delivery}`,
    `page=${page}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The forms, each with links to its submissions and its export (`/caseworker/forms`), and a
 * form's submissions, newest first, 50 a page, filtered by the dates sent, the channel and where
 * their deliveries stand (`/caseworker/forms/{formId}/submissions`). Each list shown is audited.
 */
export function addSubmissionListPages(router: Router, deps: CaseworkerDependencies): void {
  router.get('/forms', (req, res) => {
    const t = tOf(res, deps);
    const lang = langOf(res);
    const { agency } = res.locals.principal as Principal;
    const rows = agencyForms(deps.forms, deps.agencies, agency).map((source) => {
      const form = localise(source, languagesOf(source).includes(lang) ? lang : source.language);
      const link = (href: string, text: string, hidden: string) =>
        `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}<span class="govuk-visually-hidden"> ${escapeHtml(hidden)}</span></a>`;
      return [
        { html: `<bdi>${escapeHtml(form.title)}</bdi>` },
        {
          html: link(
            `${formPagesUrl(form.id)}/submissions`,
            t('caseworker:forms.list'),
            t('caseworker:forms.listHidden', { form: form.title }),
          ),
        },
        {
          html: link(
            `${formPagesUrl(form.id)}/export`,
            t('caseworker:forms.export'),
            t('caseworker:forms.exportHidden', { form: form.title }),
          ),
        },
      ];
    });
    renderCaseworker(deps, req, res, 'forms.njk', { pageTitle: t('caseworker:forms.title'), rows });
  });

  router.get('/forms/:formId/submissions', async (req, res) => {
    const { source, form } = routeForm(deps, req, res);
    const t = tOf(res, deps);
    const lang = langOf(res);
    const filter = dateFilter(deps, req, res);
    const channel = choice(req.query.channel, CHANNELS);
    const delivery = choice(req.query.delivery, DELIVERY_STATES);
    const asked = Number(req.query.page);
    const page = Number.isInteger(asked) && asked > 1 ? asked : 1;
    const found =
      filter.errors.length > 0
        ? { total: 0, rows: [] }
        : await deps.store.journeys.listSubmissions({
            formId: source.id,
            ...filter.period,
            channel,
            delivery,
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
          });
    await auditRequest(deps.store, req, {
      action: 'list-submissions',
      actor: res.locals.principal as Principal,
      target: source.id,
      detail: filterDetail(filter, channel, delivery, page),
    });
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    const base = `${formPagesUrl(source.id)}/submissions`;
    const at = (n: number) => `${base}?${keptQuery(req, { page: String(n) })}`;
    renderCaseworker(
      deps,
      req,
      res,
      'submission-list.njk',
      {
        pageTitle: t('caseworker:list.title', { form: form.title }),
        formTitle: form.title,
        action: base,
        errors: filter.errors,
        filterQuestions: filter.questions,
        channels: options(
          CHANNELS,
          channel,
          (c) => t(`caseworker:channel.${c}`),
          t('caseworker:list.any'),
        ),
        deliveries: options(
          DELIVERY_STATES,
          delivery,
          (s) => t(`caseworker:list.state_${s}`),
          t('caseworker:list.any'),
        ),
        found: filter.errors.length
          ? undefined
          : t('caseworker:list.found', { count: found.total }),
        rows: found.rows.map((row) => [
          {
            html: `<a class="govuk-link" href="/caseworker/submissions/${escapeHtml(row.reference)}"><span class="cf-nowrap" dir="ltr">${escapeHtml(row.reference)}</span></a>`,
          },
          { text: dateTimeWords(row.submittedAt, lang) },
          { text: t(`caseworker:channel.${row.channel}`) },
          { text: t(`language.${row.language}`) },
          { text: t(`caseworker:list.state_${row.delivery}`) },
        ]),
        pagination: pages > 1 && {
          label: t('caseworker:list.pages'),
          ...(page > 1 && {
            previous: { href: at(page - 1), text: t('caseworker:list.previous') },
          }),
          ...(page < pages && { next: { href: at(page + 1), text: t('caseworker:list.next') } }),
        },
        pageOf: pages > 1 ? t('caseworker:list.pageOf', { page, pages }) : undefined,
        exportHref: `${formPagesUrl(source.id)}/export?${keptQuery(req, {})}`,
      },
      filter.errors.length ? 400 : 200,
    );
  });
}
