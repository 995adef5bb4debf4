import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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
});
