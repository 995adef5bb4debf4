import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { NewUser, Role, SignInFailurePolicy, User, UserRecord } from './accounts';
import type { AuditAction, AuditEvent, AuditQuery, NewAuditEvent } from './audit-events';
import type { Db } from './database';
import type { Tables } from './tables';

/** Staff accounts, sign-in throttling and the append-only audit trail. */
export interface StaffRepository {
  /** Adds an account; undefined when the username (in any case) is taken. */
  addUser(user: NewUser): Promise<User | undefined>;
  /** The account with this username, in any case, with its password hash. */
  findUser(username: string): Promise<UserRecord | undefined>;
  findUserById(id: string): Promise<User | undefined>;
  /** Every account, or those of one agency, by username. */
  listUsers(agency?: string): Promise<User[]>;
  /** Disables or enables an account; false when there is no such username. */
  setUserDisabled(username: string, disabled: boolean): Promise<boolean>;
  /** Gives an account another role; false when there is no such username. */
  setUserRole(username: string, role: Role): Promise<boolean>;
  /** Moves an account to another agency; false when there is no such username. */
  setUserAgency(username: string, agency: string): Promise<boolean>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  /** When the latest lock on any of these keys ends (ms since the epoch), or 0 when none is locked. */
  signInLockedUntil(keys: string[], now: number): Promise<number>;
  /** Counts a failed sign-in for a key, atomically; returns when its lock ends, or 0 if unlocked. */
  recordSignInFailure(key: string, now: number, policy: SignInFailurePolicy): Promise<number>;
  clearSignInFailures(key: string): Promise<void>;
  /**
   * Deletes the counts of failed sign-ins whose window opened at or before `windowOpenedBefore`
   * and whose lock, if any, has ended by `now`; returns how many went.
   */
  purgeSignInFailures(windowOpenedBefore: number, now: number): Promise<number>;
  /** Appends to the audit trail, which can never be changed or deleted. */
  appendAudit(event: NewAuditEvent): Promise<void>;
  listAudit(query?: AuditQuery): Promise<AuditEvent[]>;
}

/** Listing without a limit still stops here, so a typo cannot print a million lines. */
const MOST_LISTED = 10_000;

function toRecord(row: Selectable<Tables['users']>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    agency: row.agency,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordHash: row.password_hash,
  };
}

function toUser(row: Selectable<Tables['users']>): User {
  const { passwordHash: _hidden, ...user } = toRecord(row);
  return user;
}

function toEvent(row: Selectable<Tables['audit_events']>): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id ?? undefined,
    actorUsername: row.actor_username,
    action: row.action as AuditAction,
    target: row.target ?? undefined,
    detail: row.detail ?? undefined,
    clientIp: row.client_ip ?? undefined,
    userAgent: row.user_agent ?? undefined,
    agency: row.agency ?? undefined,
  };
}

/** Case-insensitive, as usernames are unique whatever their case. */
const sameName = (column: 'username' | 'actor_username', name: string) =>
  sql<boolean>`lower(${sql.ref(column)}) = ${name.toLowerCase()}`;

