import path from 'node:path';
import { createFormCatalogue } from '../../src/publishing/form-catalogue';
import { openPostgresStore } from '../../src/store/postgres-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import type { CivicFormsApp } from '../../src/web/app';
import { h1, tempDataDir, testApp, Visitor } from '../support/agent';
import { civicFormsOn } from '../support/cli';
import { addDays } from '../support/dates';
import { writeVersion } from '../support/form-versions';
import { DATABASES, postgresSchemaUrl, type TestDatabase } from '../store/support/databases';

/** A data folder, the environment pointing the command line at its database, and a store on it. */
async function database(
  kind: TestDatabase,
): Promise<{ dataDir: string; env: Record<string, string>; open: () => Promise<Store> }> {
  const dataDir = tempDataDir();
  if (kind === 'sqlite') {
    return {
      dataDir,
      env: {},
      open: async () => openSqliteStore({ file: path.join(dataDir, 'civic-forms.sqlite') }),
    };
  }
  const url = await postgresSchemaUrl();
  return {
    dataDir,
    env: { DATABASE_URL: url },
    open: () => openPostgresStore({ connectionString: url }),
  };
}

describe.each(DATABASES)('civic-forms unpublish on %s', (kind) => {
  let app: CivicFormsApp | undefined;
  afterEach(() => app?.close());

  it('closes a published form from the command line: newcomers see the message in their language, a started journey goes on', async () => {
    const { dataDir, env, open } = await database(kind);
    const published = await civicFormsOn(dataDir, ['publish', writeVersion('1.0')], '', env);
    expect(published.code).toBe(0);
    expect(published.stdout).toContainEqual(
      expect.stringMatching(/^published +parking-permit 1\.0 /),
    );

    // Someone has started before the form closes.
    const store = await open();
    const catalogue = createFormCatalogue({ store });
    await catalogue.refresh();
    app = testApp({ store, catalogue, dataDir });
    const started = new Visitor(app);
    const next = await started.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' });
    expect(next).toBe('/parking-permit/full-name');

    const today = new Date().toISOString().slice(0, 10);
    const until = addDays(7).iso;
    const closed = await civicFormsOn(
      dataDir,
      [
        'unpublish',
        'parking-permit',
        '--message',
        'Permits are now issued by the county.',
        '--message-cy',
        'Trwyddedau gan y sir o hyn ymlaen.',
        '--drafts-until',
        until,
      ],
      '',
      env,
    );
    expect(closed.stderr).toBe('');
    expect(closed.code).toBe(0);
    expect(closed.stdout).toEqual([
      `parking-permit: closed from ${today}; journeys already started can be finished until ${until}`,
    ]);

    await app.forms.refresh();
    const newcomer = new Visitor(app);
    const page = await newcomer.get('/parking-permit');
    expect(page.status).toBe(410);
    expect(h1(page.text)).toBe('This form is closed');
    expect(page.text).toContain('Permits are now issued by the county.');
    const welsh = await newcomer.get('/parking-permit?lang=cy');
    expect(h1(welsh.text)).toBe("Mae'r ffurflen hon wedi cau");
    expect(welsh.text).toContain('Trwyddedau gan y sir o hyn ymlaen.');
    // The journey under way is not turned away.
    const going = await started.get('/parking-permit/full-name');
    expect(going.status).toBe(200);
    expect(h1(going.text)).toBe('What is your full name?');

    const audit = await store.staff.listAudit({ target: 'parking-permit' });
    expect(audit.map((e) => [e.action, e.detail])).toContainEqual([
      'unpublish-form',
      `${today} ${until}`,
    ]);
  }, 120_000);

  it('refuses a form that was never published (exit 1) and a missing message (exit 2), saying why', async () => {
    const { dataDir, env } = await database(kind);
    const unknown = await civicFormsOn(
      dataDir,
      ['unpublish', 'blue-badge', '--message', 'Closed.'],
      '',
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'blue-badge: no published form has this id (publish it first: civic-forms publish)',
    );
    const silent = await civicFormsOn(dataDir, ['unpublish', 'parking-permit'], '', env);
    expect(silent.code).toBe(2);
    expect(silent.stderr).toContain('--message: the words people will see on the closed page');
    expect(silent.stderr).toContain('Usage: civic-forms unpublish <formId>');
  }, 120_000);
});
