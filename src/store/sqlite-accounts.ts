import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { NewUser, Role, SignInFailurePolicy, User, UserRecord } from './accounts';
import type { Store } from './store';

/** The store methods for staff accounts and sign-in throttling. */
export type AccountMethods = Pick<
  Store,
  | 'addUser'
  | 'findUser'
  | 'findUserById'
  | 'listUsers'
  | 'setUserDisabled'
  | 'setPasswordHash'
  | 'signInLockedUntil'
  | 'recordSignInFailure'
  | 'clearSignInFailures'
>;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

interface FailureRow {
  failures: number;
  window_start: number;
  locked_until: number;
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordHash: row.password_hash,
  };
}

function toUser(row: UserRow): User {
  const { passwordHash: _hidden, ...user } = toRecord(row);
  return user;
}

/** Staff accounts and sign-in failures on an open SQLite database. */
export function sqliteAccounts(db: Database.Database): AccountMethods {
  const sql = {
    insertUser: db.prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at, updated_at)
       VALUES (@id, @username, @displayName, @role, @passwordHash, 0, @now, @now)
       ON CONFLICT (username) DO NOTHING`,
    ),
    byUsername: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
    byId: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
    all: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username'),
    setDisabled: db.prepare(
      'UPDATE users SET disabled = @disabled, updated_at = @now WHERE username = @username',
    ),
    setHash: db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?'),
    lockedUntil: db.prepare<[string], { locked_until: number }>(
      'SELECT locked_until FROM sign_in_failures WHERE key = ?',
    ),
    failure: db.prepare<[string], FailureRow>('SELECT * FROM sign_in_failures WHERE key = ?'),
    saveFailure: db.prepare(
      `INSERT INTO sign_in_failures (key, failures, window_start, locked_until)
       VALUES (@key, @failures, @windowStart, @lockedUntil)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
         window_start = excluded.window_start, locked_until = excluded.locked_until`,
    ),
    clearFailures: db.prepare('DELETE FROM sign_in_failures WHERE key = ?'),
  };

  // One write transaction, so two processes counting failures for the same key never lose one.
  const recordFailure = db.transaction(
    (key: string, now: number, policy: SignInFailurePolicy): number => {
      const row = sql.failure.get(key);
      const fresh = !row || row.window_start <= now - policy.windowMs;
      const failures = (fresh ? 0 : row.failures) + 1;
      const locks = failures >= policy.limit;
      const lockedUntil = locks ? now + policy.lockMs : (row?.locked_until ?? 0);
      sql.saveFailure.run({
        key,
        // A lock starts a new count, so the next lock needs `limit` more failures after it ends.
        failures: locks ? 0 : failures,
        windowStart: fresh || locks ? now : row.window_start,
        lockedUntil,
      });
      return lockedUntil > now ? lockedUntil : 0;
    },
  );

  return {
    async addUser(user: NewUser) {
      const id = randomUUID();
      const now = new Date().toISOString();
      const added = sql.insertUser.run({ ...user, id, now }).changes === 1;
      return added ? toUser(sql.byId.get(id) as UserRow) : undefined;
    },
    async findUser(username) {
      const row = sql.byUsername.get(username);
      return row ? toRecord(row) : undefined;
    },
    async findUserById(id) {
      const row = sql.byId.get(id);
      return row ? toUser(row) : undefined;
    },
    async listUsers() {
      return sql.all.all().map(toUser);
    },
    async setUserDisabled(username, disabled) {
      const now = new Date().toISOString();
      return sql.setDisabled.run({ username, disabled: disabled ? 1 : 0, now }).changes === 1;
    },
    async setPasswordHash(id, passwordHash) {
      sql.setHash.run(passwordHash, new Date().toISOString(), id);
    },
    async signInLockedUntil(keys, now) {
      const until = Math.max(0, ...keys.map((key) => sql.lockedUntil.get(key)?.locked_until ?? 0));
      return until > now ? until : 0;
    },
    async recordSignInFailure(key, now, policy) {
      return recordFailure.immediate(key, now, policy);
    },
    async clearSignInFailures(key) {
      sql.clearFailures.run(key);
    },
  };
}
