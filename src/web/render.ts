import type { Request, Response } from 'express';
import type { i18n } from 'i18next';
import type nunjucks from 'nunjucks';
import type { FormDefinition, Question } from '../definition/types';
import { errorText } from '../questions/error-text';
import type { QuestionError, Translate, ViewContext } from '../questions/question-type';
import type { AssetUrls } from './assets';
import type { Agencies, ShownAgency } from '../agency/agencies';
import { agencyView } from '../agency/agency-view';
import { frameworkLanguages, translator } from './i18n';
import { languagesOf } from '../definition/translation';
import { PageCache, slot } from './page-cache';
import { sitePath } from './site-path';
import { timeoutTimes } from './timeout-times';
import { ADDRESS_PARAM } from './address-stage';

/** Renders a view with the locals every page needs. */
export type Render = (
  req: Request,
  res: Response,
  view: string,
  /** The view's locals, or a function making them (called only when the page is not cached). */
  locals: Record<string, unknown> | (() => Record<string, unknown>),
  status?: number,
  cache?: CachedRender,
) => void;

/**
 * Renders through the page cache: `key` names everything the page's markup depends on; `locals`
 * hold `slot()` placeholders where `values` go.
 */
export interface CachedRender {
  key: string;
  values: Record<string, string>;
}

export interface RenderDependencies {
  /** Minutes without a request before a session ends; journey pages warn before then. */
  idleMinutes: number;
  views: nunjucks.Environment;
  i18n: i18n;
  assets: AssetUrls;
  /** Whose brand and footer a page shows: its form's agency, or the one a page names. */
  agencies: Agencies;
  csrfToken: (req: Request) => string;
}

/** The language of this request (set by the language middleware). */
export function langOf(res: Response): string {
  return (res.locals.lang as string | undefined) ?? 'en';
}

/** The translation lookup for this request's language. */
export function tOf(res: Response, deps: Pick<RenderDependencies, 'i18n'>): Translate {
  return translator(deps.i18n, langOf(res));
}

/** Creates the page renderer. */
export function createRender(deps: RenderDependencies): Render {
  const cache = new PageCache();
  const timeout = timeoutTimes(deps.idleMinutes);
  return function render(req, res, view, locals, status = 200, cached) {
    const lang = langOf(res);
    // The token is made only when the page has a form that shows it, so pages without forms (the
    // start page, the form list) neither create a session nor write one.
    const draw = (csrfToken: () => string) => {
      const t = translator(deps.i18n, lang);
      const made = typeof locals === 'function' ? locals() : locals;
      const form = made.form as FormDefinition | undefined;
      // A language link stays on the page it is on: the second page of a two-page address keeps
      // its choice (the one the page itself read, never other text from the URL), and change mode.
      const chosen =
        typeof made.addressChosen === 'string' ? `&${ADDRESS_PARAM}=${made.addressChosen}` : '';
      const stay = `${chosen}${req.query.change === '1' ? '&change=1' : ''}`;
      const codes = form ? languagesOf(form) : frameworkLanguages(deps.i18n);
      const languages =
        codes.length < 2
          ? undefined
          : codes.map((code) => ({
              text: t(`language.${code}`),
              lang: code,
              dir: deps.i18n.dir(code),
              href: `${sitePath(`${req.baseUrl}${req.path}`)}?lang=${code}${stay}`,
              current: code === lang,
            }));
      // On an agency's own host name, the pages outside a form are that agency's.
      const onHost = res.locals.hostAgency as ShownAgency | undefined;
      const shown =
        (made.agency as ShownAgency | undefined) ??
        (form ? deps.agencies.ofForm(form.id) : (onHost ?? deps.agencies.platform));
      const brand = agencyView(shown, lang, t, shown === onHost);
      const context: Record<string, unknown> = {
        lang,
        t,
        assets: deps.assets,
        dir: deps.i18n.dir(lang),
        timeout,
        brand,
        footerLinks: brand.footerLinks,
        serviceName: made.staffArea ? brand.staffAreaName : (form?.title ?? brand.name),
        serviceUrl: form ? `/${form.id}` : '/',
        ...made,
        csrfToken,
        languages,
      };
      const html = deps.views.render(view, context);
      // govuk-frontend's template has no `dir`: right-to-left pages get it on <html>.
      return deps.i18n.dir(lang) === 'rtl'
        ? html.replace(/<html lang="([^"]*)"/, '<html lang="$1" dir="rtl"')
        : html;
    };
    // An agency's own host gives its pages short legal links: a page kept for one host is not
    // the page of another.
    const host = (res.locals.hostAgency as ShownAgency | undefined)?.agency.id ?? '';
    const html = cached
      ? cache.get(`${view}|${lang}|${host}|${cached.key}`, () => draw(() => slot('_csrf')), {
          ...cached.values,
          _csrf: deps.csrfToken(req),
        })
      : draw(() => deps.csrfToken(req));
    res.status(status).type('html').send(html);
  };
}

/** A question's error in words, and the view context that shows it. */
export function questionView(
  question: Question,
  errors: QuestionError[],
  context: { t: Translate; lang: string; isPageHeading: boolean; staff?: boolean },
): ViewContext {
  const mine = errors.filter((e) => e.questionId === question.id);
  if (mine.length === 0) return { ...context };
  const texts = mine.map((e) => errorText(question, e, context.t, context.lang));
  const fieldErrors: Record<string, string> = {};
  mine.forEach((e, i) => (fieldErrors[e.field] ??= texts[i] as string));
  return {
    ...context,
    error: { text: texts[0] as string, fields: mine.flatMap((e) => e.fields ?? [e.field]) },
    fieldErrors,
  };
}

/** The error summary's list: one link per error, to the field at fault, with the inline words. */
export function errorSummary(
  questions: Question[],
  errors: QuestionError[],
  context: { t: Translate; lang: string },
): Array<{ text: string; href: string }> {
  return errors.flatMap((error) => {
    const question = questions.find((q) => q.id === error.questionId);
    return question
      ? [{ text: errorText(question, error, context.t, context.lang), href: `#${error.field}` }]
      : [];
  });
}
