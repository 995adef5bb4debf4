import { submitWithDeliveries } from '../delivery/outbox';
import type { Request, Response } from 'express';
import type { FormDefinition } from '../definition/types';
import type { Draft } from '../engine/answers';
import { summarise } from '../engine/check-answers';
import { activeAnswers, walk } from '../engine/journey';
import { usesNoFixedAddress } from '../engine/no-fixed-address';
import { intlLocale } from '../questions/intl-locale';
import { languagesOf, localise } from '../definition/translation';
import type { FormCatalogue } from '../publishing/form-catalogue';
import type { Submission } from '../store/store';
import { summaryListGroups } from './summary-list';
import { filesWithRemove } from './uploads/check-answers-files';
import { feedbackForm } from './kpi/feedback-form';
import type { JourneyEvents } from './kpi/kpi-events';
import { rememberSubmission, sentJourney, stepUrl } from './journey-state';
import type { PageHandlerDependencies } from './question-page';
import { langOf, tOf } from './render';

/** Check answers: every answer on the path, each with a Change link that comes back here. */
export function renderCheckAnswers(
  deps: PageHandlerDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  draft: Draft,
): void {
  const lang = langOf(res);
  const t = tOf(res, deps);
  const walked = walk(form, draft);
  const last = walked.steps[walked.steps.length - 2];
  const groups = summaryListGroups(summarise(form, draft, { t, lang }), {
    t,
    lang,
    notProvided: { text: t('checkAnswers.notProvided'), classes: 'cf-not-provided' },
    valueHtml: filesWithRemove(form, draft, {
      t,
      lang,
      action: `${req.baseUrl}/${form.id}/check-answers/remove-file`,
    }),
    actions: (row) => ({
      items: [
        {
          href: `${stepUrl(form, row.step, req.baseUrl)}?change=1`,
          text: t('checkAnswers.change'),
          visuallyHiddenText: row.label,
        },
      ],
    }),
  });
  deps.render(req, res, 'check-answers.njk', {
    form,
    pageTitle: form.checkAnswers?.title ?? t('checkAnswers.title'),
    groups,
    declaration: form.checkAnswers?.declaration,
    submitLabel: form.checkAnswers?.submitLabel ?? t('checkAnswers.submit'),
    backHref: last ? stepUrl(form, last, req.baseUrl) : `${req.baseUrl}/${form.id}`,
    action: `${req.baseUrl}/${form.id}/check-answers`,
  });
}

/** Sends the application: one submission per transaction, however often this is posted. */
export async function acceptCheckAnswers(
  deps: PageHandlerDependencies & { kpi?: JourneyEvents },
  req: Request,
  res: Response,
  form: FormDefinition,
  draft: Draft,
): Promise<void> {
  if (deps.assisted?.send) return deps.assisted.send(req, res, form, draft);
  // The submission and its deliveries in one transaction; the worker sends them afterwards.
  const answers = activeAnswers(form, draft);
  const { submission, created } = await submitWithDeliveries(deps.store, deps.destinations, form, {
    draft,
    answers,
    at: Date.now(),
  });
  if (created)
    deps.kpi?.journeyEvent(req, draft, 'submit', {
      pageKey: 'check-answers',
      noFixedAddress: usesNoFixedAddress(form, answers),
    });
  await showSent(deps, req, res, form, submission, created);
}

/**
 * After a submission: the session lets go of the journey and keeps the reference, and the person
 * goes to the confirmation. Also what a session gets whose journey was sent but not let go of.
 */
export async function showSent(
  deps: PageHandlerDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  submission: Submission,
  created: boolean,
): Promise<void> {
  if (deps.assisted) return deps.assisted.submitted(req, res, form, submission, created);
  rememberSubmission(req, form, submission.reference);
  res.redirect(303, `/${form.id}/confirmation`);
}

/** The confirmation page; still shown when reopened from a bookmark in the same session. */
export async function renderConfirmation(
  deps: PageHandlerDependencies & { forms: FormCatalogue },
  req: Request,
  res: Response,
  current: FormDefinition,
): Promise<void> {
  const lang = langOf(res);
  const t = tOf(res, deps);
  // A journey sent just before the process stopped, its session not yet told: its reference.
  const sent = await sentJourney(req, deps.store, current);
  if (sent) rememberSubmission(req, current, sent.reference);
  const reference = req.session.submitted?.[current.id];
  const submission =
    sent ?? (reference ? await deps.store.journeys.findSubmission(reference) : undefined);
  // What happens next as the version the person applied on says it.
  const made = submission && deps.forms.version(submission.formId, submission.formVersion);
  const form = made
    ? localise(made, languagesOf(made).includes(lang) ? lang : made.language)
    : current;
  deps.render(req, res, 'confirmation.njk', {
    form,
    pageTitle: submission ? form.confirmation.title : t('confirmation.notFoundTitle'),
    reference: submission?.reference,
    submittedOn: submission
      ? new Intl.DateTimeFormat(intlLocale(lang), {
          dateStyle: 'long',
          timeZone: 'Europe/London',
        }).format(new Date(submission.submittedAt))
      : undefined,
    startHref: `/${form.id}`,
    feedback: submission ? feedbackForm(form, t) : undefined,
  });
}
