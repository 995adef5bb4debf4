import fs from 'node:fs';
import path from 'node:path';
import { openSqliteStore } from '../store/sqlite-store';
import { COPY_ORDER } from '../store/maintenance';
import type { Store } from '../store/store';
import type { CommandIo } from './users';

export const MIGRATE_USAGE = `Usage: civic-forms migrate
  Brings the database's schema up to this version of civic-forms and says which version it is at:
  PostgreSQL at DATABASE_URL, otherwise the SQLite file in DATA_DIR. The service does the same when it
  starts (N processes starting at once apply each step once); run it first to upgrade before a deploy.`;

export const MIGRATE_DATA_USAGE = `Usage: civic-forms migrate-data --from <sqlite file>
  Copies everything a SQLite deployment keeps (staff, audit trail, drafts, submissions, sessions,
  saved drafts, figures) into the empty PostgreSQL database at DATABASE_URL, in one transaction, ids
  and times kept. The SQLite file is first brought up to this version's schema. Stop the service
  first; point it at DATABASE_URL afterwards. Refused when the PostgreSQL database holds data.`;

/** `civic-forms migrate`: the store is opened (and so upgraded) by the caller; say where it is. */
export async function migrate(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
): Promise<number> {
  if (args.length > 0) {
    io.err(`migrate takes no arguments (found ${args.join(' ')})`);
    io.err(MIGRATE_USAGE);
    return 2;
  }
  const version = await store.maintenance.schemaVersion();
  const kind = store.kind === 'postgres' ? 'PostgreSQL' : 'SQLite';
  io.out(`the ${kind} database is at schema version ${version}, the latest this civic-forms knows`);
  return 0;
}

/** Tables whose rows mean the target is already in use. */
const IN_USE = ['users', 'drafts', 'submissions', 'audit_events', 'journey_events'] as const;

/** `civic-forms migrate-data --from <file>`: copies a SQLite deployment into PostgreSQL. */
export async function migrateData(
  target: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
): Promise<number> {
  const [flag, file, ...rest] = args;
  if (flag !== '--from' || !file || rest.length > 0) {
    io.err(MIGRATE_DATA_USAGE);
    return 2;
  }
  if (target.kind !== 'postgres') {
    io.err('migrate-data copies into PostgreSQL: set DATABASE_URL to the new database');
    return 1;
  }
  const from = path.resolve(file);
  if (!fs.existsSync(from)) {
    io.err(
      `migrate-data: ${from} does not exist (expected the SQLite file, e.g. data/civic-forms.sqlite)`,
    );
    return 1;
  }
  for (const table of IN_USE) {
    const rows = await target.inspect.count(table);
    if (rows > 0) {
      io.err(
        `migrate-data: the PostgreSQL database already holds data (${rows} row(s) in ${table}); copy only into an empty one`,
      );
      return 1;
    }
  }
  const source = openSqliteStore({ file: from });
  try {
    const tables = [];
    for (const table of COPY_ORDER) tables.push([table, await source.inspect.rows(table)] as const);
    await target.maintenance.importTables(tables);
    await target.maintenance.afterImport();
    const counts = tables.map(([table, rows]) => `${rows.length} ${table}`).join(', ');
    io.out(`copied ${from} into PostgreSQL: ${counts}`);
    return 0;
  } finally {
    await source.close();
  }
}
