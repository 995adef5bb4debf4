import { parseArgs } from 'node:util';
import { hashPassword } from '../caseworker/password-hash';
import { isValidUsername, normaliseUsername } from '../caseworker/username';
import { ROLES, type Role } from '../store/accounts';
import type { Store } from '../store/store';
import { auditFromCli } from './cli-audit';
import { readCheckedPassword } from './new-password';
import type { readNewPassword } from './read-password';
import { resetPassword, setAgency, setRole } from './user-changes';
import { DEFAULT_AGENCY_ID } from '../agency/default-agency';
import { agencyProblem } from './agency-option';

/** Where a command writes, and how it reads a password: the terminal, or a test's streams. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  readPassword: typeof readNewPassword;
}

export const USERS_USAGE = `Usage: civic-forms users add <username> --role <role> --name "Full name" [--agency <agency id>]
       civic-forms users disable <username>
       civic-forms users enable <username>
       civic-forms users reset-password <username>
       civic-forms users set-role <username> <role>
       civic-forms users set-agency <username> <agency id>
       civic-forms users list [--agency <agency id>]
  Roles: caseworker, service-team, agency-admin (manages its agency's staff), platform-admin.
  An account belongs to one agency (agencies/<id>, or "default"): it sees that agency's forms,
  submissions and figures only. --agency may be left out when the deployment has no agencies.
  A password (of a new account, or a reset one) is asked for on a terminal, or read from the first
  line of standard input (never from the command line). At least 12 characters. A reset ends the
  account's sign-ins.`;

async function add(
  store: Store,
  args: string[],
  io: CommandIo,
  agencyIds: readonly string[] | undefined,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { role: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string' } },
    allowPositionals: true,
  });
  const username = normaliseUsername(positionals[0] ?? '');
  const role = values.role as Role | undefined;
  const displayName = values.name?.trim() ?? '';
  const problems = [
    isValidUsername(username)
      ? ''
      : 'username: 2 to 64 letters, digits or . _ @ - (first a letter or digit)',
    role && ROLES.includes(role) ? '' : `--role: one of ${ROLES.join(', ')}`,
    displayName && displayName.length <= 100
      ? ''
      : "--name: the person's name, up to 100 characters",
    agencyProblem(values.agency, agencyIds),
  ].filter(Boolean);
  if (problems.length > 0) {
    problems.forEach((p) => io.err(p));
    return 2;
  }
  if (await store.staff.findUser(username)) {
    io.err(`${username}: an account with this username exists already`);
    return 1;
  }
  const read = await readCheckedPassword(io);
  if ('problem' in read) {
    io.err(read.problem);
    return 1;
  }
  const user = await store.staff.addUser({
    username,
    displayName,
    role: role as Role,
    agency: values.agency ?? DEFAULT_AGENCY_ID,
    passwordHash: await hashPassword(read.password),
  });
  if (!user) {
    io.err(`${username}: an account with this username exists already`);
    return 1;
  }
  await auditFromCli(store, 'add-user', username, user.role, user.agency);
  io.out(`added ${user.username} (${user.role}, ${user.displayName}, agency ${user.agency})`);
  return 0;
}

async function setDisabled(store: Store, args: string[], disabled: boolean, io: CommandIo) {
  const username = normaliseUsername(args[0] ?? '');
  const user = await store.staff.findUser(username);
  if (!user || !(await store.staff.setUserDisabled(username, disabled))) {
    io.err(`${username || '(no username)'}: no such account`);
    return 1;
  }
  await auditFromCli(
    store,
    disabled ? 'disable-user' : 'enable-user',
    username,
    undefined,
    user.agency,
  );
  // Signed-in sessions of a disabled account end on their next request (requireRole checks).
  io.out(`${disabled ? 'disabled' : 'enabled'} ${username}`);
  return 0;
}

async function list(store: Store, args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { agency: { type: 'string' } } });
  const users = await store.staff.listUsers(values.agency);
  const rows = [
    ['USERNAME', 'ROLE', 'AGENCY', 'STATUS', 'NAME', 'CREATED'],
    ...users.map((u) => [
      u.username,
      u.role,
      u.agency,
      u.disabled ? 'disabled' : 'active',
      u.displayName,
      new Date(u.createdAt).toISOString().slice(0, 10),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  rows.forEach((r) =>
    io.out(
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    ),
  );
  return 0;
}

/**
 * `civic-forms users add|disable|enable|reset-password|set-role|set-agency|list`: manages staff
 * accounts in the service's database. `agencyIds` are the deployment's agencies, when known.
 */
export async function users(
  store: Store,
  args: string[],
  io: CommandIo,
  agencyIds?: readonly string[],
): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'add' || action === 'list') {
    try {
      return await (action === 'add' ? add(store, rest, io, agencyIds) : list(store, rest, io));
    } catch (error) {
      // parseArgs refuses an option it does not know, or one without its value.
      if (!String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) throw error;
      io.err((error as Error).message);
      io.err(USERS_USAGE);
      return 2;
    }
  }
  if (action === 'disable' || action === 'enable') {
    return setDisabled(store, rest, action === 'disable', io);
  }
  if (action === 'reset-password' || action === 'set-role' || action === 'set-agency') {
    const code = await (action === 'set-agency'
      ? setAgency(store, rest, io, agencyIds)
      : (action === 'set-role' ? setRole : resetPassword)(store, rest, io));
    if (code === 2) io.err(USERS_USAGE);
    return code;
  }
  io.err(USERS_USAGE);
  return 2;
}
