import type { FormCatalogue } from '../../publishing/form-catalogue';
import { Router, type Request } from 'express';
import type { i18n } from 'i18next';
import { localise } from '../../definition/translation';
import type { FormDefinition } from '../../definition/types';
import { COMMENT_MAX, readFeedback } from '../../kpi/feedback-answer';
import { dayOf } from '../../kpi/period';
import type { Store } from '../../store/store';
import { feedbackForm } from './feedback-form';
import { formLanguage } from '../language';
import { tOf, type Render } from '../render';
import type {} from '../session/session-data';

declare module '../session/session-data' {
  interface SessionData {
    /** The submission each form's satisfaction rating was given for, so it is given once. */
    feedbackGiven?: Record<string, string>;
  }
}

/** What the satisfaction question's routes need. */
export interface FeedbackRoutesDependencies {
  forms: FormCatalogue;
  store: Store;
  render: Render;
  i18n: i18n;
}

/**
 * The satisfaction question of the confirmation page: `POST /{formId}/feedback` stores the rating
 * and, apart from it and unlinked, the comment; `GET` shows the question again, or the thanks.
 * Only a session that has just submitted the form can rate it, once per submission.
 */
export function createFeedbackRoutes(deps: FeedbackRoutesDependencies): Router {
  const router = Router();

  const given = (req: Request, form: FormDefinition) => {
    const reference = req.session.submitted?.[form.id];
    return { reference, done: !!reference && req.session.feedbackGiven?.[form.id] === reference };
  };

  router.get('/:formId/feedback', (req, res, next) => {
    const source = deps.forms.get(String(req.params.formId));
    if (!source) return next();
    const form = localise(source, formLanguage(source, res));
    const { reference, done } = given(req, form);
    res.setHeader('Cache-Control', 'no-store');
    if (!reference) return res.redirect(303, `/${form.id}`);
    const t = tOf(res, deps);
    if (done) {
      return deps.render(req, res, 'message.njk', {
        form,
        pageTitle: t('feedback:thanksTitle'),
        paragraphs: [t('feedback:thanksBody')],
        link: { href: `/${form.id}/confirmation`, text: t('feedback:thanksLink') },
      });
    }
    deps.render(req, res, 'feedback.njk', {
      form,
      pageTitle: t('feedback:question'),
      feedback: feedbackForm(form, t),
    });
  });

  router.post('/:formId/feedback', async (req, res, next) => {
    const source = deps.forms.get(String(req.params.formId));
    if (!source) return next();
    const lang = formLanguage(source, res);
    const form = localise(source, lang);
    const { reference, done } = given(req, form);
    if (!reference) return res.redirect(303, `/${form.id}`);
    if (done) return res.redirect(303, `/${form.id}/feedback`);
    const answer = readFeedback(req.body as Record<string, unknown>);
    if (!answer.ok) {
      const t = tOf(res, deps);
      const fieldErrors = Object.fromEntries(
        answer.errors.map((e) => [e.field, t(`feedback:errors.${e.code}`, { max: COMMENT_MAX })]),
      );
      const body = req.body as Record<string, unknown>;
      res.setHeader('Cache-Control', 'no-store');
      return deps.render(
        req,
        res,
        'feedback.njk',
        {
          form,
          pageTitle: t('feedback:question'),
          errors: answer.errors.map((e) => ({ text: fieldErrors[e.field], href: `#${e.field}` })),
          feedback: feedbackForm(form, t, {
            rating: typeof body.rating === 'string' ? body.rating : undefined,
            comment: answer.comment,
            fieldErrors,
          }),
        },
        400,
      );
    }
    const submission = await deps.store.journeys.findSubmission(reference);
    const day = dayOf(Date.now());
    await deps.store.events.addSatisfaction({
      day,
      formId: form.id,
      formVersion: submission?.formVersion ?? form.version,
      channel: submission?.channel ?? 'online',
      language: lang,
      rating: answer.rating,
    });
    if (answer.comment) {
      await deps.store.events.addFeedbackComment({
        day,
        formId: form.id,
        language: lang,
        comment: answer.comment,
      });
    }
    req.session.feedbackGiven = { ...req.session.feedbackGiven, [form.id]: reference };
    res.redirect(303, `/${form.id}/feedback`);
  });

  return router;
}
