import { sql } from 'kysely';
import type { Db } from './database';
import type { Tables } from './tables';

/** A table of the store, by name. */
export type TableName = keyof Tables;

/**
 * A read-only look inside the store for tests and operators' checks: counts and rows of a table,
 * and its column names, the same on both databases. Nothing else outside the store writes SQL.
 */
export interface StoreInspector {
  count(table: TableName): Promise<number>;
  /** Every row, in the order they were written where the table records it, else by key. */
  rows(table: TableName): Promise<Array<Record<string, unknown>>>;
  columns(table: TableName): Promise<string[]>;
}

/** Each table's order: when its rows were written where it records that, else its key. */
const ORDER: Record<TableName, readonly string[]> = {
  audit_events: ['id'],
  journey_events: ['id'],
  sessions: ['id'],
  session_drafts: ['session_id', 'draft_id'],
  drafts: ['created_at', 'id'],
  submissions: ['submitted_at', 'reference'],
  users: ['created_at', 'id'],
  sign_in_failures: ['key'],
  resume_codes: ['code_digest'],
  resume_attempts: ['subject'],
  satisfaction: ['id'],
  feedback_comments: ['id'],
  job_leases: ['name'],
  deliveries: ['id'],
  api_keys: ['created_at', 'id'],
  receipts: ['at', 'reference'],
  form_versions: ['published_at', 'form_id', 'version'],
  form_releases: ['id'],
  upload_blobs: ['stored_at', 'key'],
  upload_blob_chunks: ['blob_key', 'seq'],
};

/** The inspector on either database. */
export function storeInspector(db: Db): StoreInspector {
  return {
    async count(table) {
      const row = await db.q
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async rows(table) {
      const order = sql.join(ORDER[table].map((column) => sql.ref(column)));
      const query = sql<
        Record<string, unknown>
      >`SELECT * FROM ${sql.table(table)} ORDER BY ${order}`;
      return (await query.execute(db.q)).rows;
    },
    async columns(table) {
      if (db.kind === 'sqlite') {
        const info = await sql<{
          name: string;
        }>`SELECT name FROM pragma_table_info(${table})`.execute(db.q);
        return info.rows.map((row) => row.name);
      }
      const info = await sql<{
        column_name: string;
      }>`SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(
        db.q,
      );
      return info.rows.map((row) => row.column_name);
    },
  };
}
