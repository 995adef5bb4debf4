import { closedTo } from '../../publishing/closure';
import { randomUUID } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { languagesOf, localise } from '../../definition/translation';
import type { FormDefinition } from '../../definition/types';
import type { Draft } from '../../engine/answers';
import { walk } from '../../engine/journey';
import { today } from '../../engine/today';
import { ServiceError } from '../../errors';
import { date } from '../../questions/date';
import type { QuestionError, RawState } from '../../questions/question-type';
import { radios } from '../../questions/radios';
import { stepUrl } from '../journey-state';
import { errorSummary, langOf, questionView, tOf } from '../render';
import { auditRequest } from './audit-request';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';
import { holdJourney } from './journey-slots';
import { paperStartQuestions } from './paper-start-questions';

/** Where a paper form's keying-in pages are mounted. */
export const PAPER_BASE = '/caseworker/paper';

function formOf(deps: CaseworkerDependencies, req: Request): FormDefinition {
  const source = deps.forms.get(String(req.params.formId));
  if (!source) throw new ServiceError('PAGE_NOT_FOUND');
  // A paper form filled in before the form closed is keyed in until the deadline for drafts.
  if (closedTo(deps.forms, source.id, true)) throw new ServiceError('FORM_CLOSED');
  return source;
}

function renderPaperStart(
  deps: CaseworkerDependencies,
  req: Request,
  res: Response,
  typed: { raw: RawState; errors: QuestionError[] } = { raw: {}, errors: [] },
) {
  const source = formOf(deps, req);
  const t = tOf(res, deps);
  const lang = langOf(res);
  const questions = paperStartQuestions(deps, source, t);
  const { errors } = typed;
  // With one version known, it is the one: chosen already (the header of the paper shows it).
  const only = questions.version.options.length === 1 ? questions.version.options[0] : undefined;
  const raw = { ...(only && { version: only.value }), ...typed.raw };
  const view = { t, lang, isPageHeading: false };
  const language = radios.view(
    questions.language,
    raw,
    questionView(questions.language, errors, view),
  );
  for (const item of language.params.items as Array<Record<string, unknown>>) {
    item.label = { attributes: { lang: item.value } };
  }
  const shownIn = languagesOf(source).includes(lang) ? lang : source.language;
  renderCaseworker(
    deps,
    req,
    res,
    'paper-start.njk',
    {
      pageTitle: t('caseworker:paper.title'),
      caption: localise(source, shownIn).title,
      version: radios.view(questions.version, raw, questionView(questions.version, errors, view)),
      language,
      receivedOn: date.view(
        questions.receivedOn,
        raw,
        questionView(questions.receivedOn, errors, view),
      ),
      errors: errorSummary(Object.values(questions), errors, { t, lang }),
      backHref: '/caseworker',
      action: `${req.baseUrl}${req.path}`,
    },
    errors.length > 0 ? 400 : 200,
  );
}

/**
 * Keying in a paper form: the version and language printed on it and the date it arrived, then its
 * answers on the form's own pages, numbered as on the paper, recorded with channel `paper`.
 */
export function addPaperStartPage(router: Router, deps: CaseworkerDependencies): void {
  router.get('/paper/:formId', (req, res) => renderPaperStart(deps, req, res));

  router.post('/paper/:formId', async (req, res) => {
    const source = formOf(deps, req);
    const t = tOf(res, deps);
    const body = req.body as Record<string, unknown>;
    const context = { today: today(), lang: langOf(res) };
    const questions = paperStartQuestions(deps, source, t);
    const version = radios.parse(questions.version, body, context);
    const language = radios.parse(questions.language, body, context);
    const received = date.parse(questions.receivedOn, body, context);
    const errors = [...version.errors, ...language.errors, ...received.errors];
    const raw = { ...version.raw, ...language.raw, ...received.raw };
    if (errors.length > 0 || !version.value || !language.value || !received.value) {
      return renderPaperStart(deps, req, res, { raw, errors });
    }
    const principal = res.locals.principal as Principal;
    const now = Date.now();
    const draft: Draft = {
      id: randomUUID(),
      formId: source.id,
      formVersion: version.value,
      answers: {},
      done: [],
      language: language.value,
      channel: 'paper',
      caseworkerId: principal.id,
      paperReceivedOn: received.value,
      createdAt: now,
      updatedAt: now,
    };
    await deps.store.journeys.saveDraft(draft);
    holdJourney(req, 'paper', source.id, draft.id);
    await auditRequest(deps.store, req, {
      action: 'key-in-paper',
      actor: principal,
      target: source.id,
      detail: `${draft.formVersion} ${draft.language}`,
    });
    // The journey starts here: its first event (docs/kpis.md, recording from other code).
    // The answers are keyed in on the version printed on the paper.
    const printed = deps.forms.version(source.id, draft.formVersion) ?? source;
    const first = walk(printed, draft).next;
    deps.kpi?.journeyEvent(req, draft, 'start', { step: first });
    res.redirect(303, stepUrl(printed, first, PAPER_BASE));
  });
}
