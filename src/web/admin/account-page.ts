import type { Request, Response, Router } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { normaliseUsername } from '../../caseworker/username';
import { ServiceError } from '../../errors';
import type { User } from '../../store/accounts';
import { auditRequest } from '../caseworker/audit-request';
import { langOf, tOf } from '../render';
import type { AdminDependencies } from './admin-dependencies';
import { renderAdmin, STAFF_BASE } from './admin-render';
import { agencyName } from './agency-names';
import { givableRoles, isGivableRole, mayManage } from './managed-accounts';
import { accountUrl } from './staff-list-page';

/**
 * The account named in the address, if this administrator may manage it; otherwise not found, in
 * the same words as an account that does not exist (another agency's staff are not shown to exist).
 */
async function managedOr404(deps: AdminDependencies, req: Request, res: Response): Promise<User> {
  const admin = res.locals.principal as Principal;
  const record = await deps.store.staff.findUser(normaliseUsername(String(req.params.username)));
  if (!record || !mayManage(admin, record)) throw new ServiceError('PAGE_NOT_FOUND');
  const { passwordHash: _hidden, ...user } = record;
  return user;
}

function renderAccount(
  deps: AdminDependencies,
  req: Request,
  res: Response,
  user: User,
  roleError?: string,
) {
  const t = tOf(res, deps);
  const lang = langOf(res);
  const row = (key: string, text: string) => ({ key: { text: t(key) }, value: { text } });
  renderAdmin(
    deps,
    req,
    res,
    'account.njk',
    {
      pageTitle: user.displayName,
      backHref: STAFF_BASE,
      details: [
        row('admin:staff.username', user.username),
        row('admin:staff.role', t(`admin:role.${user.role}`)),
        row('admin:staff.agency', agencyName(deps.agencies, user.agency, lang)),
        row(
          'admin:staff.status',
          t(user.disabled ? 'admin:status.disabled' : 'admin:status.active'),
        ),
      ],
      action: accountUrl(user.username),
      disabled: user.disabled,
      errors: roleError ? [{ text: roleError, href: '#role' }] : [],
      roleError,
      roles: givableRoles().map((role) => ({
        value: role,
        text: t(`admin:role.${role}`),
        hint: { text: t(`admin:roleHint.${role}`) },
        checked: role === user.role,
      })),
    },
    roleError ? 400 : 200,
  );
}

/** Where the list goes after a change, saying what changed to whom. */
const doneUrl = (done: string, username: string) =>
  `${STAFF_BASE}?${new URLSearchParams({ done, account: username })}`;

/**
 * An account's page: its details, its role (any an agency may give, within its agency) and
 * disabling or enabling it. Every change is audited against the account's agency.
 */
export function addAccountPage(router: Router, deps: AdminDependencies): void {
  router.get('/accounts/:username', async (req, res) => {
    renderAccount(deps, req, res, await managedOr404(deps, req, res));
  });

  router.post('/accounts/:username/role', async (req, res) => {
    const user = await managedOr404(deps, req, res);
    const role = (req.body as Record<string, unknown>).role;
    if (!isGivableRole(role)) {
      return renderAccount(deps, req, res, user, tOf(res, deps)('admin:account.errors.role'));
    }
    if (role !== user.role) {
      await deps.store.staff.setUserRole(user.username, role);
      await auditRequest(deps.store, req, {
        action: 'set-role',
        actor: res.locals.principal as Principal,
        target: user.username,
        detail: role,
        agency: user.agency,
      });
    }
    res.redirect(303, doneUrl('role', user.username));
  });

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/accounts/:username/${path}`, async (req, res) => {
      const user = await managedOr404(deps, req, res);
      if (user.disabled !== disabled) {
        await deps.store.staff.setUserDisabled(user.username, disabled);
        await auditRequest(deps.store, req, {
          action: disabled ? 'disable-user' : 'enable-user',
          actor: res.locals.principal as Principal,
          target: user.username,
          agency: user.agency,
        });
      }
      res.redirect(303, doneUrl(disabled ? 'disabled' : 'enabled', user.username));
    });
  }
}
