import { createSignInThrottle } from '../caseworker/sign-in-throttle';
import { hashPassword } from '../caseworker/password-hash';
import { normaliseUsername } from '../caseworker/username';
import { ROLES, type Role } from '../store/accounts';
import type { Store } from '../store/store';
import { auditFromCli } from './cli-audit';
import { readCheckedPassword } from './new-password';
import { agencyProblem } from './agency-option';
import type { CommandIo } from './users';

/** The account a command names, or undefined after saying there is none. */
async function accountNamed(store: Store, typed: string | undefined, io: CommandIo) {
  const username = normaliseUsername(typed ?? '');
  const user = await store.staff.findUser(username);
  if (!user) io.err(`${username || '(no username)'}: no such account`);
  return user;
}

/** What is wrong with a command's arguments, when there are not exactly the ones it takes. */
function wrongCount(args: string[], expected: string[]): string | undefined {
  if (args.length === expected.length) return undefined;
  return `expected ${expected.join(' and ')} (found ${args.length} argument(s))`;
}

/**
 * `civic-forms users reset-password <username>`: a new password, read like `add` reads one (never
 * from the command line). Ends the account's sign-ins (whoever knew the old password is out) and
 * lifts a lock its failed sign-ins put on the username.
 */
export async function resetPassword(store: Store, args: string[], io: CommandIo): Promise<number> {
  const wrong = wrongCount(args, ['a username']);
  if (wrong) {
    io.err(wrong);
    return 2;
  }
  const user = await accountNamed(store, args[0], io);
  if (!user) return 1;
  const read = await readCheckedPassword(io);
  if ('problem' in read) {
    io.err(read.problem);
    return 1;
  }
  await store.staff.setPasswordHash(user.id, await hashPassword(read.password));
  const ended = await store.sessions.endSignInsOf(user.id);
  await createSignInThrottle(store).succeeded(user.username);
  await auditFromCli(store, 'reset-password', user.username, undefined, user.agency);
  io.out(`reset the password of ${user.username} (${ended} sign-in(s) ended)`);
  return 0;
}

/**
 * `civic-forms users set-role <username> <role>`. A signed-in member of staff
 * has the new role from their next request (`requireRole` reads the account each time).
 */
export async function setRole(store: Store, args: string[], io: CommandIo): Promise<number> {
  const role = args[1] as Role;
  const wrong =
    wrongCount(args, ['a username', 'a role']) ??
    (ROLES.includes(role) ? undefined : `role: one of ${ROLES.join(', ')}`);
  if (wrong) {
    io.err(wrong);
    return 2;
  }
  const user = await accountNamed(store, args[0], io);
  if (!user) return 1;
  if (user.role === role) {
    io.out(`${user.username} has the role ${role} already: nothing changed`);
    return 0;
  }
  await store.staff.setUserRole(user.username, role);
  await auditFromCli(store, 'set-role', user.username, role, user.agency);
  io.out(`set the role of ${user.username} to ${role} (was ${user.role})`);
  return 0;
}

/**
 * `civic-forms users set-agency <username> <agency id>`: moves an account to another agency (one
 * that upgraded into the default agency, say). It sees the new agency's forms from its next
 * request, and only those.
 */
export async function setAgency(
  store: Store,
  args: string[],
  io: CommandIo,
  agencyIds: readonly string[] | undefined,
): Promise<number> {
  const agency = args[1];
  const wrong =
    wrongCount(args, ['a username', 'an agency id']) ||
    agencyProblem(agency ?? '', agencyIds) ||
    undefined;
  if (wrong) {
    io.err(wrong);
    return 2;
  }
  const user = await accountNamed(store, args[0], io);
  if (!user || agency === undefined) return 1;
  if (user.agency === agency) {
    io.out(`${user.username} belongs to ${agency} already: nothing changed`);
    return 0;
  }
  await store.staff.setUserAgency(user.username, agency);
  await auditFromCli(store, 'set-agency', user.username, `from ${user.agency}`, agency);
  io.out(`moved ${user.username} to the agency ${agency} (was ${user.agency})`);
  return 0;
}
