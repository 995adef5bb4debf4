import type { CivicFormsApp } from '../../../src/web/app';
import { testApp, Visitor } from '../../support/agent';
import {
  addAccount,
  DISTINCTIVE_NAME,
  PASSWORD,
  signIn,
  submitPermitOnline,
} from '../../support/caseworker';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0';

/** Every row of the audit table, every column as stored (the store's inspector). */
function auditTable(app: CivicFormsApp): Promise<Array<Record<string, unknown>>> {
  return app.store.inspect.rows('audit_events');
}

// Each sign-in hashes with scrypt (0.3 s of a core), a PDF takes a second: on a busy shared machine.
jest.setTimeout(120_000);

describe('caseworker audit trail', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('records a failed sign-in, sign-in, viewing a submission and sign-out: who, what, from where', async () => {
    const reference = await submitPermitOnline(app);
    const user = await addAccount(app.store, 'sian.evans');
    const visitor = new Visitor(app);
    visitor.agent.set('User-Agent', BROWSER);
    await signIn(visitor, 'Sian.Evans', 'not the right password');
    await signIn(visitor, 'sian.evans');
    await visitor.get(`/caseworker/submissions/${reference}`);
    await visitor.agent.get(`/caseworker/submissions/${reference}/answers.pdf`);
    await visitor.post('/caseworker/sign-out', {});

    const rows = await auditTable(app);
    expect(rows.map((r) => [r.actor_id, r.actor_username, r.action, r.target, r.detail])).toEqual([
      [null, 'sian.evans', 'sign-in-failed', null, 'wrong-credentials'],
      [user.id, 'sian.evans', 'sign-in', null, 'password'],
      [user.id, 'sian.evans', 'view-submission', reference, null],
      [user.id, 'sian.evans', 'download-submission', reference, 'en'],
      [user.id, 'sian.evans', 'sign-out', null, null],
    ]);
    for (const row of rows) {
      // Milliseconds since the epoch, within this test's run.
      expect(row.at).toBeGreaterThan(Date.now() - 10 * 60_000);
      expect(row.at).toBeLessThanOrEqual(Date.now());
      expect(row.client_ip).toMatch(/127\.0\.0\.1$/);
      expect(row.user_agent).toBe(BROWSER);
    }
  });

  it('records a sign-in refused while locked, and never a password or an answer', async () => {
    const reference = await submitPermitOnline(app);
    await addAccount(app.store, 'sian.evans');
    const visitor = new Visitor(app);
    for (let i = 0; i < 6; i++) await signIn(visitor, 'sian.evans', `${DISTINCTIVE_NAME} ${i}`);
    await signIn(visitor, 'tomasz.nowak', PASSWORD);
    await addAccount(app.store, 'tomasz.nowak');
    const other = new Visitor(app);
    other.agent.set('User-Agent', BROWSER);
    await signIn(other, 'tomasz.nowak');
    await other.get(`/caseworker/submissions/${reference}`);
    await other.agent.get(`/caseworker/submissions/${reference}/answers.pdf`);

    const rows = await auditTable(app);
    expect(rows.filter((r) => r.detail === 'locked').map((r) => r.actor_username)).toEqual([
      'sian.evans',
    ]);
    const everything = JSON.stringify(rows);
    for (const secret of [DISTINCTIVE_NAME, 'Zephyrine', PASSWORD, 'AB12CDE', '01632']) {
      expect(everything).not.toContain(secret);
    }
  });
});
