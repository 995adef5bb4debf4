import { pinDraft } from '../../publishing/draft-version';
import type { Router } from 'express';
import { languagesOf, localise } from '../../definition/translation';
import { summarise } from '../../engine/check-answers';
import { walk } from '../../engine/journey';
import { ServiceError } from '../../errors';
import { summaryListGroups } from '../summary-list';
import { stepUrl } from '../journey-state';
import { langOf, tOf } from '../render';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';
import { CALL_BASE } from './consent-page';
import { journeyIn } from './journey-slots';
import { callerLanguage, spokenIn } from './script-locals';

/** The page showing a picked-up form's answers so far. */
export const answersSoFarUrl = (formId: string) => `/caseworker/pick-up/${formId}`;

/**
 * A picked-up form's answers so far, as check answers shows them (only the pages the caller has
 * done), its caller's language, and the way on to the first question still to answer.
 */
export function addAnswersSoFar(router: Router, deps: CaseworkerDependencies): void {
  router.get('/pick-up/:formId', async (req, res) => {
    const current = deps.forms.get(String(req.params.formId));
    if (!current) throw new ServiceError('PAGE_NOT_FOUND');
    const id = journeyIn(req, 'call', current.id);
    const saved = id ? await deps.store.journeys.getDraft(id) : undefined;
    if (!saved || saved.caseworkerId !== req.session.caseworker?.principal.id) {
      return res.redirect(303, '/caseworker/pick-up');
    }
    // The caller's answers on the version they started (or moved to a compatible current one).
    const { source, draft } = pinDraft(deps.forms, current, saved);
    const t = tOf(res, deps);
    const wanted = langOf(res);
    const lang = languagesOf(source).includes(wanted) ? wanted : source.language;
    const form = localise(source, lang);
    const done = new Set(draft.done);
    const groups = summaryListGroups(summarise(form, draft, { t, lang }), {
      t,
      lang,
      notProvided: { text: t('caseworker:submission.notProvided') },
      keep: (row) => done.has(row.step.key),
    });
    renderCaseworker(deps, req, res, 'answers-so-far.njk', {
      pageTitle: t('caseworker:pickUp.soFarTitle'),
      caption: form.title,
      callerLanguage: spokenIn(deps, callerLanguage(source, draft)),
      groups,
      carryOnHref: stepUrl(form, walk(form, draft).next, CALL_BASE),
    });
  });
}
