import request from 'supertest';
import { hashApiKey } from '../../src/delivery/api-key';
import { sqliteFile } from '../../src/store/open-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { EXAMPLE_FORMS, tempDataDir, testApp } from '../support/agent';
import { civicFormsOn } from '../support/cli';

describe('civic-forms api-keys', () => {
  it('adds a key printed alone on the last line, once; keeps only its hash; the API takes it until it is revoked', async () => {
    const dataDir = tempDataDir();
    const added = await civicFormsOn(dataDir, [
      'api-keys',
      'add',
      'Council CRM',
      '--form',
      'council-tax-reduction',
      '--form',
      'register-change-of-address',
    ]);
    expect(added.code).toBe(0);
    const key = added.stdout.at(-1) ?? '';
    expect(key).toMatch(/^cfk_[A-Za-z0-9_-]{43}$/);
    expect(added.stdout[0]).toMatch(
      /^added API key "Council CRM" \([0-9a-f-]{36}\) for council-tax-reduction, register-change-of-address \(agency northbrook-council\)$/,
    );

    const listed = await civicFormsOn(dataDir, ['api-keys', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout[0]).toMatch(/^ID +NAME +KEY +AGENCY +FORMS +CREATED +LAST USED +REVOKED$/);
    expect(listed.stdout[1]).toContain(`Council CRM  ${key.slice(0, 8)}…`);
    expect(listed.stdout[1]).toContain(
      'northbrook-council  council-tax-reduction,register-change-of-address',
    );
    expect(listed.stdout.join('\n')).not.toContain(key);

    const app = testApp({
      formsDir: EXAMPLE_FORMS,
      dataDir,
      store: openSqliteStore({ file: sqliteFile({ dataDir }) }),
    });
    try {
      const rows = await app.store.inspect.rows('api_keys');
      expect(rows).toEqual([
        expect.objectContaining({
          name: 'Council CRM',
          hash: hashApiKey(key),
          agency: 'northbrook-council',
        }),
      ]);
      expect(JSON.stringify(rows)).not.toContain(key);
      const call = (form = 'council-tax-reduction') =>
        request(app).get(`/api/v1/forms/${form}/submissions`).set('authorization', `Bearer ${key}`);
      expect((await call()).status).toBe(200);
      // Another agency's form is not the key's, as one that does not exist.
      expect((await call('report-housing-repair')).status).toBe(404);
      const revoked = await civicFormsOn(dataDir, ['api-keys', 'revoke', 'Council CRM']);
      expect([revoked.code, revoked.stdout]).toEqual([0, ['revoked Council CRM']]);
      expect((await call()).status).toBe(401);
      const audit = await app.store.staff.listAudit();
      expect(audit.map((e) => [e.action, e.target])).toEqual(
        expect.arrayContaining([
          ['add-api-key', 'Council CRM'],
          ['api-list-submissions', 'council-tax-reduction'],
          ['revoke-api-key', 'Council CRM'],
        ]),
      );
    } finally {
      await app.close();
    }
  }, 180_000);

  it('refuses a key without a form, for a form the service does not have, or for two agencies, and makes none', async () => {
    const dataDir = tempDataDir();
    const none = await civicFormsOn(dataDir, ['api-keys', 'add', 'Housing CRM']);
    expect([none.code, none.stdout]).toEqual([2, []]);
    expect(none.stderr).toContain('--form: at least one form id the key may read');
    const unknown = await civicFormsOn(dataDir, [
      'api-keys',
      'add',
      'Housing CRM',
      '--form',
      'report-housing-repairs',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--form: report-housing-repairs: not a form the service has (it has council-tax-reduction, register-change-of-address, report-housing-repair)',
    );
    const twoAgencies = await civicFormsOn(dataDir, [
      'api-keys',
      'add',
      'Both CRM',
      '--form',
      'report-housing-repair',
      '--form',
      'council-tax-reduction',
    ]);
    expect(twoAgencies.code).toBe(2);
    expect(twoAgencies.stderr).toContain(
      "--form: report-housing-repair (northbrook-housing), council-tax-reduction (northbrook-council): forms of one agency only (a key reads one agency's forms; make one key per agency)",
    );
    const listed = await civicFormsOn(dataDir, ['api-keys', 'list']);
    expect(listed.stdout).toHaveLength(1);
    const revoke = await civicFormsOn(dataDir, ['api-keys', 'revoke', 'nobody']);
    expect([revoke.code, revoke.stderr.trim()]).toEqual([
      1,
      'nobody: no key in use has this name or id',
    ]);
  }, 180_000);

  it("lists the agency a key made before agencies reads: its forms' one, or none for forms of several", async () => {
    const dataDir = tempDataDir();
    const store = openSqliteStore({ file: sqliteFile({ dataDir }) });
    try {
      const before = (name: string, forms: string[]) =>
        store.apiKeys.addKey({
          id: `id-${name.toLowerCase().replace(/ /g, '-')}`,
          name,
          hash: hashApiKey(`cfk_${name}`),
          hint: 'cfk_abcd…',
          forms,
          agency: undefined,
          createdAt: Date.parse('2031-01-10T09:00:00Z'),
        });
      await before('Housing CRM', ['report-housing-repair']);
      await before('Old shared CRM', ['report-housing-repair', 'council-tax-reduction']);
    } finally {
      await store.close();
    }
    const listed = await civicFormsOn(dataDir, ['api-keys', 'list']);
    expect(listed.code).toBe(0);
    const cells = listed.stdout.map((line) => line.split(/ {2,}/));
    expect(cells.map((row) => [row[1], row[3], row[4]])).toEqual([
      ['NAME', 'AGENCY', 'FORMS'],
      ['Housing CRM', 'northbrook-housing', 'report-housing-repair'],
      ['Old shared CRM', '-', 'report-housing-repair,council-tax-reduction'],
    ]);
  }, 180_000);
});
