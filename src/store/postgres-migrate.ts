import type { Pool } from 'pg';
import { DatabaseNewerError } from './database-newer';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';

/** An advisory lock number only civic-forms' migrations take ("civicfrm" in ASCII). */
const MIGRATION_LOCK = 0x63697669636672n;

/**
 * Brings a PostgreSQL database up to this code's schema, forward only, in one transaction holding an
 * advisory lock: N processes starting at once apply each step once, the others wait and then find
 * nothing to do. Refuses a database newer than the code.
 */
export async function migratePostgres(pool: Pool, where: string): Promise<void> {
  const known = POSTGRES_MIGRATIONS.length;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const version = rows[0]?.version ?? 0;
    if (version > known) throw new DatabaseNewerError(where, version, known);
    for (const step of POSTGRES_MIGRATIONS.slice(version)) await client.query(step);
    if (rows.length === 0) {
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [known]);
    } else if (version < known) {
      await client.query('UPDATE schema_version SET version = $1', [known]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
