import type { Request, Response } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { tOf } from '../render';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { staffNavigation } from './staff-navigation';
import { staffTimeout } from './staff-timeout';

/**
 * Renders a caseworker page: the area's service name and home, who is signed in, the staff
 * area's navigation for their role, and (when someone is) the warning before their sign-in times
 * out.
 */
export function renderCaseworker(
  deps: Pick<CaseworkerDependencies, 'render' | 'i18n' | 'idleMinutes'>,
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
      timeout: staffTimeout(req, deps.idleMinutes),
      ...locals,
    },
    status,
  );
}
