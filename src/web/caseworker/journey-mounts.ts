import type { Router } from 'express';
import { createFormRoutes } from '../form-routes';
import type { Render } from '../render';
import { createAssistedJourney } from './assisted-journeys';
import { addAssistedConfirmations } from './assisted-confirmation';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { addConsentPage } from './consent-page';
import { addPaperStartPage } from './paper-start-page';
import { addPickUpPage } from './pick-up-page';
import { staffTimeout } from './staff-timeout';

/**
 * The journey views in the caseworker layout: the area's name and home, who is signed in, and the
 * warning before the sign-in times out.
 */
function staffRender(deps: CaseworkerDependencies): Render {
  return (req, res, view, locals, status) => {
    deps.render(
      req,
      res,
      view,
      () => ({
        ...(typeof locals === 'function' ? locals() : locals),
        layoutView: 'caseworker/layout.njk',
        assisted: true,
        staffArea: true,
        serviceUrl: '/caseworker',
        principal: res.locals.principal,
        timeout: staffTimeout(req, deps.idleMinutes),
      }),
      status,
    );
  };
}

/**
 * The journeys staff run, behind the area's `requireRole('caseworker')`: the form's own routes
 * (same questions, validation, branching and engine) mounted again under `/caseworker/call`
 * (with a caller) and `/caseworker/paper` (keying in), each with its own start and confirmation
 * pages registered first, and picking up a form a caller saved.
 */
export function addJourneyMounts(router: Router, deps: CaseworkerDependencies): void {
  addConsentPage(router, deps);
  addPaperStartPage(router, deps);
  addAssistedConfirmations(router, deps);
  addPickUpPage(router, deps);
  const render = staffRender(deps);
  for (const kind of ['call', 'paper'] as const) {
    router.use(
      `/${kind}`,
      createFormRoutes({
        forms: deps.forms,
        store: deps.store,
        i18n: deps.i18n,
        kpi: deps.kpi,
        uploads: deps.uploads,
        destinations: deps.destinations,
        render,
        assisted: createAssistedJourney(deps, kind),
      }),
    );
  }
}
