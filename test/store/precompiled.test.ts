import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { rootDb, type Db } from '../../src/store/database';
import { precompiled } from '../../src/store/precompiled';
import { withCachedStatements } from '../../src/store/sqlite-statements';
import type { Tables } from '../../src/store/tables';
import { DATABASES, postgresSchemaUrl, type TestDatabase } from './support/databases';

async function openDb(kind: TestDatabase): Promise<Db> {
  const q =
    kind === 'sqlite'
      ? new Kysely<Tables>({
          dialect: new SqliteDialect({
            database: withCachedStatements(new Database(':memory:')),
          }),
        })
      : new Kysely<Tables>({
          dialect: new PostgresDialect({
            pool: new pg.Pool({ connectionString: await postgresSchemaUrl(), max: 1 }),
          }),
        });
  await sql`CREATE TABLE sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at BIGINT NOT NULL, user_id TEXT)`.execute(
    q,
  );
  return rootDb(kind, q, Date.now, () => 'REF');
}

const upsert = precompiled(
  (q, id: string, data: string, expiresAt: number, userId: string | null) =>
    q
      .insertInto('sessions')
      .values({ id, data, expires_at: expiresAt, user_id: userId })
      .onConflict((oc) => oc.column('id').doUpdateSet({ data, expires_at: expiresAt })),
);
const live = precompiled((q, id: string, now: number) =>
  q
    .selectFrom('sessions')
    .select(['id', 'data'])
    .where('id', '=', id)
    .where('expires_at', '>', now),
);

describe.each(DATABASES)('precompiled on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(kind);
  }, 60_000);
  afterAll(() => db.q.destroy());

  it('runs one compiled query with each call’s values, a value used twice included', async () => {
    await upsert(db, 'sid-amara', '{"journeys":{}}', 2_000, null);
    await upsert(db, 'sid-bea', '{"lang":"cy"}', 3_000, 'u-1');
    await upsert(db, 'sid-amara', '{"journeys":{"parking-permit":"abc"}}', 4_000, null);
    expect((await live(db, 'sid-amara', 1_000)).rows).toEqual([
      { id: 'sid-amara', data: '{"journeys":{"parking-permit":"abc"}}' },
    ]);
    expect((await live(db, 'sid-bea', 2_500)).rows).toEqual([
      { id: 'sid-bea', data: '{"lang":"cy"}' },
    ]);
    expect((await live(db, 'sid-bea', 3_000)).rows).toEqual([]);
  });

  it('runs inside a transaction the same way', async () => {
    await db.write(async (tx) => {
      await upsert(tx, 'sid-cai', '{}', 5_000, null);
      expect((await live(tx, 'sid-cai', 0)).rows).toEqual([{ id: 'sid-cai', data: '{}' }]);
    });
  });

  it('refuses a query with a value that is not one of its arguments', async () => {
    // A fixed value would be run with whatever the first call compiled: it must be an argument.
    const fixed = precompiled((q, id: string) =>
      q.selectFrom('sessions').select('id').where('id', '=', id).where('data', '=', '{}'),
    );
    await expect(fixed(db, 'sid-cai')).rejects.toThrow(/not an argument/);
  });
});
