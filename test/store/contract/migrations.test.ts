import { execFile } from 'node:child_process';
import path from 'node:path';
import { POSTGRES_MIGRATIONS } from '../../../src/store/postgres-migrations';
import { SQLITE_MIGRATIONS } from '../../../src/store/sqlite-migrations';
import type { Store } from '../../../src/store/store';
import { DATABASES, newTestLocation, openStoreAt, type TestLocation } from '../support/databases';
import { queryRawSql, runRawSql } from '../support/raw-sql';

/** How many steps this code knows for the database. */
const known = (kind: TestLocation['kind']) =>
  kind === 'sqlite' ? SQLITE_MIGRATIONS.length : POSTGRES_MIGRATIONS.length;

/** The schema version the database records: `PRAGMA user_version`, or the `schema_version` rows. */
async function recordedVersions(location: TestLocation): Promise<number[]> {
  const rows = await queryRawSql(
    location,
    location.kind === 'sqlite'
      ? 'SELECT user_version AS version FROM pragma_user_version'
      : 'SELECT version FROM schema_version',
  );
  return rows.map((row) => Number(row.version));
}

/** Sets the schema version the database records, as a newer civic-forms would have. */
function recordVersion(location: TestLocation, version: number): Promise<void> {
  return runRawSql(
    location,
    location.kind === 'sqlite'
      ? `PRAGMA user_version = ${version}`
      : `UPDATE schema_version SET version = ${version}`,
  );
}

const OPENER = path.join(__dirname, '..', 'support', 'open-store-process.ts');

/** Opens the store at `location` in a process of its own; resolves with its exit code and errors. */
function openInAnotherProcess(location: TestLocation): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'tsx/cjs', OPENER, JSON.stringify(location)],
      { env: { PATH: process.env.PATH ?? '' } },
      (error, _stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? -1) : 0, stderr });
      },
    );
  });
}

describe.each(DATABASES)('store contract on %s: migrations', (kind) => {
  it('applies the schema once when five stores in one process open a new database at the same moment', async () => {
    const location = await newTestLocation(kind);
    const opened = await Promise.allSettled(Array.from({ length: 5 }, () => openStoreAt(location)));
    const stores = opened.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    try {
      expect(opened.map((result) => result.status)).toEqual(Array(5).fill('fulfilled'));
      expect(await recordedVersions(location)).toEqual([known(kind)]);
      // Each of them works on the one schema. (One after the other: two SQLite connections in one
      // process cannot write at the same moment; see staff.test.ts.)
      for (const [i, store] of stores.entries()) {
        await store.sessions.setSession(`sid-${i}`, '{}', Date.now() + 60_000);
      }
      expect(await stores[0]?.inspect.count('sessions')).toBe(5);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  }, 60_000);

  it('applies the schema once when five separate processes open a new database at once', async () => {
    const location = await newTestLocation(kind);
    const runs = await Promise.all(Array.from({ length: 5 }, () => openInAnotherProcess(location)));
    expect(runs).toEqual(Array(5).fill({ code: 0, stderr: '' }));
    expect(await recordedVersions(location)).toEqual([known(kind)]);
    expect(await queryRawSql(location, 'SELECT id FROM sessions')).toHaveLength(5);
  }, 120_000);

  it('opens a database already up to date without changing it', async () => {
    const location = await newTestLocation(kind);
    let store: Store = await openStoreAt(location);
    await store.sessions.setSession('sid-kept', '{"kept":true}', Date.now() + 60_000);
    await store.close();
    store = await openStoreAt(location);
    try {
      expect(await recordedVersions(location)).toEqual([known(kind)]);
      expect(await store.sessions.getSession('sid-kept', Date.now())).toBe('{"kept":true}');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses a database a newer civic-forms upgraded, naming both versions, and keeps it as it was', async () => {
    const location = await newTestLocation(kind);
    const store = await openStoreAt(location);
    await store.sessions.setSession('sid-kept', '{"kept":true}', Date.now() + 60_000);
    await store.close();
    const newer = known(kind) + 1;
    await recordVersion(location, newer);

    const refused = await openStoreAt(location).then(
      async (opened) => {
        await opened.close();
        return { code: 'opened', message: '' };
      },
      (error: { code: string; message: string }) => error,
    );
    expect(refused.code).toBe('DATABASE_NEWER');
    expect(refused.message).toContain(`is at schema version ${newer}`);
    expect(refused.message).toContain(`knows versions up to ${known(kind)}`);
    expect(await recordedVersions(location)).toEqual([newer]);
    expect(await queryRawSql(location, 'SELECT id, data FROM sessions')).toEqual([
      { id: 'sid-kept', data: '{"kept":true}' },
    ]);
  }, 60_000);
});
