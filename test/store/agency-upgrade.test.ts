import { hashPassword } from '../../src/caseworker/password-hash';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations';
import type { Store } from '../../src/store/store';
import { h1, testApp, Visitor } from '../support/agent';
import { PASSWORD, signIn } from '../support/caseworker';
import { DATABASES, newTestLocation, openStoreAt, type TestLocation } from './support/databases';
import { runRawSql } from './support/raw-sql';

/** The steps a database had before staff belonged to agencies (the step that adds `agency`). */
function stepsBefore(kind: 'sqlite' | 'postgres'): readonly string[] {
  const steps = kind === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS;
  const agencies = steps.findIndex((step) => step.includes('ALTER TABLE users ADD COLUMN agency'));
  expect(agencies).toBeGreaterThan(0);
  return steps.slice(0, agencies);
}

/**
 * A single-agency deployment as the previous civic-forms left it: its schema made by every step
 * before agencies, a caseworker's account, a submission of its one form, and audit lines.
 */
async function previousDeployment(kind: 'sqlite' | 'postgres'): Promise<TestLocation> {
  const location = await newTestLocation(kind);
  const steps = stepsBefore(kind);
  const version =
    kind === 'sqlite'
      ? `PRAGMA user_version = ${steps.length};`
      : `CREATE TABLE schema_version (version INTEGER NOT NULL);
         INSERT INTO schema_version (version) VALUES (${steps.length});`;
  const hash = await hashPassword(PASSWORD);
  await runRawSql(
    location,
    `${steps.join('\n')}
    ${version}
    INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at, updated_at)
      VALUES ('u-1', 'sian.evans', 'Siân Evans', 'caseworker', '${hash}', 0, 1750064400000, 1750064400000);
    INSERT INTO submissions (reference, transaction_id, form_id, form_version, answers, language,
      channel, submitted_at, caseworker_id, received_on)
      VALUES ('K7QM-3XPD-9C', 't-1', 'parking-permit', '1.0', '{"full-name":"Amara Okafor"}', 'en',
        'online', 1750064400000, NULL, NULL);
    INSERT INTO audit_events (at, actor_id, actor_username, action, target)
      VALUES (1750064400000, 'u-1', 'sian.evans', 'sign-in', NULL),
             (1750064460000, 'u-1', 'sian.evans', 'view-submission', 'K7QM-3XPD-9C');`,
  );
  return location;
}

// Each sign-in hashes with scrypt; a busy shared machine.
jest.setTimeout(120_000);

describe.each(DATABASES)('upgrading a single-agency deployment on %s', (kind) => {
  let store: Store | undefined;
  afterEach(() => store?.close());

  it('puts its staff and audit trail in the default agency, with no manual step', async () => {
    store = await openStoreAt(await previousDeployment(kind));
    expect(await store.staff.findUser('sian.evans')).toMatchObject({
      role: 'caseworker',
      agency: 'default',
    });
    const audit = await store.staff.listAudit();
    expect(audit.map((e) => [e.action, e.agency])).toEqual([
      ['sign-in', 'default'],
      ['view-submission', 'default'],
    ]);
    expect(await store.staff.listAudit({ agency: 'default' })).toHaveLength(2);
  });

  it('lets its caseworker sign in and find its submissions as before', async () => {
    store = await openStoreAt(await previousDeployment(kind));
    // The fixture forms have no agencies folder: every form is the default agency's, as before.
    const app = testApp({ store });
    store = undefined;
    try {
      const visitor = new Visitor(app);
      expect((await signIn(visitor, 'sian.evans')).headers.location).toBe('/caseworker');
      const home = await visitor.get('/caseworker');
      expect(home.status).toBe(200);
      expect(home.text).toContain('Apply for a resident parking permit');
      const found = await visitor.get('/caseworker/search?reference=k7qm 3xpd 9c');
      expect(found.headers.location).toBe('/caseworker/submissions/K7QM-3XPD-9C');
      const page = await visitor.get('/caseworker/submissions/K7QM-3XPD-9C');
      expect(page.status).toBe(200);
      expect(h1(page.text)?.replace(/\s/g, '')).toBe('SubmissionK7QM-3XPD-9C');
      expect(page.text).toContain('Amara Okafor');
      const viewed = await app.store.staff.listAudit({ target: 'K7QM-3XPD-9C' });
      expect(viewed.at(-1)).toMatchObject({ action: 'view-submission', agency: 'default' });
    } finally {
      await app.close();
    }
  });
});
