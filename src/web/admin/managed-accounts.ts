import type { Principal } from '../../caseworker/authenticator';
import { AGENCY_ROLES, type Role, type User } from '../../store/accounts';

/**
 * Whether an administrator may see and change an account on the staff pages: an agency's
 * administrator its own agency's accounts, the platform team every agency's; never a platform
 * team account (those are made and changed with `civic-forms users` only), never their own.
 */
export function mayManage(admin: Principal, account: User): boolean {
  if (account.role === 'platform-admin' || account.id === admin.id) return false;
  return admin.role === 'platform-admin' || account.agency === admin.agency;
}

/** Whether an administrator may see an account in the list (their own included, unchangeable). */
export function mayList(admin: Principal, account: User): boolean {
  return account.id === admin.id || mayManage(admin, account);
}

/** The roles an administrator may give: every role but the platform team's. */
export function givableRoles(): readonly Role[] {
  return AGENCY_ROLES;
}

/** Whether the role typed is one an administrator may give. */
export function isGivableRole(value: unknown): value is Role {
  return typeof value === 'string' && (givableRoles() as readonly string[]).includes(value);
}
