import { Router } from 'express';
import { isAgencyForm } from '../../agency/staff-scope';
import type { Principal } from '../../caseworker/authenticator';
import { createPasswordAuthenticator } from '../../caseworker/password-authenticator';
import { createSignInThrottle } from '../../caseworker/sign-in-throttle';
import { ServiceError } from '../../errors';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { createCaseworkerErrors } from './caseworker-errors';
import { addHomePage } from './home-page';
import { addJourneyMounts } from './journey-mounts';
import { createRequireRole } from './require-role';
import { addSignInPages } from './sign-in-pages';
import { addKeepAlive } from './staff-timeout';
import { addSubmissionListPages } from './submission-list-page';
import { addSubmissionPage } from './submission-page';
import { addSubmissionsExportPage } from './submissions-export-page';

/** What `createCaseworkerRoutes` needs; the authenticator and throttle default to the embedded ones. */
export type CaseworkerOptions = Omit<CaseworkerDependencies, 'authenticator' | 'throttle'> &
  Partial<Pick<CaseworkerDependencies, 'authenticator' | 'throttle'>>;

/**
 * The caseworker area, mounted at `/caseworker`: sign-in and sign-out open to all, the time-out
 * warning's keep-alive to any staff sign-in, the submissions (each form's list and export, a
 * submission's page) to caseworkers and the service team, every other page behind
 * `requireRole('caseworker')`: the home page and the journeys done for callers and from paper. Pages hold
 * personal data, so none is ever cached.
 *
 * @example
 *   app.use('/caseworker', createCaseworkerRoutes({ forms, store, render, i18n, idleMinutes: 15, resumePolicy }));
 */
export function createCaseworkerRoutes(options: CaseworkerOptions): Router {
  const deps: CaseworkerDependencies = {
    ...options,
    authenticator: options.authenticator ?? createPasswordAuthenticator(options.store),
    throttle: options.throttle ?? createSignInThrottle(options.store),
  };
  const requireRole = createRequireRole(deps);
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  addSignInPages(router, deps);
  // Any staff sign-in: a service-team member's 403 page in this layout shows the warning too.
  addKeepAlive(router, requireRole('caseworker', 'service-team', 'agency-admin', 'platform-admin'));
  // Submissions (the lists, exports, a submission's page and its retries): caseworkers and the
  // service team alike.
  router.use(['/forms', '/submissions'], requireRole('caseworker', 'service-team'));
  addSubmissionListPages(router, deps);
  addSubmissionsExportPage(router, deps);
  addSubmissionPage(router, deps);
  // The contact centre's own tools: finding by reference, and the journeys for callers and paper.
  router.use(requireRole('caseworker'));
  // A form of another agency is not found, for every page that names one: its start, its paper,
  // its journeys and the answers so far of a form picked up.
  router.use(
    ['/start/:form', '/call/:form', '/paper/:form', '/pick-up/:form'],
    (req, res, next) => {
      const { agency } = res.locals.principal as Principal;
      const form = String(req.params.form);
      next(
        isAgencyForm(deps.agencies, agency, form) ? undefined : new ServiceError('FORM_NOT_FOUND'),
      );
    },
  );
  addHomePage(router, deps);
  addJourneyMounts(router, deps);
  router.use((_req, _res, next) => next(new ServiceError('PAGE_NOT_FOUND')));
  router.use(createCaseworkerErrors(deps));
  return router;
}
