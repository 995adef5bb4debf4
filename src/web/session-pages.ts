import type { FormCatalogue } from '../publishing/form-catalogue';
import type { Request, Response, Router } from 'express';
import type { FormDefinition } from '../definition/types';
import type { Store } from '../store/store';
import type { Render } from './render';
import { tOf } from './render';
import type { i18n } from 'i18next';
import { SESSION_COOKIE } from './session-expiry';
import { refererPath } from './site-path';
import { formLanguage } from './language';
import { localise } from '../definition/translation';
import type { FileUploads } from './uploads/file-uploads';
import { fileIdsIn } from '../uploads/stored-file';

export interface SessionPagesDependencies {
  forms: FormCatalogue;
  store: Store;
  render: Render;
  i18n: i18n;
  idleMinutes: number;
  /** Deletes the files of answers cleared. */
  uploads?: FileUploads;
}

function formOf(
  deps: SessionPagesDependencies,
  req: Request,
  res: Response,
): FormDefinition | undefined {
  const form = deps.forms.get(String(req.params.formId));
  return form && localise(form, formLanguage(form, res));
}

function endSession(req: Request, res: Response): Promise<void> {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  return new Promise((resolve) => req.session.destroy(() => resolve()));
}

/**
 * Pages about the session itself: timed out, clearing one's answers on a shared computer, and the
 * "keep my answers" call the time-out warning makes.
 */
export function addSessionPages(router: Router, deps: SessionPagesDependencies): void {
  router.post('/session/keep-alive', (req, res) => {
    // The rolling session cookie and the store's expiry are renewed by any answered request.
    req.session.touch();
    res.setHeader('Cache-Control', 'no-store');
    res.status(204).end();
  });

  router.get('/:formId/session-expired', (req, res, next) => {
    const form = formOf(deps, req, res);
    if (!form) return next();
    const t = tOf(res, deps);
    // The old cookie points at nothing now: drop it, so starting again starts cleanly.
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.setHeader('Cache-Control', 'no-store');
    deps.render(req, res, 'message.njk', {
      form,
      pageTitle: t('session.expiredTitle'),
      paragraphs: [t('session.expiredBody', { count: deps.idleMinutes })],
      link: { href: `/${form.id}`, text: t('session.startAgain') },
    });
  });

  router.get('/:formId/clear', (req, res, next) => {
    const form = formOf(deps, req, res);
    if (!form) return next();
    const t = tOf(res, deps);
    res.setHeader('Cache-Control', 'no-store');
    deps.render(req, res, 'clear-answers.njk', {
      form,
      pageTitle: t('session.clearTitle'),
      backHref: refererPath(req.get('referer'), `/${form.id}`) ?? `/${form.id}`,
      action: `/${form.id}/clear`,
    });
  });

  router.post('/:formId/clear', async (req, res, next) => {
    const form = formOf(deps, req, res);
    if (!form) return next();
    const draftId = req.session.journeys?.[form.id];
    if (draftId) {
      // The files go with the answers: read which before the draft is gone.
      const draft = deps.uploads ? await deps.store.journeys.getDraft(draftId) : undefined;
      await deps.store.journeys.deleteDraft(draftId);
      if (draft) await deps.uploads?.discard(fileIdsIn(draft.answers));
    }
    await endSession(req, res);
    res.redirect(303, `/${form.id}?cleared=1`);
  });
}
