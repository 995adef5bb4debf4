import type Database from 'better-sqlite3';
import type { AuditAction, AuditEvent, NewAuditEvent } from './audit-events';
import type { Store } from './store';

/** The store methods for the audit trail. */
export type AuditMethods = Pick<Store, 'appendAudit' | 'listAudit'>;

interface AuditRow {
  id: number;
  at: string;
  actor_id: string | null;
  actor_username: string;
  action: string;
  target: string | null;
  detail: string | null;
  client_ip: string | null;
  user_agent: string | null;
}

function toEvent(row: AuditRow): AuditEvent {
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
  };
}

/** Listing without a limit still stops here, so a typo cannot print a million lines. */
const MOST_LISTED = 10_000;

/**
 * The audit trail on an open SQLite database: rows are only ever inserted (triggers in the schema
 * refuse UPDATE and DELETE).
 */
export function sqliteAudit(db: Database.Database): AuditMethods {
  const insert = db.prepare(
    `INSERT INTO audit_events (at, actor_id, actor_username, action, target, detail, client_ip, user_agent)
     VALUES (@at, @actorId, @actorUsername, @action, @target, @detail, @clientIp, @userAgent)`,
  );
  const list = db.prepare<
    { since: string | null; user: string | null; target: string | null; limit: number },
    AuditRow
  >(
    `SELECT * FROM (
       SELECT * FROM audit_events
       WHERE (@since IS NULL OR at >= @since)
         AND (@user IS NULL OR actor_username = @user COLLATE NOCASE)
         AND (@target IS NULL OR target = @target)
       ORDER BY id DESC LIMIT @limit
     ) ORDER BY id`,
  );
  return {
    async appendAudit(event: NewAuditEvent) {
      insert.run({
        ...event,
        actorId: event.actorId ?? null,
        target: event.target ?? null,
        detail: event.detail ?? null,
        clientIp: event.clientIp ?? null,
        userAgent: event.userAgent?.slice(0, 200) ?? null,
      });
    },
    async listAudit(query = {}) {
      return list
        .all({
          since: query.since ?? null,
          user: query.actorUsername ?? null,
          target: query.target ?? null,
          limit: Math.min(query.limit ?? MOST_LISTED, MOST_LISTED),
        })
        .map(toEvent);
    },
  };
}
