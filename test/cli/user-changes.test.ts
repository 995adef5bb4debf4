import path from 'node:path';
import type { SessionData } from '../../src/web/session/session-data';
import { hashPassword, verifyPassword } from '../../src/caseworker/password-hash';
import { createSignInThrottle } from '../../src/caseworker/sign-in-throttle';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { sessionIndex } from '../../src/web/session-index';
import { h1, tempDataDir, testApp } from '../support/agent';
import { signedInCaseworker } from '../support/caseworker';
import { civicFormsOn as civicForms } from '../support/cli';

const OLD_PASSWORD = 'river-otter-blanket-92';
const NEW_PASSWORD = 'heron-lantern-orchard-31';

// Each run starts node and compiles the CLI, and hashes with scrypt: on a shared 2-core machine.
jest.setTimeout(60_000);

/** Opens the data folder's database as the server would, runs `use`, and closes it. */
async function withStore<T>(dataDir: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore({ file: path.join(dataDir, 'civic-forms.sqlite') });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** A data folder with Siân's caseworker account and Priya's service-team one. */
async function withAccounts(): Promise<string> {
  const dataDir = tempDataDir();
  await withStore(dataDir, async (store) => {
    for (const [username, displayName, role] of [
      ['sian.evans', 'Siân Evans', 'caseworker'],
      ['priya.shah', 'Priya Shah', 'service-team'],
    ] as const) {
      const passwordHash = await hashPassword(OLD_PASSWORD);
      await store.staff.addUser({ username, displayName, role, agency: 'default', passwordHash });
    }
  });
  return dataDir;
}

/** The command line's audit lines, every column as stored. */
function cliAudit(dataDir: string) {
  return withStore(dataDir, async (store) =>
    (await store.inspect.rows('audit_events')).filter((row) =>
      String(row.actor_username).startsWith('cli:'),
    ),
  );
}

describe('cli users reset-password', () => {
  it('sets the password from standard input, ends the sign-ins, lifts a lock, and audits it', async () => {
    const dataDir = await withAccounts();
    await withStore(dataDir, async (store) => {
      const sian = await store.staff.findUser('sian.evans');
      const priya = await store.staff.findUser('priya.shah');
      // Stored as the server stores a session: its JSON, and the columns SQL finds it by.
      const keep = (id: string, data: SessionData) =>
        store.sessions.setSession(
          id,
          JSON.stringify(data),
          Date.now() + 60_000,
          sessionIndex(data),
        );
      const signedIn = (id = '') =>
        ({ caseworker: { principal: { id } } }) as unknown as SessionData;
      await keep('sian-desk', signedIn(sian?.id));
      await keep('sian-laptop', signedIn(sian?.id));
      await keep('priya', signedIn(priya?.id));
      await keep('constituent', { journeys: {} } as unknown as SessionData);
      const throttle = createSignInThrottle(store);
      for (let i = 0; i < 5; i++) await throttle.failed('sian.evans', '203.0.113.7', Date.now());
    });

    const run = await civicForms(
      dataDir,
      ['users', 'reset-password', 'Sian.Evans'],
      `${NEW_PASSWORD}\n`,
    );
    expect(run).toEqual({
      code: 0,
      stdout: ['reset the password of sian.evans (2 sign-in(s) ended)'],
      stderr: '',
    });

    await withStore(dataDir, async (store) => {
      const hash = (await store.staff.findUser('sian.evans'))?.passwordHash ?? '';
      expect(await verifyPassword(NEW_PASSWORD, hash)).toBe(true);
      expect(await verifyPassword(OLD_PASSWORD, hash)).toBe(false);
      const now = Date.now();
      expect(await store.sessions.getSession('sian-desk', now)).toBeUndefined();
      expect(await store.sessions.getSession('sian-laptop', now)).toBeUndefined();
      expect(await store.sessions.getSession('priya', now)).toBeDefined();
      expect(await store.sessions.getSession('constituent', now)).toBeDefined();
      expect(await createSignInThrottle(store).lockedUntil('sian.evans', '192.0.2.1', now)).toBe(0);
    });
    const [line, ...more] = await cliAudit(dataDir);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      actor_id: null,
      actor_username: expect.stringMatching(/^cli:./),
      action: 'reset-password',
      target: 'sian.evans',
      detail: null,
    });
    expect(JSON.stringify(line)).not.toContain(NEW_PASSWORD);
  });

  it('signs out a caseworker using the service at that moment', async () => {
    const app = testApp();
    try {
      const visitor = await signedInCaseworker(app);
      expect((await visitor.get('/caseworker')).status).toBe(200);
      const run = await civicForms(
        app.config.dataDir,
        ['users', 'reset-password', 'sian.evans'],
        NEW_PASSWORD,
      );
      expect(run.code).toBe(0);
      const next = await visitor.get('/caseworker');
      expect(next.status).toBe(303);
      expect(next.headers.location).toMatch(/^\/caseworker\/sign-in\?return=%2Fcaseworker/);
      expect(h1((await visitor.get(next.headers.location as string)).text)).toBe('Sign in');
    } finally {
      await app.close();
    }
  });

  it('refuses a short password, an unknown account, and a password on the command line', async () => {
    const dataDir = await withAccounts();
    const reset = (args: string[], stdin: string) =>
      civicForms(dataDir, ['users', 'reset-password', ...args], stdin);
    expect(await reset(['sian.evans'], 'short')).toMatchObject({
      code: 1,
      stderr: 'password: at least 12 characters\n',
    });
    expect(await reset(['sian.evans'], '')).toMatchObject({
      code: 1,
      stderr: 'password: no password on standard input\n',
    });
    expect(await reset(['nobody'], NEW_PASSWORD)).toMatchObject({
      code: 1,
      stderr: 'nobody: no such account\n',
    });
    const onArgv = await reset(['sian.evans', '--password', NEW_PASSWORD], '');
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toContain('expected a username (found 3 argument(s))');
    expect(onArgv.stderr).toContain('civic-forms users reset-password <username>');

    const hash = await withStore(
      dataDir,
      async (store) => (await store.staff.findUser('sian.evans'))?.passwordHash ?? '',
    );
    expect(await verifyPassword(OLD_PASSWORD, hash)).toBe(true);
    expect(await cliAudit(dataDir)).toEqual([]);
  });
});

