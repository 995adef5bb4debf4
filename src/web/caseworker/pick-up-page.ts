import { isAgencyForm } from '../../agency/staff-scope';
import type { Request, Response, Router } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { today } from '../../engine/today';
import type { QuestionError, RawState } from '../../questions/question-type';
import { text } from '../../questions/text';
import { openSavedDraft, type OpenOutcome } from '../../resume/open-saved-draft';
import { normaliseResumeCode } from '../../resume/resume-code';
import { errorSummary, langOf, questionView, tOf } from '../render';
import {
  readSecret,
  secretQuestionList,
  secretView,
  wrongSecretError,
} from '../resume/secret-fields';
import { auditRequest } from './audit-request';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';
import { holdJourney } from './journey-slots';
import { addAnswersSoFar, answersSoFarUrl } from './answers-so-far-page';
import { callerCodeQuestion, callerSecretQuestions, codeError } from './pick-up-questions';

interface Typed {
  raw: RawState;
  errors: QuestionError[];
  /** The words of a failed try's error, by its code. */
  outcomes?: Record<string, string>;
  wrong?: string;
}

function renderPickUp(
  deps: CaseworkerDependencies,
  req: Request,
  res: Response,
  typed: Typed = { raw: {}, errors: [] },
) {
  const t = tOf(res, deps);
  const lang = langOf(res);
  const code = callerCodeQuestion(t, typed.outcomes);
  const questions = callerSecretQuestions(t, typed.wrong);
  const { raw, errors } = typed;
  renderCaseworker(
    deps,
    req,
    res,
    'pick-up.njk',
    {
      pageTitle: t('caseworker:pickUp.title'),
      code: text.view(code, raw, questionView(code, errors, { t, lang, isPageHeading: false })),
      secret: secretView(questions, raw, errors, { t, lang }),
      errors: errorSummary([code, ...secretQuestionList(questions)], errors, { t, lang }),
      backHref: '/caseworker',
      action: `${req.baseUrl}${req.path}`,
    },
    errors.length > 0 ? 400 : 200,
  );
}

/** What to show after a try that did not open the form: its error, in words, on the page. */
function refused(
  deps: CaseworkerDependencies,
  req: Request,
  res: Response,
  raw: RawState,
  result: Exclude<OpenOutcome, { outcome: 'opened' }>,
  kind: 'date-of-birth' | 'memorable-word',
) {
  const t = tOf(res, deps);
  switch (result.outcome) {
    case 'wrong': {
      const wrong = t('caseworker:pickUp.errors.wrong', { count: result.attemptsLeft });
      const error = wrongSecretError(callerSecretQuestions(t, wrong), kind);
      return renderPickUp(deps, req, res, { raw, errors: [error], wrong });
    }
    case 'locked': {
      const count = Math.max(1, Math.ceil((result.until - Date.now()) / 60_000));
      const outcomes = { locked: t('caseworker:pickUp.errors.locked', { count }) };
      return renderPickUp(deps, req, res, { raw, errors: [codeError('locked')], outcomes });
    }
    default: {
      const code = result.outcome === 'expired' ? 'expired' : 'notFound';
      const outcomes = { [code]: t(`caseworker:pickUp.errors.${code}`) };
      return renderPickUp(deps, req, res, { raw, errors: [codeError(code)], outcomes });
    }
  }
}

/**
 * Picking up a form a caller saved: their code and secret open the same draft (the same
 * transaction), which becomes `phone-assisted` and this caseworker's; the answers so far come next.
 * Tries are limited per code and per caseworker, as for the public page per address.
 */
export function addPickUpPage(router: Router, deps: CaseworkerDependencies): void {
  router.get('/pick-up', (req, res) => renderPickUp(deps, req, res));

  router.post('/pick-up', async (req, res) => {
    const t = tOf(res, deps);
    const body = req.body as Record<string, unknown>;
    const context = { today: today(), lang: langOf(res) };
    const question = callerCodeQuestion(t);
    const typedCode = text.parse(question, body, context);
    const secret = readSecret(callerSecretQuestions(t), body, context);
    const errors = [...typedCode.errors];
    if (typedCode.value !== undefined && !normaliseResumeCode(typedCode.value)) {
      errors.push(codeError('pattern'));
    }
    errors.push(...secret.errors);
    const raw = { ...typedCode.raw, ...secret.raw };
    if (errors.length > 0 || !secret.secret || typedCode.value === undefined) {
      return renderPickUp(deps, req, res, { raw, errors });
    }
    const principal = res.locals.principal as Principal;
    const result = await openSavedDraft(
      deps.store,
      {
        code: typedCode.value,
        secret: secret.secret,
        client: `caseworker:${principal.id}`,
        now: Date.now(),
        formAllowed: (formId) => isAgencyForm(deps.agencies, principal.agency, formId),
      },
      deps.resumePolicy,
    );
    const form = result.outcome === 'opened' ? deps.forms.get(result.draft.formId) : undefined;
    if (result.outcome !== 'opened' || !form) {
      const outcome = result.outcome === 'opened' ? 'not-found' : result.outcome;
      await auditRequest(deps.store, req, {
        action: 'open-draft-failed',
        actor: principal,
        target:
          result.outcome === 'opened'
            ? result.draft.formId
            : 'formId' in result
              ? result.formId
              : undefined,
        detail: outcome,
      });
      const shown = result.outcome === 'opened' ? { outcome: 'not-found' as const } : result;
      return refused(deps, req, res, raw, shown, secret.secret.kind);
    }
    const draft = {
      ...result.draft,
      channel: 'phone-assisted' as const,
      caseworkerId: principal.id,
      updatedAt: Date.now(),
    };
    await deps.store.journeys.saveDraft(draft);
    holdJourney(req, 'call', form.id, draft.id);
    await auditRequest(deps.store, req, {
      action: 'open-draft',
      actor: principal,
      target: form.id,
      detail: draft.channel,
    });
    deps.kpi?.journeyEvent(req, draft, 'resume');
    res.redirect(303, answersSoFarUrl(form.id));
  });

  addAnswersSoFar(router, deps);
}
