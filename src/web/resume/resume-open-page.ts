import { pinDraft } from '../../publishing/draft-version';
import type { Request, Response } from 'express';
import { localise } from '../../definition/translation';
import type { FormDefinition, TextQuestion } from '../../definition/types';
import { walk } from '../../engine/journey';
import { today } from '../../engine/today';
import type { QuestionError, RawState, Translate } from '../../questions/question-type';
import { text } from '../../questions/text';
import { openSavedDraft, type OpenOutcome } from '../../resume/open-saved-draft';
import { normaliseResumeCode } from '../../resume/resume-code';
import { stepUrl } from '../journey-state';
import { formLanguage } from '../language';
import { errorSummary, langOf, questionView, tOf } from '../render';
import { renewSession } from './renew-session';
import { renderExpired, renderLocked } from './resume-messages';
import type { ResumePagesDependencies } from './resume-pages';
import {
  readSecret,
  secretQuestionList,
  secretQuestions,
  secretView,
  wrongSecretError,
} from './secret-fields';

function codeQuestion(t: Translate): TextQuestion {
  return {
    id: 'resume-code',
    type: 'text',
    label: t('resume:open.codeLabel'),
    hint: t('resume:open.codeHint'),
    errorLabel: t('resume:open.codeSubject'),
    width: 10,
    maxLength: 40,
    autocomplete: 'off',
    spellcheck: false,
    errors: { pattern: t('resume:errors.codeFormat'), notFound: t('resume:errors.codeNotFound') },
  };
}

/** A code no live saved form has (or whose form was sent, or taken down). */
const NOT_FOUND: QuestionError = {
  questionId: 'resume-code',
  field: 'resume-code',
  code: 'notFound',
};

interface Typed {
  raw: RawState;
  errors: QuestionError[];
  /** Set after a wrong secret: how many tries are left, for its message. */
  attemptsLeft?: number;
}

/** The page asking for a resume code and the secret, on `/resume` or a form's `/resume`. */
export function renderOpenPage(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  form: FormDefinition | undefined,
  typed: Typed = { raw: {}, errors: [] },
): void {
  const t = tOf(res, deps);
  const lang = langOf(res);
  const wrong =
    typed.attemptsLeft === undefined
      ? undefined
      : t('resume:errors.wrong', { count: typed.attemptsLeft });
  const questions = secretQuestions(t, 'open', wrong);
  const code = codeQuestion(t);
  const { raw, errors } = typed;
  deps.render(
    req,
    res,
    'resume-open.njk',
    {
      form,
      pageTitle: t('resume:open.title'),
      code: text.view(code, raw, questionView(code, errors, { t, lang, isPageHeading: false })),
      secret: secretView(questions, raw, errors, { t, lang }),
      errors: errorSummary([code, ...secretQuestionList(questions)], errors, { t, lang }),
      backHref: form ? `/${form.id}` : undefined,
      action: req.originalUrl,
    },
    errors.length > 0 ? 400 : 200,
  );
}

/** Takes a code and secret: brings the saved form back in a new session, or says why not. */
export async function acceptOpenPage(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  form: FormDefinition | undefined,
): Promise<void> {
  const t = tOf(res, deps);
  const body = req.body as Record<string, unknown>;
  const context = { today: today(), lang: langOf(res) };
  const question = codeQuestion(t);
  const typedCode = text.parse(question, body, context);
  const secret = readSecret(secretQuestions(t, 'open'), body, context);
  const errors = [...typedCode.errors];
  if (typedCode.value !== undefined && !normaliseResumeCode(typedCode.value)) {
    errors.push({ questionId: question.id, field: question.id, code: 'pattern' });
  }
  errors.push(...secret.errors);
  const raw = { ...typedCode.raw, ...secret.raw };
  if (errors.length > 0 || !secret.secret || typedCode.value === undefined) {
    return renderOpenPage(deps, req, res, form, { raw, errors });
  }
  const result = await openSavedDraft(
    deps.store,
    { code: typedCode.value, secret: secret.secret, client: req.ip ?? 'unknown', now: Date.now() },
    deps.policy,
  );
  req.log.info({ reqId: req.id, event: 'resume-attempt', outcome: result.outcome }, 'resume tried');
  switch (result.outcome) {
    case 'opened':
      return carryOn(deps, req, res, result);
    case 'wrong': {
      const wrong = wrongSecretError(secretQuestions(t, 'open'), secret.secret.kind);
      return renderOpenPage(deps, req, res, form, {
        raw,
        errors: [wrong],
        attemptsLeft: result.attemptsLeft,
      });
    }
    case 'not-found':
      return renderOpenPage(deps, req, res, form, { raw, errors: [NOT_FOUND] });
    case 'expired':
      return renderExpired(deps, req, res, formFor(deps, res, result.formId) ?? form);
    case 'locked':
      return renderLocked(deps, req, res, formFor(deps, res, result.formId) ?? form, result.until);
  }
}

/** Ties the saved draft to a new session and goes to its first unanswered page. */
async function carryOn(
  deps: ResumePagesDependencies,
  req: Request,
  res: Response,
  result: Extract<OpenOutcome, { outcome: 'opened' }>,
): Promise<void> {
  const current = deps.forms.get(result.draft.formId);
  if (!current) return renderOpenPage(deps, req, res, undefined, { raw: {}, errors: [NOT_FOUND] });
  // The saved form goes on on the version it was started on (docs/publishing.md).
  const { source: form, draft } = pinDraft(deps.forms, current, result.draft);
  await renewSession(req);
  req.session.journeys = { ...req.session.journeys, [form.id]: draft.id };
  deps.kpi?.journeyEvent(req, draft, 'resume');
  res.redirect(303, stepUrl(form, walk(form, draft).next));
}

function formFor(
  deps: ResumePagesDependencies,
  res: Response,
  formId: string | undefined,
): FormDefinition | undefined {
  const source = formId ? deps.forms.get(formId) : undefined;
  return source && localise(source, formLanguage(source, res));
}
