import { openPostgresStore } from '../../src/store/postgres-store';
import type { Store } from '../../src/store/store';
import { HttpVisitor } from '../support/http-visitor';
import { panelCode } from '../support/panel-code';
import { REPAIR_FORM, reachRepairCheckAnswers, uniqueName } from '../support/repair-journey';
import { startService, type ServiceProcess } from '../support/service-process';
import { postgresSchemaUrl } from '../store/support/databases';

// Two real server processes on one PostgreSQL schema, as behind a load balancer without sticky
// sessions: each test has a schema of its own.
describe('two processes on one PostgreSQL database', () => {
  let processes: ServiceProcess[] = [];
  let store: Store | undefined;

  beforeEach(async () => {
    const databaseUrl = await postgresSchemaUrl();
    // Started one after the other: the second finds the schema migrated (the lock is tested in
    // the store's own tests) and both print when they serve.
    processes = [];
    for (let i = 0; i < 2; i += 1) {
      processes.push(await startService({ DATABASE_URL: databaseUrl }));
    }
    store = await openPostgresStore({ connectionString: databaseUrl });
  }, 180_000);

  afterEach(async () => {
    await store?.close();
    await Promise.all(processes.map((p) => p.stop()));
  }, 60_000);

  it('loses nothing when a journey hops to the other process on every request', async () => {
    let request = 0;
    const served: string[] = [];
    const visitor = new HttpVisitor(() => {
      const url = processes[request++ % 2]!.url;
      served.push(url);
      return url;
    });
    const name = uniqueName(7);
    const pages = await reachRepairCheckAnswers(visitor, name);
    expect(pages).toHaveLength(10);
    expect(new Set(served).size).toBe(2);

    const check = await visitor.get(`${REPAIR_FORM}/check-answers`);
    expect(check.status).toBe(200);
    // Every answer given on whichever process is on the page the other one shows.
    for (const shown of [
      name,
      `The radiators are cold (${name}).`,
      'Ring the top bell',
      '12 Station Road',
      '01632 960 001',
    ]) {
      expect(check.html).toContain(shown);
    }
    const sent = await visitor.post(`${REPAIR_FORM}/check-answers`, {});
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${REPAIR_FORM}/confirmation`);
    const confirmation = await visitor.get(`${REPAIR_FORM}/confirmation`);
    const reference = panelCode(confirmation.html) ?? '';
    expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);

    expect(await store!.inspect.count('submissions')).toBe(1);
    const submission = await store!.journeys.findSubmission(reference);
    expect(submission?.answers).toMatchObject({
      'problem-type': 'heating',
      'tenant-name': name,
      'access-notes': 'Ring the top bell',
      urgency: 'daily-life',
    });
  }, 180_000);

  it('gives one submission and one reference for 20 simultaneous submits through both', async () => {
    const visitor = new HttpVisitor(() => processes[0]!.url);
    await reachRepairCheckAnswers(visitor, uniqueName(20));
    await visitor.get(`${REPAIR_FORM}/check-answers`);
    // The same browser session (cookie and CSRF token) sending "Send" 20 times at once, the
    // requests spread over both processes.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        visitor.tab(() => processes[i % 2]!.url).post(`${REPAIR_FORM}/check-answers`, {}),
      ),
    );
    expect(answers.map((a) => `${a.status} ${a.location}`)).toEqual(
      Array.from({ length: 20 }, () => `303 ${REPAIR_FORM}/confirmation`),
    );

    // Both processes show the same reference on the confirmation page.
    const references = new Set<string>();
    for (const p of processes) {
      const page = await visitor.tab(() => p.url).get(`${REPAIR_FORM}/confirmation`);
      expect(page.status).toBe(200);
      references.add(panelCode(page.html) ?? '');
    }
    expect(references.size).toBe(1);
    expect(await store!.inspect.count('submissions')).toBe(1);
    const [row] = await store!.inspect.rows('submissions');
    expect(references).toEqual(new Set([row?.reference]));
  }, 180_000);
});
