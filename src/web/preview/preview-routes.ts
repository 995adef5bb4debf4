import { Router, type Request, type Response } from 'express';
import type { i18n } from 'i18next';
import { readAloudScript } from '../../caseworker/read-aloud-script';
import type { Agencies } from '../../agency/agencies';
import { isAgencyForm } from '../../agency/staff-scope';
import type { Principal } from '../../caseworker/authenticator';
import type { Config } from '../../config';
import { DEFAULT_RETRY } from '../../delivery/destination';
import { languagesOf, localise } from '../../definition/translation';
import type { FormDefinition, QuestionPage } from '../../definition/types';
import { ServiceError } from '../../errors';
import type { Store } from '../../store/store';
import { createPasswordAuthenticator } from '../../caseworker/password-authenticator';
import { createStaffOnly } from '../caseworker/require-role';
import { spokenIn } from '../caseworker/script-locals';
import { staffTimeout } from '../caseworker/staff-timeout';
import { createFormRoutes } from '../form-routes';
import { translator } from '../i18n';
import { formLanguage } from '../language';
import { createPaperRoutes } from '../paper-routes';
import type { Translate } from '../../questions/question-type';
import { langOf, tOf, type Render } from '../render';
import { createPreviewForms, type PreviewEntry } from './preview-forms';
import { createPreviewJourney } from './preview-journey';

export interface PreviewDependencies {
  store: Store;
  /** Which agency each form belongs to: a service team previews only its own agency's forms. */
  agencies: Agencies;
  render: Render;
  i18n: i18n;
  /** The forms folder previewed, and where the online form will live (for the paper's QR code). */
  config: Pick<Config, 'formsDir' | 'baseUrl'>;
  /** Minutes without a request before a staff sign-in ends. */
  idleMinutes: number;
}

/** Where preview pages live: never a form's address (a reserved id). */
const BASE = '/preview';

/** Every question page of a form in order, those of repeating sections included. */
function questionPages(form: FormDefinition): QuestionPage[] {
  return form.pages.flatMap((p): QuestionPage[] =>
    p.kind === 'repeat' ? p.pages : p.kind === 'exit' ? [] : [p],
  );
}

/** A list entry as the page shows it: its links in every language the form offers. */
function shownEntry(entry: PreviewEntry, t: Translate) {
  if (!entry.ok) return entry;
  const { form } = entry;
  return {
    ok: true,
    file: entry.file,
    title: form.title,
    id: form.id,
    version: t('preview:list.version', { version: form.version }),
    status: t(`preview:status.${entry.status}`, { version: form.version }),
    languages: languagesOf(form).map((lang) => ({
      lang,
      name: t(`language.${lang}`),
      online: `${BASE}/${form.id}?lang=${lang}`,
      paper: `${BASE}/${form.id}/paper.pdf?lang=${lang}`,
      script: `${BASE}/${form.id}/script?lang=${lang}`,
    })),
  };
}

/**
 * A service team's preview, mounted at `/preview`: the forms folder's definitions, published or
 * not, run through the same journey routes as the public form (under this mount, with a draft kept
 * in the session only), with their paper form and read-aloud script, in every language each offers.
 * Sending stores, delivers and counts nothing. Only a signed-in `service-team` account reaches any
 * of it; anyone else gets "page not found", as for an address that does not exist.
 */
export function createPreviewRoutes(deps: PreviewDependencies): Router {
  const preview = createPreviewForms(deps.config.formsDir, deps.store);
  const router = Router();
  router.use(
    createStaffOnly({
      authenticator: createPasswordAuthenticator(deps.store),
      store: deps.store,
      idleMinutes: deps.idleMinutes,
    })('service-team'),
  );
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Another agency's form is not found, on every page that names it (its journey, paper, script).
  const ownForm = (res: Response, formId: string) =>
    isAgencyForm(deps.agencies, (res.locals.principal as Principal).agency, formId);
  router.use('/:formId', (req, res, next) => {
    const formId = String(req.params.formId);
    next(
      preview.catalogue.has(formId) && !ownForm(res, formId)
        ? new ServiceError('FORM_NOT_FOUND')
        : undefined,
    );
  });

  // Every page says it is a preview; links to the form's own pages stay under the mount.
  const render: Render = (req, res, view, locals, status, cache) => {
    deps.render(
      req,
      res,
      view,
      () => {
        const made = typeof locals === 'function' ? locals() : locals;
        const form = made.form as FormDefinition | undefined;
        return {
          ...made,
          preview: true,
          formBase: BASE,
          principal: res.locals.principal,
          ...(form && { serviceUrl: `${BASE}/${form.id}` }),
        };
      },
      status,
      cache,
    );
  };
  const staffPage = (req: Request, res: Response, view: string, locals: object) =>
    render(req, res, view, {
      staffArea: true,
      serviceUrl: BASE,
      timeout: staffTimeout(req, deps.idleMinutes),
      ...locals,
    });
  const previewed = (req: Request, res: Response) => {
    const source = preview.catalogue.get(String(req.params.formId));
    if (!source) throw new ServiceError('FORM_NOT_FOUND');
    return localise(source, formLanguage(source, res));
  };

  router.get('/', async (req, res) => {
    const t = tOf(res, deps);
    staffPage(req, res, 'preview/index.njk', {
      pageTitle: t('preview:list.title'),
      // A file that is not a valid form names no agency yet: its problems are shown to every team.
      entries: (await preview.entries())
        .filter((e) => !e.ok || ownForm(res, e.form.id))
        .map((e) => shownEntry(e, t)),
    });
  });

  router.get('/:formId/script', (req, res) => {
    const form = previewed(req, res);
    const lang = langOf(res);
    const t = translator(deps.i18n, lang);
    staffPage(req, res, 'preview/script.njk', {
      pageTitle: t('preview:script.title', { title: form.title }),
      form,
      staffArea: true,
      backHref: BASE,
      pages: questionPages(form).map((page) => ({
        ...spokenIn(deps, lang),
        ...readAloudScript(page, t),
      })),
    });
  });

  router.get('/:formId/confirmation', (req, res) => {
    const form = previewed(req, res);
    if (!req.session.previewSent?.[form.id]) return res.redirect(303, `${BASE}/${form.id}`);
    render(req, res, 'preview/sent.njk', {
      form,
      pageTitle: tOf(res, deps)('preview:sent.title'),
      startHref: `${BASE}/${form.id}`,
      listHref: BASE,
    });
  });

  router.use(
    createPaperRoutes({
      forms: preview.catalogue,
      store: deps.store,
      render,
      i18n: deps.i18n,
      config: deps.config,
    }),
  );
  // No KPI hooks, no uploads, no destinations: a preview leaves no trace but its session.
  router.use(
    createFormRoutes({
      forms: preview.catalogue,
      store: deps.store,
      render,
      i18n: deps.i18n,
      destinations: { destinations: new Map(), retry: DEFAULT_RETRY },
      assisted: createPreviewJourney(),
    }),
  );
  router.use((_req, _res, next) => next(new ServiceError('PAGE_NOT_FOUND')));
  return router;
}
