import { submittedOn } from '../../publishing/draft-version';
import type { Request, Response, Router } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { isAgencyForm } from '../../agency/staff-scope';
import { readTypedReference } from '../../caseworker/typed-reference';
import { languagesOf, localise } from '../../definition/translation';
import { summarise } from '../../engine/check-answers';
import { finishedDraft } from '../../engine/finished-draft';
import { answersPdf } from '../../paper/answers-pdf';
import { ServiceError } from '../../errors';
import { dateTimeWords, dayWords } from '../../questions/date-words';
import type { AuditEvent } from '../../store/audit-events';
import type { Submission } from '../../store/store';
import { codeInText } from '../code-in-text';
import { translator } from '../i18n';
import { summaryListGroups } from '../summary-list';
import { langOf, tOf } from '../render';
import { auditRequest } from './audit-request';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { renderCaseworker } from './caseworker-render';
import { deliveryRows } from './delivery-rows';
import { submissionFileRows } from './submission-files';
import { findStoredFile } from '../../uploads/stored-file';
import { sendStoredFile } from '../uploads/send-stored-file';

/**
 * Who sent it for a caller or keyed it in: the account the submission names (its display name and
 * username), or for one sent before that was recorded, the account of its `submit` audit line.
 */
async function caseworkerOf(
  deps: CaseworkerDependencies,
  submission: Submission,
  history: AuditEvent[],
): Promise<string | undefined> {
  const user = submission.caseworkerId
    ? await deps.store.staff.findUserById(submission.caseworkerId)
    : undefined;
  if (user) return `${user.displayName} (${user.username})`;
  return history.find((e) => e.action === 'submit' && e.actorId)?.actorUsername;
}

/** The submission's answers as check answers shows them, without Change links. */
function answerGroups(deps: CaseworkerDependencies, res: Response, submission: Submission) {
  const source = submittedOn(deps.forms, submission);
  if (!source) return undefined;
  const t = tOf(res, deps);
  const wanted = langOf(res);
  const lang = languagesOf(source).includes(wanted) ? wanted : source.language;
  const form = localise(source, lang);
  return summaryListGroups(summarise(form, finishedDraft(form, submission.answers), { t, lang }), {
    t,
    lang,
    notProvided: { text: t('caseworker:submission.notProvided') },
  });
}

function details(
  deps: CaseworkerDependencies,
  res: Response,
  submission: Submission,
  caseworker: string | undefined,
) {
  const t = tOf(res, deps);
  const lang = langOf(res);
  const source = deps.forms.get(submission.formId);
  const title = source ? localise(source, lang).title : submission.formId;
  const version =
    source && source.version !== submission.formVersion
      ? t('caseworker:submission.olderVersion', {
          version: submission.formVersion,
          current: source.version,
        })
      : submission.formVersion;
  const row = (key: string, text: string) => ({ key: { text: t(key) }, value: { text } });
  const received = submission.receivedOn
    ? [row('caseworker:submission.receivedOn', dayWords(submission.receivedOn, lang))]
    : [];
  return [
    row('caseworker:submission.reference', submission.reference),
    row('caseworker:submission.form', title),
    row('caseworker:submission.version', version),
    row('caseworker:submission.channel', t(`caseworker:channel.${submission.channel}`)),
    row('caseworker:submission.language', t(`language.${submission.language}`)),
    row('caseworker:submission.submitted', dateTimeWords(submission.submittedAt, lang)),
    ...received,
    row('caseworker:submission.caseworker', caseworker ?? t('caseworker:submission.noCaseworker')),
  ];
}

/** The submission named in the address, if it is one of the signed-in account's agency's forms. */
async function findOr404(
  deps: CaseworkerDependencies,
  req: Request,
  res: Response,
): Promise<Submission> {
  const read = readTypedReference(String(req.params.reference));
  const submission =
    read.kind === 'reference'
      ? await deps.store.journeys.findSubmission(read.reference)
      : undefined;
  // Another agency's submission is not found, as one that does not exist: nothing tells them apart.
  const { agency } = res.locals.principal as Principal;
  if (!submission || !isAgencyForm(deps.agencies, agency, submission.formId)) {
    throw new ServiceError('SUBMISSION_NOT_FOUND');
  }
  return submission;
}

/** The language of a submission's PDF copy: the one it was sent in, if the form still offers it. */
function copyLanguage(deps: CaseworkerDependencies, submission: Submission): string | undefined {
  const source = submittedOn(deps.forms, submission);
  if (!source) return undefined;
  return languagesOf(source).includes(submission.language) ? submission.language : source.language;
}

