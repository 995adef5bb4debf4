import type Database from 'better-sqlite3';
import type { Store } from './store';

/** The store methods that change an existing staff account (`civic-forms users set-role`, `reset-password`). */
export type AccountChangeMethods = Pick<Store, 'setUserRole' | 'endSignInsOf'>;

/** Account changes on an open SQLite database. */
export function sqliteAccountChanges(db: Database.Database): AccountChangeMethods {
  const sql = {
    setRole: db.prepare(
      'UPDATE users SET role = @role, updated_at = @now WHERE username = @username',
    ),
    // express-session stores each session as JSON; a staff sign-in keeps its principal under
    // `caseworker` (src/web/caseworker/caseworker-session.ts).
    endSignIns: db.prepare(
      "DELETE FROM sessions WHERE json_valid(data) AND json_extract(data, '$.caseworker.principal.id') = ?",
    ),
  };
  return {
    async setUserRole(username, role) {
      const now = new Date().toISOString();
      return sql.setRole.run({ username, role, now }).changes === 1;
    },
    async endSignInsOf(userId) {
      return sql.endSignIns.run(userId).changes;
    },
  };
}
