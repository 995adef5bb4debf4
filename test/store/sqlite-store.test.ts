import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { tempDataDir } from '../support/agent';

// What only SQLite has; every behaviour of the store is in test/store/contract/, on both databases.
describe('sqlite store: the database file', () => {
  it('is in WAL mode, so readers never wait for the writer', async () => {
    const file = path.join(tempDataDir(), 'data', 'civic-forms.sqlite');
    const store = openSqliteStore({ file });
    const other = new Database(file);
    try {
      await store.sessions.setSession('sid-amara', '{}', Date.now() + 60_000);
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
    } finally {
      other.close();
      await store.close();
    }
  });

  // The last connection to a file to close checkpoints its write-ahead log and removes it: a
  // connection this process left open would keep it.
  const walLeft = (file: string) => fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`);

  it('lets go of the file when closed, used or not (a migration opens and closes it unused)', async () => {
    const file = path.join(tempDataDir(), 'civic-forms.sqlite');
    const used = openSqliteStore({ file });
    await used.sessions.setSession('sid-amara', '{}', Date.now() + 60_000);
    await used.close();
    expect(walLeft(file)).toBe(false);
    await openSqliteStore({ file }).close();
    expect(walLeft(file)).toBe(false);
  });

  it('lets go of a file it refuses as newer than the code', async () => {
    const file = path.join(tempDataDir(), 'civic-forms.sqlite');
    const earlier = openSqliteStore({ file });
    await earlier.sessions.setSession('sid-amara', '{}', Date.now() + 60_000);
    await earlier.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`);
    raw.close();
    expect(walLeft(file)).toBe(false);
    expect(() => openSqliteStore({ file })).toThrow(/is at schema version/);
    expect(walLeft(file)).toBe(false);
  });
});