/** The staff repository on either database. */
export function staffRepository(db: Db): StaffRepository {
  const byId = (id: string) =>
    db.q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  const changeUser = async (username: string, change: Partial<Tables['users']>) => {
    const result = await db.q
      .updateTable('users')
      .set({ ...change, updated_at: db.now() })
      .where(sameName('username', username))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  };
  return {
    async addUser(user) {
      const id = randomUUID();
      const now = db.now();
      const added = await db.q
        .insertInto('users')
        .values({
          id,
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          agency: user.agency,
          password_hash: user.passwordHash,
          disabled: 0,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(added.numInsertedOrUpdatedRows ?? 0) !== 1) return undefined;
      const row = await byId(id);
      return row ? toUser(row) : undefined;
    },
    async findUser(username) {
      const row = await db.q
        .selectFrom('users')
        .selectAll()
        .where(sameName('username', username))
        .executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async findUserById(id) {
      const row = await byId(id);
      return row ? toUser(row) : undefined;
    },
    async listUsers(agency) {
      const rows = await db.q
        .selectFrom('users')
        .selectAll()
        .$if(agency !== undefined, (qb) => qb.where('agency', '=', agency as string))
        .orderBy('username')
        .execute();
      return rows.map(toUser);
    },
    setUserDisabled: (username, disabled) => changeUser(username, { disabled: disabled ? 1 : 0 }),
    setUserRole: (username, role) => changeUser(username, { role }),
    setUserAgency: (username, agency) => changeUser(username, { agency }),
    async setPasswordHash(id, passwordHash) {
      await db.q
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: db.now() })
        .where('id', '=', id)
        .execute();
    },
    async signInLockedUntil(keys, now) {
      if (keys.length === 0) return 0;
      const rows = await db.q
        .selectFrom('sign_in_failures')
        .select('locked_until')
        .where('key', 'in', keys)
        .execute();
      const until = Math.max(0, ...rows.map((row) => row.locked_until));
      return until > now ? until : 0;
    },
    recordSignInFailure(key, now, policy) {
      // One transaction holding the key's row, so two processes counting failures never lose one.
      return db.write(async ({ q, kind }) => {
        await q
          .insertInto('sign_in_failures')
          .values({ key, failures: 0, window_start: 0, locked_until: 0 })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const row = await q
          .selectFrom('sign_in_failures')
          .selectAll()
          .where('key', '=', key)
          .$if(kind === 'postgres', (query) => query.forUpdate())
          .executeTakeFirstOrThrow();
        const fresh = row.window_start <= now - policy.windowMs;
        const failures = (fresh ? 0 : row.failures) + 1;
        const locks = failures >= policy.limit;
        const lockedUntil = locks ? now + policy.lockMs : row.locked_until;
        await q
          .updateTable('sign_in_failures')
          .set({
            // A lock starts a new count, so the next lock needs `limit` more failures after it ends.
            failures: locks ? 0 : failures,
            window_start: fresh || locks ? now : row.window_start,
            locked_until: lockedUntil,
          })
          .where('key', '=', key)
          .execute();
        return lockedUntil > now ? lockedUntil : 0;
      });
    },
    async clearSignInFailures(key) {
      await db.q.deleteFrom('sign_in_failures').where('key', '=', key).execute();
    },
    async purgeSignInFailures(windowOpenedBefore, now) {
      // Once the window is over and the lock (if any) has ended, the next failure starts afresh.
      const result = await db.q
        .deleteFrom('sign_in_failures')
        .where('window_start', '<=', windowOpenedBefore)
        .where('locked_until', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async appendAudit(event) {
      await db.q
        .insertInto('audit_events')
        .values({
          at: event.at,
          actor_id: event.actorId ?? null,
          actor_username: event.actorUsername,
          action: event.action,
          target: event.target ?? null,
          detail: event.detail ?? null,
          client_ip: event.clientIp ?? null,
          user_agent: event.userAgent?.slice(0, 200) ?? null,
          agency: event.agency ?? null,
        })
        .execute();
    },
    async listAudit(query = {}) {
      const rows = await db.q
        .selectFrom('audit_events')
        .selectAll()
        .$if(query.since !== undefined, (qb) => qb.where('at', '>=', query.since as number))
        .$if(query.actorUsername !== undefined, (qb) =>
          qb.where(sameName('actor_username', query.actorUsername as string)),
        )
        .$if(query.target !== undefined, (qb) => qb.where('target', '=', query.target as string))
        .$if(query.agency !== undefined, (qb) => qb.where('agency', '=', query.agency as string))
        .orderBy('id', 'desc')
        .limit(Math.min(query.limit ?? MOST_LISTED, MOST_LISTED))
        .execute();
      return rows.reverse().map(toEvent);
    },
  };
}
