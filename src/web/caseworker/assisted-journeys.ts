import type { Request, Response } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { numberedForm } from '../../caseworker/numbered-form';
import type { Submission } from '../../store/store';
import { translator } from '../i18n';
import type { AssistedJourney } from './assisted-journey';
import { auditRequest } from './audit-request';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { journeyIn, releaseJourney, type AssistedKind } from './journey-slots';
import { scriptLocals } from './script-locals';

/**
 * The journey routes' staff behaviour for one kind of journey: `call` (with a caller: the
 * read-aloud script) or `paper` (keying in: questions numbered as on the paper form).
 */
export function createAssistedJourney(
  deps: CaseworkerDependencies,
  kind: AssistedKind,
): AssistedJourney {
  return {
    present: (form) =>
      kind === 'paper' ? numberedForm(form, translator(deps.i18n, form.language)) : form,

    async loadDraft(req, form) {
      const id = journeyIn(req, kind, form.id);
      const draft = id ? await deps.store.journeys.getDraft(id) : undefined;
      // Only a journey this caseworker started or picked up, still theirs.
      const principal = req.session.caseworker?.principal;
      return draft && draft.caseworkerId === principal?.id ? draft : undefined;
    },

    async sentJourney(req, form) {
      const id = journeyIn(req, kind, form.id);
      const sent = id ? await deps.store.journeys.findSubmissionByTransaction(id) : undefined;
      return sent && sent.caseworkerId === req.session.caseworker?.principal.id ? sent : undefined;
    },

    questionLocals: (_res, draft, step) => (kind === 'call' ? scriptLocals(deps, draft, step) : {}),

    async submitted(req, res, form, submission, created) {
      await letGoOfSent(deps, req, res, kind, submission, created);
      res.redirect(303, `${req.baseUrl}/${form.id}/confirmation`);
    },
  };
}

/**
 * After a staff journey is sent: the audit line (once: also when the request that sent it stopped
 * before writing it), and the caseworker's slot lets go of the journey, keeping the reference.
 */
export async function letGoOfSent(
  deps: Pick<CaseworkerDependencies, 'store'>,
  req: Request,
  res: Response,
  kind: AssistedKind,
  submission: Submission,
  created: boolean,
): Promise<void> {
  const audited =
    !created &&
    (await deps.store.staff.listAudit({ target: submission.reference })).some(
      (event) => event.action === 'submit',
    );
  if (!audited) {
    await auditRequest(deps.store, req, {
      action: 'submit',
      actor: res.locals.principal as Principal,
      target: submission.reference,
      detail: submission.channel,
    });
  }
  releaseJourney(req, kind, submission.formId, submission.reference);
}
