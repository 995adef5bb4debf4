import type { FormCatalogue } from '../publishing/form-catalogue';
import {
  Router,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { FormDefinition, RepeatSection } from '../definition/types';
import { itemsOf, type Draft } from '../engine/answers';
import { walk, type Step } from '../engine/journey';
import { ServiceError } from '../errors';
import { languagesOf, localise } from '../definition/translation';
import { closedTo } from '../publishing/closure';
import { pinDraft } from '../publishing/draft-version';
import { renderClosed } from './closed-page';
import {
  acceptCheckAnswers,
  renderCheckAnswers,
  renderConfirmation,
  showSent,
} from './check-answers-page';
import { loadDraft, sentJourney, stepUrl } from './journey-state';
import { acceptRemoveFile } from './uploads/remove-file';
import {
  acceptQuestionPage,
  renderQuestionPage,
  type PageHandlerDependencies,
} from './question-page';
import { formLanguage } from './language';
import type { JourneyEvents } from './kpi/kpi-events';
import {
  acceptRemoveItem,
  acceptSectionSummary,
  renderRemoveItem,
  renderSectionSummary,
} from './section-pages';

export interface FormRoutesDependencies extends PageHandlerDependencies {
  forms: FormCatalogue;
  /** Records journey events for the KPIs (src/web/kpi/kpi-events.ts). */
  kpi?: JourneyEvents;
}

type Handler = (
  req: Request,
  res: Response,
  form: FormDefinition,
  draft: Draft,
) => Promise<void> | void;

/** The step a URL names, if the journey has reached it. */
function findStep(steps: Step[], match: (step: Step) => boolean): Step | undefined {
  return steps.find(match);
}

/**
 * The journey's routes: start, question pages, repeating sections, check answers, confirmation.
 * A URL the journey has not reached yet redirects to the step the user should be on.
 */
export function createFormRoutes(deps: FormRoutesDependencies): Router {
  const router = Router();

  const withForm =
    (handler: Handler, needsDraft = true): RequestHandler =>
    async (req: Request, res: Response, next: NextFunction) => {
      const current = deps.forms.get(String(req.params.formId));
      if (!current) return next(new ServiceError('FORM_NOT_FOUND'));
      res.setHeader('Cache-Control', 'no-store');
      if (!needsDraft) {
        const localised = localise(current, formLanguage(current, res));
        return handler(
          req,
          res,
          deps.assisted?.present(localised) ?? localised,
          undefined as never,
        );
      }
      const loaded = await (deps.assisted?.loadDraft(req, current) ??
        loadDraft(req, deps.store, current, formLanguage(current, res)));
      // A draft finishes on the version it started on (or moves to a compatible current one).
      const pinned = loaded && pinDraft(deps.forms, current, loaded);
      const source = pinned ? pinned.source : current;
      const lang = formLanguage(source, res);
      const draft = pinned && (deps.assisted ? pinned.draft : { ...pinned.draft, language: lang });
      const localised = localise(source, lang);
      const form = deps.assisted?.present(localised) ?? localised;
      // The session's journey has no draft (any more): it may have been sent just before the
      // process stopped, the session not saved after. Then every page of it leads to its reference.
      const gone = deps.assisted ? !draft : req.session.journeys?.[form.id] !== draft?.id;
      if (gone) {
        const sent = await (deps.assisted?.sentJourney(req, form) ??
          sentJourney(req, deps.store, form));
        if (sent) return showSent(deps, req, res, form, sent, false);
      }
      // A closed form takes no new journey, and those started only until their deadline.
      const closure = closedTo(deps.forms, form.id, !gone);
      if (closure) return renderClosed(deps, req, res, form, closure, source.language);
      // Staff journeys start on their own page (the caller's consent, the paper's details).
      if (!draft) return res.redirect(303, `${req.baseUrl}/${form.id}`);
      await handler(req, res, form, draft);
    };

  const submittedRedirect = (req: Request, res: Response, form: FormDefinition): boolean => {
    if (req.session.journeys?.[form.id] || !req.session.submitted?.[form.id]) return false;
    res.redirect(303, `${req.baseUrl}/${form.id}/confirmation`);
    return true;
  };

  router.get(
    '/:formId',
    withForm((req, res, form) => {
      const closure = closedTo(deps.forms, form.id, false);
      if (closure) {
        return renderClosed(deps, req, res, form, closure, languagesOf(form)[0] ?? form.language);
      }
      const first = walk(form, { answers: {}, done: [] }).steps[0];
      deps.render(req, res, 'start.njk', {
        form,
        pageTitle: form.title,
        cleared: req.query.cleared === '1',
        startHref: first ? stepUrl(form, first, req.baseUrl) : `${req.baseUrl}/${form.id}`,
      });
    }, false),
  );

  router.get(
    '/:formId/check-answers',
    withForm((req, res, form, draft) => {
      const walked = walk(form, draft);
      if (!walked.complete) {
        if (submittedRedirect(req, res, form)) return;
        return res.redirect(303, stepUrl(form, walked.next, req.baseUrl));
      }
      deps.kpi?.journeyEvent(req, draft, 'page', { pageKey: 'check-answers' });
      renderCheckAnswers(deps, req, res, form, draft);
    }),
  );
  router.post(
    '/:formId/check-answers',
    withForm(async (req, res, form, draft) => {
      const walked = walk(form, draft);
      if (!walked.complete) {
        if (submittedRedirect(req, res, form)) return;
        return res.redirect(303, stepUrl(form, walked.next, req.baseUrl));
      }
      await acceptCheckAnswers(deps, req, res, form, draft);
    }),
  );
  router.post(
    '/:formId/check-answers/remove-file',
    withForm((req, res, form, draft) => acceptRemoveFile(deps, req, res, form, draft)),
  );
  router.get(
    '/:formId/confirmation',
    withForm((req, res, form) => renderConfirmation(deps, req, res, form), false),
  );

  const onePage: Handler = async (req, res, form, draft) => {
    const pageId = String(req.params.pageId);
    const walked = walk(form, draft);
    const step = findStep(walked.steps, (s) =>
      s.kind === 'page'
        ? !s.section && s.page.id === pageId
        : s.kind !== 'check-answers' && s.key === pageId,
    );
    if (!step) {
      if (!pageExists(form, pageId)) throw new ServiceError('PAGE_NOT_FOUND');
      if (submittedRedirect(req, res, form)) return;
      return res.redirect(303, stepUrl(form, walked.next, req.baseUrl));
    }
    const posting = req.method === 'POST';
    if (!posting || step.kind === 'exit') {
      deps.kpi?.journeyEvent(req, draft, step.kind === 'exit' ? 'exit' : 'page', { step });
    }
    if (step.kind === 'exit')
      return deps.render(req, res, 'exit.njk', {
        form,
        page: step.page,
        pageTitle: step.page.title,
      });
    if (step.kind === 'summary') {
      return posting
        ? acceptSectionSummary(deps, req, res, form, draft, step.section)
        : renderSectionSummary(deps, req, res, form, draft, step.section);
    }
    if (step.kind !== 'page') return;
    return posting
      ? acceptQuestionPage(deps, req, res, form, draft, step)
      : renderQuestionPage(deps, req, res, form, draft, step, undefined, walked);
  };
  router.get('/:formId/:pageId', withForm(onePage));
  router.post('/:formId/:pageId', withForm(onePage));

  const itemPage: Handler = async (req, res, form, draft) => {
    const section = form.pages.find(
      (p): p is RepeatSection => p.kind === 'repeat' && p.id === req.params.sectionId,
    );
    const position = Number(req.params.position);
    const pageId = String(req.params.pageId);
    if (!section || !Number.isInteger(position) || position < 1 || position > (section.max ?? 10)) {
      throw new ServiceError('PAGE_NOT_FOUND');
    }
    const walked = walk(form, draft);
    if (pageId === 'remove') {
      if (!itemsOf(draft.answers, section.id)[position - 1])
        return res.redirect(303, stepUrl(form, walked.next, req.baseUrl));
      return req.method === 'POST'
        ? acceptRemoveItem(deps, req, res, form, draft, section, position)
        : renderRemoveItem(deps, req, res, form, section, position);
    }
    const step = findStep(
      walked.steps,
      (s) =>
        s.kind === 'page' &&
        s.section === section &&
        s.item?.index === position - 1 &&
        s.page.id === pageId,
    );
    if (!step || step.kind !== 'page') {
      if (!section.pages.some((p) => p.id === pageId)) throw new ServiceError('PAGE_NOT_FOUND');
      if (submittedRedirect(req, res, form)) return;
      return res.redirect(303, stepUrl(form, walked.next, req.baseUrl));
    }
    if (req.method !== 'POST') deps.kpi?.journeyEvent(req, draft, 'page', { step });
    return req.method === 'POST'
      ? acceptQuestionPage(deps, req, res, form, draft, step)
      : renderQuestionPage(deps, req, res, form, draft, step, undefined, walked);
  };
  router.get('/:formId/:sectionId/:position/:pageId', withForm(itemPage));
  router.post('/:formId/:sectionId/:position/:pageId', withForm(itemPage));

  return router;
}

function pageExists(form: FormDefinition, pageId: string): boolean {
  return form.pages.some((p) => p.id === pageId);
}
