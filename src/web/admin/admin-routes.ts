import { Router } from 'express';
import { ServiceError } from '../../errors';
import { createCaseworkerErrors } from '../caseworker/caseworker-errors';
import type { AdminDependencies } from './admin-dependencies';
import { addAccountPage } from './account-page';
import { addAddAccountPage } from './add-account-page';
import { addPlatformPage } from './platform-page';
import { addStaffListPage } from './staff-list-page';

/**
 * The administration area, mounted at `/admin`: `/admin/staff` (an agency's staff, for its
 * `agency-admin`, and every agency's for the `platform-admin`) and `/admin/platform` (the
 * platform overview, for the `platform-admin` only). Pages name staff: never cached.
 *
 * @example
 *   app.use('/admin', createAdminRoutes({ forms, agencies, store, render, i18n, requireRole, idleMinutes: 15 }));
 */
export function createAdminRoutes(deps: AdminDependencies): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const staff = Router();
  staff.use(deps.requireRole('agency-admin', 'platform-admin'));
  addStaffListPage(staff, deps);
  addAddAccountPage(staff, deps);
  addAccountPage(staff, deps);
  router.use('/staff', staff);
  const platform = Router();
  platform.use(deps.requireRole('platform-admin'));
  addPlatformPage(platform, deps);
  router.use('/platform', platform);
  router.use((_req, _res, next) => next(new ServiceError('PAGE_NOT_FOUND')));
  router.use(createCaseworkerErrors(deps));
  return router;
}
