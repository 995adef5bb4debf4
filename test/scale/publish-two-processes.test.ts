import path from 'node:path';
import { openPostgresStore } from '../../src/store/postgres-store';
import type { Store } from '../../src/store/store';
import { civicFormsIn } from '../support/cli';
import { withBlueBadge, writeVersion } from '../support/form-versions';
import { HttpVisitor } from '../support/http-visitor';
import { startService, type ServiceProcess } from '../support/service-process';
import { postgresSchemaUrl } from '../store/support/databases';

const FORM = '/parking-permit';
const ROOT = path.join(__dirname, '..', '..');

/** Where a new person lands after giving their name: 1.0's contact page or 1.1's new question. */
async function pageAfterName(url: string): Promise<string> {
  const visitor = new HttpVisitor(() => url);
  await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  return visitor.answer(`${FORM}/full-name`, { 'full-name': 'Dafydd Rees' });
}

/** Asks until `check` holds or `timeoutMs` passes: a condition waited for, not a fixed pause. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

// Two real server processes serving published versions from one PostgreSQL schema; a third
// process, the command line, publishes a new version while they run.
describe('publishing while two processes serve on PostgreSQL', () => {
  let processes: ServiceProcess[] = [];
  let store: Store | undefined;
  let databaseUrl: string;
  let formsDir: string;

  beforeEach(async () => {
    databaseUrl = await postgresSchemaUrl();
    formsDir = path.dirname(writeVersion('1.0'));
    processes = [];
    for (let i = 0; i < 2; i += 1) {
      processes.push(
        await startService({
          DATABASE_URL: databaseUrl,
          FORMS_SOURCE: 'database',
          FORMS_DIR: formsDir,
          FORMS_POLL_SECONDS: '0.5',
        }),
      );
    }
    store = await openPostgresStore({ connectionString: databaseUrl });
  }, 180_000);

  afterEach(async () => {
    await store?.close();
    await Promise.all(processes.map((p) => p.stop()));
  }, 60_000);

  it('serves a version published from the command line on every process without a restart, while a draft started before finishes on its own version', async () => {
    // The first process published the folder's 1.0 at start-up; the second found it stored.
    expect(await store!.inspect.count('form_versions')).toBe(1);
    for (const p of processes) expect(await pageAfterName(p.url)).toBe(`${FORM}/contact`);

    // Someone starts on process 0 before the new version.
    const person = new HttpVisitor(() => processes[0]!.url);
    await person.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    await person.answer(`${FORM}/full-name`, { 'full-name': 'Amara Okafor' });

    const file = writeVersion('1.1', withBlueBadge(false));
    const run = await civicFormsIn(ROOT, ['publish', file], {
      DATABASE_URL: databaseUrl,
      FORMS_DIR: formsDir,
    });
    expect(run.stdout).toContain(`published  parking-permit 1.1 (${path.relative(ROOT, file)})`);
    expect(run.code).toBe(0);
    // The same content again changes nothing.
    const again = await civicFormsIn(ROOT, ['publish', file], { DATABASE_URL: databaseUrl });
    expect(again.stdout).toContain(
      'unchanged  parking-permit 1.1: this content is already the published version',
    );
    expect(again.code).toBe(0);
    expect(await store!.inspect.count('form_versions')).toBe(2);

    // Every process serves 1.1 to newcomers within its poll interval, without a restart.
    for (const p of processes) {
      const served = await eventually(
        async () => (await pageAfterName(p.url)) === `${FORM}/blue-badge`,
        60_000,
      );
      expect(served).toBe(true);
    }

    // The person who started on 1.0 carries on, on the other process, on 1.0.
    const onOther = person.tab(() => processes[1]!.url);
    const contact = await onOther.get(`${FORM}/contact`);
    expect(contact.status).toBe(200);
    expect(contact.html).not.toContain('Blue Badge');
  }, 240_000);
});
