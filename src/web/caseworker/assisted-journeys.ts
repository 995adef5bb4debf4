import type { Principal } from '../../caseworker/authenticator';
import { numberedForm } from '../../caseworker/numbered-form';
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
      const draft = id ? await deps.store.getDraft(id) : undefined;
      // Only a journey this caseworker started or picked up, still theirs.
      const principal = req.session.caseworker?.principal;
      return draft && draft.caseworkerId === principal?.id ? draft : undefined;
    },

    questionLocals: (_res, draft, step) => (kind === 'call' ? scriptLocals(deps, draft, step) : {}),

    async submitted(req, res, form, submission, created) {
      if (created) {
        await auditRequest(deps.store, req, {
          action: 'submit',
          actor: res.locals.principal as Principal,
          target: submission.reference,
          detail: submission.channel,
        });
      }
      releaseJourney(req, kind, form.id, submission.reference);
      res.redirect(303, `${req.baseUrl}/${form.id}/confirmation`);
    },
  };
}
