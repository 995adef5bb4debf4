import type { Request, Response } from 'express';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { staffTimeout } from './staff-timeout';

/**
 * Renders a caseworker page: the area's service name and home, who is signed in, and (when someone
 * is) the warning before their sign-in times out.
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
      timeout: staffTimeout(req, deps.idleMinutes),
      ...locals,
    },
    status,
  );
}
