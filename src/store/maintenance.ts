import { sql } from 'kysely';
import type { Db } from './database';
import type { TableName } from './inspector';

/** The tables in the order a copy must fill them (none refers to a later one). */
export const COPY_ORDER: readonly TableName[] = [
  'users',
  'sign_in_failures',
  'audit_events',
  'drafts',
  'submissions',
  'sessions',
  'session_drafts',
  'resume_codes',
  'resume_attempts',
  'journey_events',
  'satisfaction',
  'feedback_comments',
  'form_versions',
  'form_releases',
];

/** Rows a statement inserts at most, within both databases' limits on parameters. */
const ROWS_A_STATEMENT = 200;

/**
 * Whole-table work for `civic-forms migrate-data`: rows written exactly as read from another store
 * (ids and times kept), and the identity counters moved past them.
 */
export interface StoreMaintenance {
  /** The schema version of this database (the number of migration steps applied). */
  schemaVersion(): Promise<number>;
  /** Writes tables' rows as they are, ids included, all in one transaction. */
  importTables(
    tables: ReadonlyArray<readonly [TableName, ReadonlyArray<Record<string, unknown>>]>,
  ): Promise<void>;
  /** After an import: new audit and journey events are numbered after the ones imported. */
  afterImport(): Promise<void>;
}

/** The maintenance operations on either database. */
export function storeMaintenance(db: Db): StoreMaintenance {
  return {
    async schemaVersion() {
      if (db.kind === 'sqlite') {
        const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db.q);
        return rows[0]?.user_version ?? 0;
      }
      const { rows } = await sql<{ version: number }>`SELECT version FROM schema_version`.execute(
        db.q,
      );
      return rows[0]?.version ?? 0;
    },
    importTables(tables) {
      return db.write(async ({ q }) => {
        for (const [table, rows] of tables) {
          for (let i = 0; i < rows.length; i += ROWS_A_STATEMENT) {
            // The rows come from the same schema on the other database: columns match by name.
            await q
              .insertInto(table)
              .values(rows.slice(i, i + ROWS_A_STATEMENT) as never)
              .execute();
          }
        }
      });
    },
    async afterImport() {
      if (db.kind !== 'postgres') return;
      for (const table of ['audit_events', 'journey_events', 'form_releases'] as const) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'),
          COALESCE((SELECT MAX(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(db.q);
      }
    },
  };
}
