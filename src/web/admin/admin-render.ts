import type { Request, Response } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { staffAgency } from '../caseworker/caseworker-render';
import { staffTimeout } from '../caseworker/staff-timeout';
import { tOf } from '../render';
import type { AdminDependencies } from './admin-dependencies';

/** Where the staff pages are. */
export const STAFF_BASE = '/admin/staff';
/** Where the platform overview is. */
export const PLATFORM_URL = '/admin/platform';

/** The administration pages' links in the header: the platform team has both, an agency's one. */
function navigation(deps: AdminDependencies, req: Request, res: Response) {
  const t = tOf(res, deps);
  const principal = res.locals.principal as Principal;
  const here = `${req.baseUrl}${req.path}`;
  const links = [
    ...(principal.role === 'platform-admin'
      ? [{ href: PLATFORM_URL, text: t('admin:nav.platform') }]
      : []),
    { href: STAFF_BASE, text: t('admin:nav.staff') },
  ];
  return links.map((link) => ({ ...link, active: here.startsWith(link.href) }));
}

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
      staffNavigation: navigation(deps, req, res),
      timeout: staffTimeout(req, deps.idleMinutes),
      ...locals,
    },
    status,
  );
}
