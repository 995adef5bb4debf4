import type { Request, Response, Router } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { hashPassword } from '../../caseworker/password-hash';
import { MINIMUM_PASSWORD } from '../../caseworker/password-rules';
import { isValidUsername, normaliseUsername } from '../../caseworker/username';
import { auditRequest } from '../caseworker/audit-request';
import { langOf, tOf } from '../render';
import type { AdminDependencies } from './admin-dependencies';
import { renderAdmin, STAFF_BASE } from './admin-render';
import { staffAgencies } from './agency-names';
import { givableRoles, isGivableRole } from './managed-accounts';
import { inLanguage } from '../../agency/agency-view';

type Field = 'displayName' | 'username' | 'role' | 'agency' | 'password';
/** The fields in the order the page shows them, so the error summary lists them in that order. */
const FIELDS: readonly Field[] = ['displayName', 'username', 'role', 'agency', 'password'];

interface Typed {
  displayName: string;
  username: string;
  role: string;
  agency: string;
}

function renderAdd(
  deps: AdminDependencies,
  req: Request,
  res: Response,
  typed: Partial<Typed> = {},
  fieldErrors: Partial<Record<Field, string>> = {},
) {
  const t = tOf(res, deps);
  const lang = langOf(res);
  const admin = res.locals.principal as Principal;
  const errors = FIELDS.filter((f) => fieldErrors[f]).map((f) => ({
    text: fieldErrors[f],
    href: `#${f}`,
  }));
  renderAdmin(
    deps,
    req,
    res,
    'add-account.njk',
    {
      pageTitle: t('admin:add.title'),
      backHref: STAFF_BASE,
      action: `${STAFF_BASE}/new`,
      typed,
      errors,
      fieldErrors,
      minimum: MINIMUM_PASSWORD,
      roles: givableRoles().map((role) => ({
        value: role,
        text: t(`admin:role.${role}`),
        hint: { text: t(`admin:roleHint.${role}`) },
        checked: role === typed.role,
      })),
      // Only the platform team chooses the agency: an agency's administrator adds its own staff.
      agencies:
        admin.role === 'platform-admin'
          ? staffAgencies(deps.agencies).map((shown) => ({
              value: shown.agency.id,
              text: inLanguage(shown.agency.name, lang, shown),
              checked: shown.agency.id === typed.agency,
            }))
          : undefined,
    },
    errors.length > 0 ? 400 : 200,
  );
}

/**
 * Adding a member of staff: name, username, role (never the platform team's), the agency (the
 * administrator's own, or one the platform team chooses) and a first password, given to the
 * person by the administrator. Audited as `add-user` against the new account's agency.
 */
export function addAddAccountPage(router: Router, deps: AdminDependencies): void {
  router.get('/new', (req, res) => renderAdd(deps, req, res));

  router.post('/new', async (req, res) => {
    const t = tOf(res, deps);
    const admin = res.locals.principal as Principal;
    const body = req.body as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const typed: Typed = {
      displayName: text('displayName').trim(),
      username: normaliseUsername(text('username')),
      role: text('role'),
      agency: admin.role === 'platform-admin' ? text('agency') : admin.agency,
    };
    const password = text('password');
    const agencyIds = staffAgencies(deps.agencies).map((a) => a.agency.id);
    const fieldErrors: Partial<Record<Field, string>> = {};
    if (!typed.displayName) fieldErrors.displayName = t('admin:add.errors.nameRequired');
    else if (typed.displayName.length > 100)
      fieldErrors.displayName = t('admin:add.errors.nameLong');
    if (!typed.username) fieldErrors.username = t('admin:add.errors.usernameRequired');
    else if (!isValidUsername(typed.username))
      fieldErrors.username = t('admin:add.errors.username');
    const role = isGivableRole(typed.role) ? typed.role : undefined;
    if (!role) fieldErrors.role = t('admin:add.errors.role');
    if (!agencyIds.includes(typed.agency)) fieldErrors.agency = t('admin:add.errors.agency');
    if ([...password].length < MINIMUM_PASSWORD) {
      fieldErrors.password = t('admin:add.errors.password', { minimum: MINIMUM_PASSWORD });
    }
    if (
      Object.keys(fieldErrors).length === 0 &&
      (await deps.store.staff.findUser(typed.username))
    ) {
      fieldErrors.username = t('admin:add.errors.taken', { username: typed.username });
    }
    if (Object.keys(fieldErrors).length > 0 || !role) {
      return renderAdd(deps, req, res, typed, fieldErrors);
    }
    const user = await deps.store.staff.addUser({
      username: typed.username,
      displayName: typed.displayName,
      role,
      agency: typed.agency,
      passwordHash: await hashPassword(password),
    });
    // Two administrators adding the same username at once: the second is told it is taken.
    if (!user) {
      const taken = t('admin:add.errors.taken', { username: typed.username });
      return renderAdd(deps, req, res, typed, { username: taken });
    }
    await auditRequest(deps.store, req, {
      action: 'add-user',
      actor: admin,
      target: user.username,
      detail: user.role,
      agency: user.agency,
    });
    res.redirect(
      303,
      `${STAFF_BASE}?${new URLSearchParams({ done: 'added', account: user.username })}`,
    );
  });
}
