import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { isStoreUnavailable } from '../../src/store/store-unavailable';
import type { Store } from '../../src/store/store';
import { tempDataDir } from './agent';

/** Pages of room a capped database has beyond its empty schema. */
const ROOM_PAGES = 8;

/**
 * A real SQLite store that can grow only a few pages past its empty schema (`max_page_count`), so
 * filling it makes SQLite fail writes with SQLITE_FULL exactly as on a full disk.
 */
export function cappedStore(): { store: Store; file: string } {
  const file = path.join(tempDataDir(), 'civic-forms.sqlite');
  openSqliteStore({ file }).close();
  const db = new Database(file);
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.close();
  return { store: openSqliteStore({ file, maxPageCount: pages + ROOM_PAGES }), file };
}

/**
 * Fills the store's database until not even a small row fits: rows in key order (so every page is
 * packed), then ever smaller ones into what is left. Returns the ids written, to free the room later.
 */
export async function fillUp(store: Store): Promise<string[]> {
  const ids: string[] = [];
  let size = 100;
  while (size >= 8) {
    const id = `filler-${String(ids.length).padStart(6, '0')}`;
    try {
      await store.sessions.setSession(id, 'x'.repeat(size), Date.now() + 3_600_000);
      ids.push(id);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      size = Math.floor(size / 2);
    }
  }
  return ids;
}
