import path from 'node:path';
import { verifyPassword } from '../../src/caseworker/password-hash';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { tempDataDir } from '../support/agent';
import { civicFormsOn } from '../support/cli';

const PASSWORD = 'river-otter-blanket-92';
const civicForms = civicFormsOn;

/** The accounts in the data folder's database, as the server would read them. */
async function accounts(dataDir: string) {
  const store = openSqliteStore({ file: path.join(dataDir, 'civic-forms.sqlite') });
  try {
    return await store.staff
      .listUsers()
      .then((users) =>
        Promise.all(
          users.map(async (u) => ({ ...u, record: await store.staff.findUser(u.username) })),
        ),
      );
  } finally {
    await store.close();
  }
}

// Each run starts node and compiles the CLI: several a test, on a shared 2-core machine (under a
// load of 20, tests here took more than 30 s).
jest.setTimeout(120_000);

describe('cli users', () => {
  it('adds an account with the password from standard input, hashed, never printed', async () => {
    const dataDir = tempDataDir();
    const run = await civicForms(
      dataDir,
      ['users', 'add', 'Sian.Evans', '--role', 'caseworker', '--name', 'Siân Evans'],
      `${PASSWORD}\n`,
    );
    expect(run).toEqual({
      code: 0,
      stdout: ['added sian.evans (caseworker, Siân Evans)'],
      stderr: '',
    });
    const [sian] = await accounts(dataDir);
    expect(sian).toMatchObject({ username: 'sian.evans', role: 'caseworker', disabled: false });
    expect(sian?.record?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(await verifyPassword(PASSWORD, sian?.record?.passwordHash ?? '')).toBe(true);
  });

  it('lists accounts and disables one, which the list then shows', async () => {
    const dataDir = tempDataDir();
    await civicForms(
      dataDir,
      ['users', 'add', 'sian.evans', '--role', 'caseworker', '--name', 'Siân Evans'],
      PASSWORD,
    );
    await civicForms(
      dataDir,
      ['users', 'add', 'priya.shah', '--role', 'service-team', '--name', 'Priya Shah'],
      PASSWORD,
    );
    const disabled = await civicForms(dataDir, ['users', 'disable', 'SIAN.EVANS']);
    expect(disabled).toMatchObject({ code: 0, stdout: ['disabled sian.evans'] });
    const list = await civicForms(dataDir, ['users', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout.map((line) => line.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['USERNAME', 'ROLE', 'STATUS', 'NAME'],
      ['priya.shah', 'service-team', 'active', 'Priya Shah'],
      ['sian.evans', 'caseworker', 'disabled', 'Siân Evans'],
    ]);
    expect(list.stdout.join('\n')).not.toContain('scrypt');
  });

  it('refuses a short password, a taken username, a bad role and an unknown account', async () => {
    const dataDir = tempDataDir();
    const add = (name: string, role: string, password: string) =>
      civicForms(dataDir, ['users', 'add', name, '--role', role, '--name', 'Siân Evans'], password);
    expect(await add('sian.evans', 'caseworker', 'short')).toMatchObject({
      code: 1,
      stderr: 'password: at least 12 characters\n',
    });
    expect(await add('sian.evans', 'caseworker', '')).toMatchObject({
      code: 1,
      stderr: 'password: no password on standard input\n',
    });
    expect((await add('sian.evans', 'caseworker', PASSWORD)).code).toBe(0);
    expect(await add('SIAN.EVANS', 'caseworker', PASSWORD)).toMatchObject({
      code: 1,
      stderr: 'sian.evans: an account with this username exists already\n',
    });
    expect(await add('tomasz', 'admin', PASSWORD)).toMatchObject({
      code: 2,
      stderr: '--role: one of caseworker, service-team\n',
    });
    expect(await civicForms(dataDir, ['users', 'disable', 'nobody'])).toMatchObject({
      code: 1,
      stderr: 'nobody: no such account\n',
    });
    expect((await accounts(dataDir)).map((u) => u.username)).toEqual(['sian.evans']);
  });

  it('never takes the password from the command line', async () => {
    const dataDir = tempDataDir();
    const run = await civicForms(dataDir, [
      'users',
      'add',
      'sian.evans',
      '--role',
      'caseworker',
      '--name',
      'Siân Evans',
      '--password',
      PASSWORD,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--password'");
    expect(await accounts(dataDir)).toEqual([]);
  });
});
