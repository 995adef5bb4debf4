import type { Request, Response } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { staffAgency } from '../caseworker/caseworker-render';
import { staffNavigation } from '../caseworker/staff-navigation';
import { staffTimeout } from '../caseworker/staff-timeout';
import { tOf } from '../render';
import type { AdminDependencies } from './admin-dependencies';

/** Where the staff pages are. */
export const STAFF_BASE = '/admin/staff';
/** Where the platform overview is. */
export const PLATFORM_URL = '/admin/platform';

/** Renders an administration page in the staff layout, with the area's links. */
export function renderAdmin(
  deps: AdminDependencies,
  req: Request,
  res: Response,
  view: string,
  locals: Record<string, unknown>,
  status = 200,
): void {
  const principal = res.locals.principal as Principal;
  deps.render(
    req,
    res,
    `admin/${view}`,
    {
      staffArea: true,
      serviceUrl: principal.role === 'platform-admin' ? PLATFORM_URL : STAFF_BASE,
      principal,
      agency: staffAgency(deps.agencies, res),
      staffNavigation: staffNavigation(principal, req.originalUrl, tOf(res, deps)),
      timeout: staffTimeout(req, deps.idleMinutes),
      ...locals,
    },
    status,
  );
}
