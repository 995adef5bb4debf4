import type { Request, Response, Router } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import type { User } from '../../store/accounts';
import { auditRequest } from '../caseworker/audit-request';
import { escapeHtml } from '../escape-html';
import { langOf, tOf } from '../render';
import type { AdminDependencies } from './admin-dependencies';
import { renderAdmin, STAFF_BASE } from './admin-render';
import { agencyName } from './agency-names';
import { mayList, mayManage } from './managed-accounts';

/** The accounts an administrator sees: its agency's, or every agency's for the platform team. */
export async function listedAccounts(deps: AdminDependencies, admin: Principal): Promise<User[]> {
  const users = await deps.store.staff.listUsers(
    admin.role === 'platform-admin' ? undefined : admin.agency,
  );
  return users.filter((user) => mayList(admin, user));
}

/** The URL of an account's page on the staff pages. */
export const accountUrl = (username: string) =>
  `${STAFF_BASE}/accounts/${encodeURIComponent(username)}`;

function rows(deps: AdminDependencies, res: Response, admin: Principal, users: User[]) {
  const t = tOf(res, deps);
  const lang = langOf(res);
  const everyAgency = admin.role === 'platform-admin';
  return users.map((user) => [
    mayManage(admin, user)
      ? {
          html: `<a class="govuk-link" href="${escapeHtml(accountUrl(user.username))}">${escapeHtml(user.displayName)}</a>`,
        }
      : { text: t('admin:staff.you', { name: user.displayName }) },
    { text: user.username },
    { text: t(`admin:role.${user.role}`) },
    ...(everyAgency ? [{ text: agencyName(deps.agencies, user.agency, lang) }] : []),
    { text: t(user.disabled ? 'admin:status.disabled' : 'admin:status.active') },
  ]);
}

/** The staff list: who has an account, their role and whether it is in use; a way to add one. */
export function addStaffListPage(router: Router, deps: AdminDependencies): void {
  router.get('/', async (req: Request, res: Response) => {
    const t = tOf(res, deps);
    const admin = res.locals.principal as Principal;
    const users = await listedAccounts(deps, admin);
    const everyAgency = admin.role === 'platform-admin';
    await auditRequest(deps.store, req, {
      action: 'view-staff',
      actor: admin,
      agency: everyAgency ? null : admin.agency,
    });
    const done = typeof req.query.done === 'string' ? req.query.done : undefined;
    const changed = users.find((u) => u.username === req.query.account);
    renderAdmin(deps, req, res, 'staff.njk', {
      pageTitle: everyAgency
        ? t('admin:staff.titleEvery')
        : t('admin:staff.title', { agency: agencyName(deps.agencies, admin.agency, langOf(res)) }),
      // Only a change this page knows, about an account this administrator sees.
      banner:
        done && changed && ['added', 'role', 'disabled', 'enabled'].includes(done)
          ? t(`admin:staff.done.${done}`, {
              name: changed.displayName,
              role: t(`admin:role.${changed.role}`),
            })
          : undefined,
      addHref: `${STAFF_BASE}/new`,
      table: {
        caption: t('admin:staff.caption'),
        head: [
          { text: t('admin:staff.name') },
          { text: t('admin:staff.username') },
          { text: t('admin:staff.role') },
          ...(everyAgency ? [{ text: t('admin:staff.agency') }] : []),
          { text: t('admin:staff.status') },
        ],
        rows: rows(deps, res, admin, users),
      },
    });
  });
}
