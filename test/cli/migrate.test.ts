import path from 'node:path';
import { openPostgresStore } from '../../src/store/postgres-store';
import { COPY_ORDER } from '../../src/store/maintenance';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { tempDataDir, testApp, Visitor } from '../support/agent';
import { addAccount, signIn, submitPermitOnline } from '../support/caseworker';
import { civicFormsOn as civicForms } from '../support/cli';
import { postgresSchemaUrl } from '../store/support/databases';

// Each run starts node, compiles the CLI and opens a database: on a shared 2-core machine.
jest.setTimeout(180_000);

describe('civic-forms migrate', () => {
  it('brings SQLite up to date and says which version it is at', async () => {
    const run = await civicForms(tempDataDir(), ['migrate']);
    expect(run).toEqual({
      code: 0,
      stdout: [
        `the SQLite database is at schema version ${SQLITE_MIGRATIONS.length}, the latest this civic-forms knows`,
      ],
      stderr: '',
    });
  });

  it('brings PostgreSQL up to date and says which version it is at', async () => {
    const url = await postgresSchemaUrl();
    const run = await civicForms(tempDataDir(), ['migrate'], '', { DATABASE_URL: url });
    expect(run.stdout).toEqual([
      `the PostgreSQL database is at schema version ${POSTGRES_MIGRATIONS.length}, the latest this civic-forms knows`,
    ]);
    expect(run.code).toBe(0);
  });

  it('says in one line when PostgreSQL cannot be reached', async () => {
    const run = await civicForms(tempDataDir(), ['migrate'], '', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:9/nothing',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^civic-forms: database unavailable: ECONNREFUSED\n$/);
  });
});

describe('civic-forms migrate-data', () => {
  it('copies a SQLite deployment into PostgreSQL, where the service finds everything', async () => {
    // A deployment as it is used: an application sent, a member of staff who viewed it, figures.
    const dataDir = tempDataDir();
    const before = testApp({ formsDir: path.join(__dirname, '..', 'fixtures', 'forms'), dataDir });
    const reference = await submitPermitOnline(before);
    await addAccount(before.store, 'sian.evans');
    const staff = new Visitor(before);
    await signIn(staff, 'sian.evans');
    await staff.get(`/caseworker/submissions/${reference}`);
    await before.close();

    const url = await postgresSchemaUrl();
    const file = path.join(dataDir, 'civic-forms.sqlite');
    const run = await civicForms(tempDataDir(), ['migrate-data', '--from', file], '', {
      DATABASE_URL: url,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/^copied .* into PostgreSQL: \d+ users, /);

    // Every row of every table, as the service stores it, on both sides.
    const source = openSqliteStore({ file });
    const target = await openPostgresStore({ connectionString: url });
    try {
      for (const table of COPY_ORDER) {
        const rows = await source.inspect.rows(table);
        expect({ table, rows: await target.inspect.rows(table) }).toEqual({ table, rows });
      }
      expect(await target.inspect.count('submissions')).toBe(1);
      expect(await target.inspect.count('audit_events')).toBeGreaterThan(1);

      // The service on PostgreSQL: the submission, the account and the trail are there, and new
      // audit lines are numbered after the ones copied.
      const after = testApp({
        formsDir: path.join(__dirname, '..', 'fixtures', 'forms'),
        store: target,
      });
      const again = new Visitor(after);
      await signIn(again, 'sian.evans');
      const page = await again.get(`/caseworker/submissions/${reference}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Amara Zephyrine Okafor');
      const ids = (await target.staff.listAudit()).map((event) => event.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));

      // A second copy into a database in use is refused.
      const twice = await civicForms(tempDataDir(), ['migrate-data', '--from', file], '', {
        DATABASE_URL: url,
      });
      expect(twice.code).toBe(1);
      expect(twice.stderr).toMatch(/already holds data \(1 row\(s\) in users\)/);
      await after.close();
    } finally {
      await source.close();
      await target.close();
    }
  });
});
