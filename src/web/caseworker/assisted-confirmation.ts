import type { Request, Response, Router } from 'express';
import { spokenReference } from '../../caseworker/spell-reference';
import { localise } from '../../definition/translation';
import { ServiceError } from '../../errors';
import { submittedOn } from '../../publishing/draft-version';
import { codeInText } from '../code-in-text';
import { translator } from '../i18n';
import { tOf } from '../render';
import { createAssistedJourney, letGoOfSent } from './assisted-journeys';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';
import { sentReference, type AssistedKind } from './journey-slots';
import { callerLanguage, spokenIn } from './script-locals';

/**
 * The staff confirmation after sending: the reference, and for a caller what to say, in their
 * language, with the reference spelled out (letters in the spelling alphabet, digits as words).
 * It works again from a bookmark in the same session.
 */
async function renderSent(
  deps: CaseworkerDependencies,
  req: Request,
  res: Response,
  kind: AssistedKind,
) {
  const source = deps.forms.get(String(req.params.formId));
  if (!source) throw new ServiceError('PAGE_NOT_FOUND');
  const t = tOf(res, deps);
  // A journey sent just before the process stopped, the session not saved after: its reference.
  const sent = await createAssistedJourney(deps, kind).sentJourney(req, source);
  if (sent) await letGoOfSent(deps, req, res, kind, sent, false);
  const reference = sentReference(req, kind, source.id);
  const submission =
    sent ?? (reference ? await deps.store.journeys.findSubmission(reference) : undefined);
  if (!submission) {
    return renderCaseworker(deps, req, res, 'message.njk', {
      pageTitle: t('caseworker:sent.notFoundTitle'),
      paragraphs: [t('caseworker:sent.notFoundBody')],
      link: { href: '/caseworker', text: t('caseworker:notFound.link') },
    });
  }
  // The words of the version the caller applied on.
  const made = submittedOn(deps.forms, submission) ?? source;
  const lang = callerLanguage(made, submission);
  const say = translator(deps.i18n, lang);
  const sentence = say('caseworker:sent.say.reference', { reference: submission.reference });
  // The reference in the sentence, marked up to read left to right and break only between groups.
  const inSentence = codeInText(sentence, submission.reference);
  const script =
    kind === 'call'
      ? {
          ...spokenIn(deps, lang),
          body: inSentence ? [] : [sentence],
          reference: inSentence,
          spelled: spokenReference(submission.reference, say),
          after: [
            say('caseworker:sent.say.keep'),
            ...localise(made, lang).confirmation.whatHappensNext,
          ],
        }
      : undefined;
  renderCaseworker(deps, req, res, 'sent.njk', {
    pageTitle: t('caseworker:sent.title'),
    reference: submission.reference,
    script,
    paper: kind === 'paper',
    submissionHref: `/caseworker/submissions/${submission.reference}`,
  });
}

/** The confirmation pages of both kinds of staff journey. */
export function addAssistedConfirmations(router: Router, deps: CaseworkerDependencies): void {
  router.get('/call/:formId/confirmation', (req, res) => renderSent(deps, req, res, 'call'));
  router.get('/paper/:formId/confirmation', (req, res) => renderSent(deps, req, res, 'paper'));
}
