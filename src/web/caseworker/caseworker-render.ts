import type { Request, Response } from 'express';
import { translator } from '../i18n';
import { langOf } from '../render';
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
  const t = translator(deps.i18n, langOf(res));
  deps.render(
    req,
    res,
    `caseworker/${view}`,
    {
      serviceName: t('caseworker:layout.serviceName'),
      serviceUrl: '/caseworker',
      principal: res.locals.principal,
      timeout: staffTimeout(req, deps.idleMinutes),
      ...locals,
    },
    status,
  );
}
