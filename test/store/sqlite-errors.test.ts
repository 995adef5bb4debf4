import Database from 'better-sqlite3';
import { fromSqliteError } from '../../src/store/driver-errors';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { StoreUnavailableError } from '../../src/store/store-unavailable';
import { cappedStore, fillUp } from '../support/full-database';

describe('sqlite store: a database it cannot use', () => {
  it('reports a full database (SQLITE_FULL, as on a full disk) as DATABASE_UNAVAILABLE, and ping says so', async () => {
    const { store } = cappedStore();
    try {
      await expect(store.ping()).resolves.toBeUndefined();
      const fillers = await fillUp(store);
      expect(fillers.length).toBeGreaterThan(50);
      const refused = await store.sessions
        .setSession('new-visitor-session', JSON.stringify({ csrfToken: 'a'.repeat(64) }), 0)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(StoreUnavailableError);
      expect(refused).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        status: 503,
        cause: { code: 'SQLITE_FULL' },
      });
      await expect(store.ping()).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        cause: { code: 'SQLITE_FULL' },
      });
      // Reading still works, and room made again is used again.
      expect(await store.sessions.getSession(fillers[0] ?? '', 0)).toBe('x'.repeat(100));
      for (const id of fillers) await store.sessions.destroySession(id);
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  }, 60_000);

  it('reports a closed connection as DATABASE_UNAVAILABLE', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    await store.close();
    await expect(store.sessions.getSession('any', 0)).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
    });
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('leaves a mistake in a statement as the driver reported it', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
    db.prepare('INSERT INTO t VALUES (?)').run('a');
    let constraint: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run('a');
    } catch (error) {
      constraint = error;
    }
    db.close();
    expect(constraint).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(fromSqliteError(constraint)).toBe(constraint);
  });
});
