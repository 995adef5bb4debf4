import { closedTo } from '../../publishing/closure';
import { randomUUID } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { languagesOf, localise } from '../../definition/translation';
import type { CheckboxesQuestion, FormDefinition } from '../../definition/types';
import type { Draft } from '../../engine/answers';
import { walk } from '../../engine/journey';
import { ServiceError } from '../../errors';
import { checkboxes } from '../../questions/checkboxes';
import type { QuestionError, Translate } from '../../questions/question-type';
import { translator } from '../i18n';
import { stepUrl } from '../journey-state';
import { errorSummary, langOf, questionView, tOf } from '../render';
import { auditRequest } from './audit-request';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';
import { holdJourney, journeyIn } from './journey-slots';
import { callerLanguage, spokenIn } from './script-locals';

/** Where a phone journey's pages are mounted. */
export const CALL_BASE = '/caseworker/call';

/** The consent page of a form for a caller speaking a language. */
export const consentUrl = (formId: string, lang: string) => `/caseworker/start/${formId}/${lang}`;

function agreeQuestion(t: Translate): CheckboxesQuestion {
  return {
    id: 'agrees',
    type: 'checkboxes',
    label: t('caseworker:consent.legend'),
    options: [{ value: 'yes', text: t('caseworker:consent.agrees') }],
    errors: { required: t('caseworker:consent.errors.agreeRequired') },
  };
}

/** The consent words, as paragraphs, in a language. */
function consentWords(deps: CaseworkerDependencies, source: FormDefinition, lang: string) {
  const t = translator(deps.i18n, lang);
  const form = localise(source, languagesOf(source).includes(lang) ? lang : source.language);
  return ['intro', 'readBack', 'question'].map((key) =>
    t(`caseworker:consent.say.${key}`, { form: form.title }),
  );
}

function formAndCaller(deps: CaseworkerDependencies, req: Request) {
  const source = deps.forms.get(String(req.params.formId));
  const caller = String(req.params.lang);
  if (!source || !languagesOf(source).includes(caller)) throw new ServiceError('PAGE_NOT_FOUND');
  if (closedTo(deps.forms, source.id, false)) throw new ServiceError('FORM_CLOSED');
  return { source, caller };
}

function renderConsent(
  deps: CaseworkerDependencies,
  req: Request,
  res: Response,
  errors: QuestionError[] = [],
) {
  const { source, caller } = formAndCaller(deps, req);
  const t = tOf(res, deps);
  const lang = langOf(res);
  const question = agreeQuestion(t);
  const shownIn = languagesOf(source).includes(lang) ? lang : source.language;
  renderCaseworker(
    deps,
    req,
    res,
    'consent.njk',
    {
      pageTitle: t('caseworker:consent.title'),
      caption: localise(source, shownIn).title,
      callerLanguage: spokenIn(deps, caller),
      script: { ...spokenIn(deps, caller), body: consentWords(deps, source, caller) },
      meaning: caller === lang ? undefined : consentWords(deps, source, lang),
      agree: checkboxes.view(
        question,
        {},
        questionView(question, errors, { t, lang, isPageHeading: false }),
      ),
      errors: errorSummary([question], errors, { t, lang }),
      otherLanguages: languagesOf(source)
        .filter((code) => code !== caller)
        .map((code) => ({ href: consentUrl(source.id, code), ...spokenIn(deps, code) })),
      backHref: '/caseworker',
      action: `${req.baseUrl}${req.path}`,
    },
    errors.length > 0 ? 400 : 200,
  );
}

/** A new transaction filled in by a caseworker with a caller. */
function phoneDraft(source: FormDefinition, lang: string, principal: Principal): Draft {
  const now = Date.now();
  return {
    id: randomUUID(),
    formId: source.id,
    formVersion: source.version,
    answers: {},
    done: [],
    language: lang,
    channel: 'phone',
    caseworkerId: principal.id,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Starting a form for a caller: the words to read out (in the caller's language, with their meaning
 * in the caseworker's), "The caller agrees", then the form's first question in the staff layout.
 * `/caseworker/call/{form}` (the back link of the first question) comes back here.
 */
export function addConsentPage(router: Router, deps: CaseworkerDependencies): void {
  router.get('/start/:formId/:lang', (req, res) => renderConsent(deps, req, res));

  router.post('/start/:formId/:lang', async (req, res) => {
    const { source, caller } = formAndCaller(deps, req);
    const t = tOf(res, deps);
    const question = agreeQuestion(t);
    const parsed = checkboxes.parse(question, req.body as Record<string, unknown>, { today: '' });
    if (parsed.errors.length > 0) return renderConsent(deps, req, res, parsed.errors);
    const principal = res.locals.principal as Principal;
    const draft = phoneDraft(source, caller, principal);
    await deps.store.journeys.saveDraft(draft);
    holdJourney(req, 'call', source.id, draft.id);
    await auditRequest(deps.store, req, {
      action: 'start',
      actor: principal,
      target: source.id,
      detail: `phone ${caller}`,
    });
    // The journey starts here: its first event (docs/kpis.md, recording from other code).
    const first = walk(source, draft).next;
    deps.kpi?.journeyEvent(req, draft, 'start', { step: first });
    res.redirect(303, stepUrl(source, first, CALL_BASE));
  });

  router.get('/call/:formId', async (req, res) => {
    const source = deps.forms.get(String(req.params.formId));
    if (!source) throw new ServiceError('PAGE_NOT_FOUND');
    const id = journeyIn(req, 'call', source.id);
    const draft = id ? await deps.store.journeys.getDraft(id) : undefined;
    res.redirect(
      303,
      consentUrl(source.id, draft ? callerLanguage(source, draft) : source.language),
    );
  });
}
