import net from 'node:net';
import pg from 'pg';
import { fromPostgresError } from '../../src/store/driver-errors';
import { openPostgresStore } from '../../src/store/postgres-store';
import { StoreUnavailableError } from '../../src/store/store-unavailable';
import type { Store } from '../../src/store/store';
import { postgresSchemaUrl } from './support/databases';

/** A port on 127.0.0.1 with nothing listening: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What a restart of the server does to a store's connections: each ended by the server (57P01). */
function endOtherConnections(admin: pg.Client) {
  return admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
}

/** A store on its own schema, and a client of the same database that can end its connections. */
async function storeWithAdmin(
  poolSize: number,
  run: (store: Store, admin: pg.Client) => Promise<void>,
): Promise<void> {
  const url = await postgresSchemaUrl();
  const store = await openPostgresStore({ connectionString: url, poolSize });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await run(store, admin);
  } finally {
    await admin.end();
    await store.close();
  }
}

describe('postgres store: a database it cannot use', () => {
  it('rejects opening a store whose server cannot be reached as DATABASE_UNAVAILABLE', async () => {
    const port = await closedPort();
    const refused = await openPostgresStore({
      connectionString: `postgres://postgres@127.0.0.1:${port}/test`,
    }).then(
      async (store) => {
        await store.close();
        return 'opened';
      },
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(refused).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      status: 503,
      cause: { code: 'ECONNREFUSED' },
    });
  }, 60_000);

  it('leaves a mistake in a statement as the driver reported it', async () => {
    const client = new pg.Client({ connectionString: await postgresSchemaUrl() });
    await client.connect();
    let constraint: unknown;
    try {
      await client.query('CREATE TABLE t (id TEXT PRIMARY KEY)');
      await client.query("INSERT INTO t VALUES ('a')");
      await client.query("INSERT INTO t VALUES ('a')").catch((error: unknown) => {
        constraint = error;
      });
    } finally {
      await client.end();
    }
    // 23505: unique_violation, a class of its own (23), not the server being unavailable.
    expect(constraint).toMatchObject({ code: '23505' });
    expect(fromPostgresError(constraint)).toBe(constraint);
  }, 60_000);

  it('answers DATABASE_UNAVAILABLE, never a driver error, when its connections are cut, then recovers by itself', async () => {
    await storeWithAdmin(3, async (store, admin) => {
      // Three connections in the pool, all idle.
      await Promise.all([store.ping(), store.ping(), store.ping()]);
      const cut = await endOtherConnections(admin);
      expect(cut.rowCount).toBeGreaterThanOrEqual(1);
      const outcomes = await Promise.all(
        Array.from({ length: 3 }, () =>
          store.ping().then(
            () => 'answered',
            (error: { code?: string }) => error.code,
          ),
        ),
      );
      // Each request either found a new connection or was told the database is unavailable.
      for (const outcome of outcomes)
        expect(['answered', 'DATABASE_UNAVAILABLE']).toContain(outcome);
      // And the next ones are served: no restart of the service needed.
      await expect(store.ping()).resolves.toBeUndefined();
      await store.sessions.setSession('sid-after', '{}', Date.now() + 60_000);
      expect(await store.sessions.getSession('sid-after', Date.now())).toBe('{}');
    });
  }, 60_000);

  it('answers DATABASE_UNAVAILABLE, and goes on running, when a connection in use is cut', async () => {
    await storeWithAdmin(1, async (store, admin) => {
      // The connection is checked out by the transaction when the server ends it: node-postgres
      // reports that on the connection itself, which would end the process with nobody listening.
      const outcome = await store
        .tx(async (r) => {
          await r.sessions.setSession('sid-in-tx', '{}', Date.now() + 60_000);
          await endOtherConnections(admin);
          await r.sessions.getSession('sid-in-tx', Date.now());
          return 'committed';
        })
        .catch((error: { code?: string }) => error.code);
      expect(outcome).toBe('DATABASE_UNAVAILABLE');
      // Nothing of the transaction was kept, and the next request gets a new connection.
      await expect(store.ping()).resolves.toBeUndefined();
      expect(await store.sessions.getSession('sid-in-tx', Date.now())).toBeUndefined();
    });
  }, 60_000);

  it('reads a server shutting down and a full disk as DATABASE_UNAVAILABLE', () => {
    for (const code of ['57P01', '53100', '08006', '25006']) {
      const error = Object.assign(new Error('from the server'), { code });
      expect(fromPostgresError(error)).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        cause: error,
      });
    }
  });
});