/**
 * A submission: its details, its answers, its history, and a PDF copy of its answers in the
 * language it was sent in. Viewing and downloading are recorded.
 */
export function addSubmissionPage(router: Router, deps: CaseworkerDependencies): void {
  router.get('/submissions/:reference/answers.pdf', async (req, res) => {
    const submission = await findOr404(deps, req, res);
    const source = submittedOn(deps.forms, submission);
    const lang = copyLanguage(deps, submission);
    if (!source || !lang) throw new ServiceError('SUBMISSION_NOT_FOUND');
    const body = await answersPdf(source, submission, lang, translator(deps.i18n, lang));
    await auditRequest(deps.store, req, {
      action: 'download-submission',
      actor: res.locals.principal as Principal,
      target: submission.reference,
      detail: lang,
    });
    res.type('application/pdf');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${submission.formId}-${submission.reference}.pdf"`,
    );
    res.send(body);
  });

  // A file of the submission, opened by staff: every opening is in the audit trail.
  router.get('/submissions/:reference/files/:fileId', async (req, res) => {
    const submission = await findOr404(deps, req, res);
    const file = findStoredFile(submission.answers, String(req.params.fileId));
    const bytes = file && (await deps.uploads?.blobs.get(file.id));
    if (!file || !bytes) throw new ServiceError('PAGE_NOT_FOUND');
    await auditRequest(deps.store, req, {
      action: 'open-file',
      actor: res.locals.principal as Principal,
      target: submission.reference,
      detail: file.id,
    });
    sendStoredFile(res, file, bytes);
  });

  // A dead delivery tried again from the start of its schedule; the worker picks it up shortly.
  router.post('/submissions/:reference/deliveries/:destination/retry', async (req, res) => {
    const submission = await findOr404(deps, req, res);
    const destination = String(req.params.destination);
    if (!(await deps.store.deliveries.retry(submission.reference, destination, Date.now()))) {
      throw new ServiceError('PAGE_NOT_FOUND');
    }
    await auditRequest(deps.store, req, {
      action: 'retry-delivery',
      actor: res.locals.principal as Principal,
      target: submission.reference,
      detail: destination,
    });
    const query = new URLSearchParams({ retried: destination });
    res.redirect(303, `/caseworker/submissions/${submission.reference}?${query}#deliveries`);
  });

  router.get('/submissions/:reference', async (req, res) => {
    const submission = await findOr404(deps, req, res);
    if (req.params.reference !== submission.reference) {
      return res.redirect(303, `/caseworker/submissions/${submission.reference}`);
    }
    await auditRequest(deps.store, req, {
      action: 'view-submission',
      actor: res.locals.principal as Principal,
      target: submission.reference,
    });
    const t = tOf(res, deps);
    const lang = langOf(res);
    // The reference is this agency's (findOr404): its whole history, lines from before agencies too.
    const history = await deps.store.staff.listAudit({ target: submission.reference });
    const copyIn = copyLanguage(deps, submission);
    const deliveries = await deps.store.deliveries.listForSubmission(submission.reference);
    const pageTitle = t('caseworker:submission.title', { reference: submission.reference });
    renderCaseworker(deps, req, res, 'submission.njk', {
      pageTitle,
      // The reference in the heading reads left to right and breaks only between its groups.
      heading: codeInText(pageTitle, submission.reference),
      details: details(deps, res, submission, await caseworkerOf(deps, submission, history)),
      groups: answerGroups(deps, res, submission),
      files: submissionFileRows(deps, submission, { t, lang }),
      pdf: copyIn && {
        href: `/caseworker/submissions/${submission.reference}/answers.pdf`,
        text: t('caseworker:submission.downloadPdf', { language: t(`language.${copyIn}`) }),
      },
      deliveries: deliveryRows(
        deliveries,
        t,
        lang,
        `/caseworker/submissions/${submission.reference}/deliveries`,
      ),
      // Only a destination this submission has: the address never puts other words on the page.
      listHref: `/caseworker/forms/${submission.formId}/submissions`,
      retried: deliveries.find((d) => d.destination === req.query.retried)?.destination,
      history: history.map((event) => [
        { text: dateTimeWords(event.at, lang) },
        { text: event.actorUsername },
        { text: t(`caseworker:action.${event.action}`) },
      ]),
    });
  });
}
