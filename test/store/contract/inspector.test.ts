import type { TableName } from '../../../src/store/inspector';
import type { Store } from '../../../src/store/store';
import { DATABASES, openTestStore } from '../support/databases';

const TABLES: readonly TableName[] = [
  'sessions',
  'session_drafts',
  'drafts',
  'submissions',
  'users',
  'sign_in_failures',
  'audit_events',
  'resume_codes',
  'resume_attempts',
  'journey_events',
  'satisfaction',
  'feedback_comments',
  'job_leases',
];

const AT = Date.parse('2025-06-16T09:00:00Z');

describe.each(DATABASES)('store contract on %s: inspector', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  }, 60_000);
  afterEach(() => store.close());

  it('counts nothing in a new store', async () => {
    for (const table of TABLES)
      expect([table, await store.inspect.count(table)]).toEqual([table, 0]);
  });

  it('gives rows with times as numbers, in the order they were written', async () => {
    for (const id of ['d-2', 'd-1', 'd-3']) {
      await store.journeys.saveDraft({
        id,
        formId: 'parking-permit',
        formVersion: '1.0',
        answers: { a: id },
        done: [],
        language: 'en',
        channel: 'online',
        createdAt: AT + Number(id.slice(2)) * (id === 'd-1' ? 10 : 1),
        updatedAt: AT,
      });
    }
    const rows = await store.inspect.rows('drafts');
    expect(rows.map((row) => row.id)).toEqual(['d-2', 'd-3', 'd-1']);
    expect(rows[0]).toEqual({
      id: 'd-2',
      form_id: 'parking-permit',
      form_version: '1.0',
      answers: '{"a":"d-2"}',
      done: '[]',
      language: 'en',
      channel: 'online',
      caseworker_id: null,
      received_on: null,
      created_at: AT + 2,
      updated_at: AT,
    });
    expect(await store.inspect.count('drafts')).toBe(3);
  });

  it('orders rows of a table with no time by its key', async () => {
    for (const key of ['user:b', 'ip:a', 'user:a']) {
      await store.staff.recordSignInFailure(key, AT, { limit: 5, windowMs: 1, lockMs: 1 });
    }
    expect((await store.inspect.rows('sign_in_failures')).map((row) => row.key)).toEqual([
      'ip:a',
      'user:a',
      'user:b',
    ]);
  });

  it('names the columns of a table', async () => {
    expect(await store.inspect.columns('sessions')).toEqual([
      'id',
      'data',
      'expires_at',
      'user_id',
    ]);
  });
});

describe('store contract: both databases', () => {
  it('hold the same tables with the same columns in the same order', async () => {
    const sqlite = await openTestStore('sqlite');
    const postgres = await openTestStore('postgres');
    try {
      for (const table of TABLES) {
        const columns = await sqlite.inspect.columns(table);
        expect(columns.length).toBeGreaterThan(1);
        expect([table, await postgres.inspect.columns(table)]).toEqual([table, columns]);
      }
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  }, 60_000);
});
