import { Visitor, tempDataDir, testApp } from '../support/agent';
import { addAccount, signIn, submitPermitOnline } from '../support/caseworker';
import { civicFormsOn as civicForms } from '../support/cli';

// Each run starts node and compiles the CLI: several a test, on a shared 2-core machine (under a
// load of 20, tests here took more than 30 s).
jest.setTimeout(120_000);

describe('cli audit', () => {
  let dataDir: string;
  let reference: string;
  beforeAll(async () => {
    dataDir = tempDataDir();
    const app = testApp({ dataDir });
    reference = await submitPermitOnline(app);
    await addAccount(app.store, 'sian.evans');
    await addAccount(app.store, 'tomasz.nowak');
    await signIn(new Visitor(app), 'tomasz.nowak', 'a wrong password');
    const sian = new Visitor(app);
    await signIn(sian, 'sian.evans');
    await sian.get(`/caseworker/submissions/${reference}`);
    await app.close();
  }, 120_000);

  /** Each line as its columns: time, who, what, target, detail, client address, agency. */
  const columns = (lines: string[]) => lines.map((line) => line.split('  '));

  it('lists what staff did, oldest first, with when, who, what, on what and from where', async () => {
    const run = await civicForms(dataDir, ['audit']);
    expect(run.code).toBe(0);
    expect(columns(run.stdout).map((c) => c.slice(1, 5))).toEqual([
      ['tomasz.nowak', 'sign-in-failed', '-', 'wrong-credentials'],
      ['sian.evans', 'sign-in', '-', 'password'],
      ['sian.evans', 'view-submission', reference, '-'],
    ]);
    for (const [at, , , , , ip] of columns(run.stdout)) {
      expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(ip).toMatch(/127\.0\.0\.1$/);
    }
    // The agency: none for a failed sign-in with an unknown username, else the account's.
    expect(columns(run.stdout).map((c) => c[6])).toEqual(['-', 'default', 'default']);
  });

  it('filters by user, time and number, and prints JSON lines on request', async () => {
    const byUser = await civicForms(dataDir, ['audit', '--user', 'Sian.Evans', '--limit', '1']);
    expect(columns(byUser.stdout).map((c) => c[2])).toEqual(['view-submission']);
    const byAgency = await civicForms(dataDir, ['audit', '--agency', 'default']);
    expect(columns(byAgency.stdout).map((c) => c[2])).toEqual(['sign-in', 'view-submission']);
    const other = await civicForms(dataDir, ['audit', '--agency', 'northbrook-housing']);
    expect(other).toMatchObject({ code: 0, stdout: [] });
    const future = await civicForms(dataDir, ['audit', '--since', '2999-01-01']);
    expect(future).toMatchObject({ code: 0, stdout: [] });
    const json = await civicForms(dataDir, ['audit', '--json', '--limit', '1']);
    expect(JSON.parse(json.stdout[0] ?? '{}')).toMatchObject({
      actorUsername: 'sian.evans',
      action: 'view-submission',
      target: reference,
    });
  });

  it('says what is wrong with a bad option', async () => {
    const run = await civicForms(dataDir, ['audit', '--since', 'last tuesday', '--limit', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      '--since: is "last tuesday" (expected a date or time, ISO 8601)',
      '--limit: is "0" (expected a whole number above 0)',
    ]);
  });
});
