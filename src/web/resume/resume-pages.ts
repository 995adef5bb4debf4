import type { FormCatalogue } from '../../publishing/form-catalogue';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { localise } from '../../definition/translation';
import type { FormDefinition } from '../../definition/types';
import type { ResumePolicy } from '../../resume/resume-policy';
import type { ResumeSender } from '../../resume/resume-sender';
import type { JourneyEvents } from '../kpi/kpi-events';
import { formLanguage } from '../language';
import type { PageHandlerDependencies } from '../question-page';
import { acceptOpenPage, renderOpenPage } from './resume-open-page';
import { acceptSavePage, renderSavePage } from './resume-save-page';

/** What the save-and-return pages need. */
export interface ResumePagesDependencies extends PageHandlerDependencies {
  forms: FormCatalogue;
  policy: ResumePolicy;
  sender: ResumeSender;
  /** The public address, for the link a resume message holds. */
  baseUrl: string;
  /** Records `save` and `resume` journey events for the KPIs. */
  kpi?: JourneyEvents;
}

type FormHandler = (req: Request, res: Response, form: FormDefinition) => Promise<void> | void;

/**
 * Save and return: `/{form}/save` (choose a secret, get a code) and `/resume` or `/{form}/resume`
 * (give them back, on any device, and carry on). None of these pages may be cached.
 */
export function createResumePages(deps: ResumePagesDependencies): Router {
  const router = Router();
  const noStore: RequestHandler = (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
  const withForm =
    (handler: FormHandler): RequestHandler =>
    async (req, res, next) => {
      const source = deps.forms.get(String(req.params.formId));
      if (!source) return next();
      await handler(req, res, localise(source, formLanguage(source, res)));
    };

  router.get('/resume', noStore, (req, res) => renderOpenPage(deps, req, res, undefined));
  router.post('/resume', noStore, (req, res) => acceptOpenPage(deps, req, res, undefined));
  router.get(
    '/:formId/resume',
    noStore,
    withForm((req, res, form) => renderOpenPage(deps, req, res, form)),
  );
  router.post(
    '/:formId/resume',
    noStore,
    withForm((req, res, form) => acceptOpenPage(deps, req, res, form)),
  );
  router.get(
    '/:formId/save',
    noStore,
    withForm((req, res, form) => renderSavePage(deps, req, res, form)),
  );
  router.post(
    '/:formId/save',
    noStore,
    withForm((req, res, form) => acceptSavePage(deps, req, res, form)),
  );
  return router;
}
