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

const COUNCIL = ['--agency', 'northbrook-council'];
const HOUSING = ['--agency', 'northbrook-housing'];

describe('cli users', () => {
  it('adds an account with the password from standard input, hashed, never printed', async () => {
    const dataDir = tempDataDir();
    const run = await civicForms(
      dataDir,
      [
        'users',
        'add',
        'Sian.Evans',
        '--role',
        'caseworker',
        '--name',
        'Siân Evans',
        '--agency',
        'northbrook-council',
      ],
      `${PASSWORD}\n`,
    );
    expect(run).toEqual({
      code: 0,
      stdout: ['added sian.evans (caseworker, Siân Evans, agency northbrook-council)'],
      stderr: '',
    });
    const [sian] = await accounts(dataDir);
    expect(sian).toMatchObject({
      username: 'sian.evans',
      role: 'caseworker',
      agency: 'northbrook-council',
      disabled: false,
    });
    expect(sian?.record?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(await verifyPassword(PASSWORD, sian?.record?.passwordHash ?? '')).toBe(true);
  });

  it('lists accounts and disables one, which the list then shows', async () => {
    const dataDir = tempDataDir();
    await civicForms(
      dataDir,
      ['users', 'add', 'sian.evans', '--role', 'caseworker', '--name', 'Siân Evans', ...COUNCIL],
      PASSWORD,
    );
    await civicForms(
      dataDir,
      ['users', 'add', 'priya.shah', '--role', 'service-team', '--name', 'Priya Shah', ...HOUSING],
      PASSWORD,
    );
    const disabled = await civicForms(dataDir, ['users', 'disable', 'SIAN.EVANS']);
    expect(disabled).toMatchObject({ code: 0, stdout: ['disabled sian.evans'] });
    const list = await civicForms(dataDir, ['users', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout.map((line) => line.split(/\s{2,}/).slice(0, 5))).toEqual([
      ['USERNAME', 'ROLE', 'AGENCY', 'STATUS', 'NAME'],
      ['priya.shah', 'service-team', 'northbrook-housing', 'active', 'Priya Shah'],
      ['sian.evans', 'caseworker', 'northbrook-council', 'disabled', 'Siân Evans'],
    ]);
    expect(list.stdout.join('\n')).not.toContain('scrypt');
    const housing = await civicForms(dataDir, ['users', 'list', '--agency', 'northbrook-housing']);
    expect(housing.stdout.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(['priya.shah']);
  });

  it('refuses a short password, a taken username, a bad role and an unknown account', async () => {
    const dataDir = tempDataDir();
    const add = (name: string, role: string, password: string) =>
      civicForms(
        dataDir,
        ['users', 'add', name, '--role', role, '--name', 'Siân Evans', ...COUNCIL],
        password,
      );
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
      stderr: '--role: one of caseworker, service-team, agency-admin, platform-admin\n',
    });
    expect(await civicForms(dataDir, ['users', 'disable', 'nobody'])).toMatchObject({
      code: 1,
      stderr: 'nobody: no such account\n',
    });
    expect((await accounts(dataDir)).map((u) => u.username)).toEqual(['sian.evans']);
  });

  it('wants the agency of the account in a deployment of several, and one it has', async () => {
    const dataDir = tempDataDir();
    const add = (...agency: string[]) =>
      civicForms(
        dataDir,
        ['users', 'add', 'olu.bankole', '--role', 'agency-admin', '--name', 'Olu', ...agency],
        PASSWORD,
      );
    expect(await add()).toMatchObject({
      code: 2,
      stderr:
        '--agency: the agency the account belongs to, one of default, northbrook-council, northbrook-housing\n',
    });
    expect(await add('--agency', 'northbrook')).toMatchObject({
      code: 2,
      stderr: '--agency: one of default, northbrook-council, northbrook-housing\n',
    });
    expect(await accounts(dataDir)).toEqual([]);
    expect((await add('--agency', 'northbrook-housing')).code).toBe(0);
    const moved = await civicForms(dataDir, [
      'users',
      'set-agency',
      'olu.bankole',
      'northbrook-council',
    ]);
    expect(moved).toMatchObject({
      code: 0,
      stdout: ['moved olu.bankole to the agency northbrook-council (was northbrook-housing)'],
    });
    expect(await accounts(dataDir)).toEqual([
      expect.objectContaining({ username: 'olu.bankole', agency: 'northbrook-council' }),
    ]);
    expect(
      await civicForms(dataDir, ['users', 'set-agency', 'olu.bankole', 'nowhere']),
    ).toMatchObject({ code: 2 });
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