describe('cli users set-role', () => {
  it('gives an account the other role, audits it, and the list shows it', async () => {
    const dataDir = await withAccounts();
    const run = await civicForms(dataDir, ['users', 'set-role', 'SIAN.EVANS', 'service-team']);
    expect(run).toEqual({
      code: 0,
      stdout: ['set the role of sian.evans to service-team (was caseworker)'],
      stderr: '',
    });
    const again = await civicForms(dataDir, ['users', 'set-role', 'sian.evans', 'service-team']);
    expect(again.stdout).toEqual(['sian.evans has the role service-team already: nothing changed']);

    const list = await civicForms(dataDir, ['users', 'list']);
    expect(list.stdout.map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['USERNAME', 'ROLE'],
      ['priya.shah', 'service-team'],
      ['sian.evans', 'service-team'],
    ]);
    expect(await cliAudit(dataDir)).toEqual([
      expect.objectContaining({
        actor_username: expect.stringMatching(/^cli:./),
        action: 'set-role',
        target: 'sian.evans',
        detail: 'service-team',
      }),
    ]);
  });

  it('takes effect at the next request of a member of staff signed in', async () => {
    const app = testApp();
    try {
      const visitor = await signedInCaseworker(app);
      const run = await civicForms(app.config.dataDir, [
        'users',
        'set-role',
        'sian.evans',
        'service-team',
      ]);
      expect(run.code).toBe(0);
      expect((await visitor.get('/caseworker')).status).toBe(403);
    } finally {
      await app.close();
    }
  });

  it('refuses a role that does not exist and an unknown account', async () => {
    const dataDir = await withAccounts();
    const badRole = await civicForms(dataDir, ['users', 'set-role', 'sian.evans', 'admin']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain(
      'role: one of caseworker, service-team, agency-admin, platform-admin\n',
    );
    expect(badRole.stderr).toContain('civic-forms users set-role <username>');
    const missing = await civicForms(dataDir, ['users', 'set-role', 'sian.evans']);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('expected a username and a role (found 1 argument(s))');
    expect(await civicForms(dataDir, ['users', 'set-role', 'nobody', 'caseworker'])).toMatchObject({
      code: 1,
      stderr: 'nobody: no such account\n',
    });
    expect(await cliAudit(dataDir)).toEqual([]);
  });
});
