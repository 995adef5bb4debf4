import type { Request, Response } from 'express';
import type { EmailQuestion, FormDefinition } from '../../definition/types';
import type { Draft } from '../../engine/answers';
import { walk } from '../../engine/journey';
import { today } from '../../engine/today';
import { email } from '../../questions/email';
import type { QuestionError, RawState, Translate } from '../../questions/question-type';
import { saveForLater, type SavedForLater } from '../../resume/save-for-later';
import { chargeSave } from '../../resume/save-limit';
import type { Secret } from '../../resume/saved-secret';
import { stepUrl } from '../journey-state';
import { dateAndTime } from './local-time';
import { errorSummary, langOf, questionView, tOf } from '../render';
import { renderNothingToSave, renderSaveLimited } from './resume-messages';
import type { ResumePagesDependencies } from './resume-pages';
import { readSecret, secretQuestionList, secretQuestions, secretView } from './secret-fields';

function emailQuestion(t: Translate): EmailQuestion {
  return {
    id: 'email',
    type: 'email',
    label: t('resume:save.emailLabel'),
    hint: t('resume:save.emailHint'),
    errorLabel: t('resume:secret.emailSubject'),
    optional: true,
  };
}

/** The draft this browser holds for the form, if it has kept any answer. */
async function heldDraft(
  deps: ResumePagesDependencies,
  req: Request,
  form: FormDefinition,
): Promise<Draft | undefined> {
  const id = req.session.journeys?.[form.id];
  const draft = id ? await deps.store.journeys.getDraft(id) : undefined;
  const kept = draft && (draft.done.length > 0 || Object.keys(draft.answers).length > 0);
  return kept ? draft : undefined;
}

/** The page where a person chooses their secret (and may give an email address) to save a form. */
export async function renderSavePage(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  typed?: { raw: RawState; errors: QuestionError[] },
): Promise<void> {
  const draft = await heldDraft(deps, req, form);
  if (!draft) return renderNothingToSave(deps, req, res, form);
  const t = tOf(res, deps);
  const lang = langOf(res);
  const questions = secretQuestions(t, 'save');
  const address = emailQuestion(t);
  const raw = typed?.raw ?? {};
  const errors = typed?.errors ?? [];
  deps.render(
    req,
    res,
    'resume-save.njk',
    {
      form,
      pageTitle: t('resume:save.title'),
      unsaved: req.query.unsaved === '1',
      secret: secretView(questions, raw, errors, { t, lang }),
      email: email.view(
        address,
        raw,
        questionView(address, errors, { t, lang, isPageHeading: false }),
      ),
      errors: errorSummary([...secretQuestionList(questions), address], errors, { t, lang }),
      backHref: stepUrl(form, walk(form, draft).next),
      action: req.originalUrl,
    },
    errors.length > 0 ? 400 : 200,
  );
}

/** Takes the secret: shows the page again with errors, or saves the form and shows the code. */
export async function acceptSavePage(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
): Promise<void> {
  const draft = await heldDraft(deps, req, form);
  if (!draft) return renderNothingToSave(deps, req, res, form);
  const t = tOf(res, deps);
  const lang = langOf(res);
  const body = req.body as Record<string, unknown>;
  const context = { today: today(), lang };
  const read = readSecret(secretQuestions(t, 'save'), body, context);
  const address = email.parse(emailQuestion(t), body, context);
  const errors = [...read.errors, ...address.errors];
  if (!read.secret || errors.length > 0) {
    return renderSavePage(deps, req, res, form, { raw: { ...read.raw, ...address.raw }, errors });
  }
  const now = Date.now();
  const allowance = await chargeSave(
    deps.store,
    { session: req.sessionID, client: req.ip ?? 'unknown', now },
    deps.policy,
  );
  if (!allowance.allowed) {
    req.log.info({ reqId: req.id, event: 'resume-save-limited', formId: form.id }, 'save refused');
    // The browser keeps the journey: nothing is lost, and the person can carry on now.
    const backHref = stepUrl(form, walk(form, draft).next);
    return renderSaveLimited(deps, req, res, form, { until: allowance.until, backHref });
  }
  const saved = await saveForLater(deps.store, { draft, secret: read.secret, now }, deps.policy);
  const emailed = address.value
    ? await sendLink(deps, req, form, { to: address.value, saved, lang })
    : undefined;
  deps.kpi?.journeyEvent(req, draft, 'save');
  // On a shared computer the next person must not find these answers: this browser lets go of
  // them, and only the code and the secret bring them back.
  if (req.session.journeys) delete req.session.journeys[form.id];
  req.log.info(
    { reqId: req.id, event: 'resume-saved', formId: form.id, replaced: saved.replaced },
    'form saved for later',
  );
  renderCode(deps, req, res, form, { saved, secret: read.secret, emailed, to: address.value });
}

async function sendLink(
  deps: ResumePagesDependencies,
  req: Request,
  form: FormDefinition,
  { to, saved, lang }: { to: string; saved: SavedForLater; lang: string },
): Promise<'sent' | 'failed'> {
  try {
    await deps.sender.send({
      to,
      link: `${deps.baseUrl}/${form.id}/resume`,
      expiresAt: new Date(saved.expiresAt),
      lang,
      formTitle: form.title,
    });
    return 'sent';
  } catch (error) {
    // The error's own words may hold the address: only its kind is logged.
    const kind = error instanceof Error ? error.name : typeof error;
    req.log.warn({ reqId: req.id, event: 'resume-message-failed', kind }, 'resume email not sent');
    return 'failed';
  }
}

function renderCode(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  shown: { saved: SavedForLater; secret: Secret; emailed?: 'sent' | 'failed'; to?: string },
): void {
  const t = tOf(res, deps);
  const { date, time } = dateAndTime(shown.saved.expiresAt, langOf(res));
  const secret = t(
    shown.secret.kind === 'date-of-birth'
      ? 'resume:code.secretDateOfBirth'
      : 'resume:code.secretMemorableWord',
  );
  deps.render(req, res, 'resume-code.njk', {
    form,
    pageTitle: t('resume:code.title'),
    code: shown.saved.code,
    howToReturn: t('resume:code.howToReturn', { url: `${deps.baseUrl}/resume`, secret }),
    expires: t('resume:code.expires', { date, time }),
    replaced: shown.saved.replaced,
    emailed: shown.emailed,
    email: shown.to,
    resumeHref: `/${form.id}/resume`,
  });
}
