import type { Request, Response } from 'express';
import type { Agencies, ShownAgency } from '../../agency/agencies';
import type { Principal } from '../../caseworker/authenticator';
import { tOf } from '../render';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { staffNavigation } from './staff-navigation';
import { staffTimeout } from './staff-timeout';

/** The agency of the member of staff signed in, if any and if the service has it. */
export function staffAgency(
  agencies: Agencies | undefined,
  res: Response,
): ShownAgency | undefined {
  const principal = res.locals.principal as Principal | undefined;
  return principal ? agencies?.byId(principal.agency) : undefined;
}

/**
 * Renders a caseworker page: the area's service name and home, who is signed in, the staff
 * area's navigation for their role, and (when someone is) the warning before their sign-in times
 * out.
 */
export function renderCaseworker(
  deps: Pick<CaseworkerDependencies, 'render' | 'i18n' | 'idleMinutes'> &
    Partial<Pick<CaseworkerDependencies, 'agencies'>>,
  req: Request,
  res: Response,
  view: string,
  locals: Record<string, unknown>,
  status = 200,
): void {
  deps.render(
    req,
    res,
    `caseworker/${view}`,
    {
      staffArea: true,
      serviceUrl: '/caseworker',
      principal: res.locals.principal,
      staffNavigation: staffNavigation(
        res.locals.principal as Principal | undefined,
        req.originalUrl,
        tOf(res, deps),
      ),
      // The staff area wears the brand of the signed-in account's agency, and its staff area name.
      agency: staffAgency(deps.agencies, res),
      timeout: staffTimeout(req, deps.idleMinutes),
      ...locals,
    },
    status,
  );
}
