// Run as a process of its own (node -r tsx/cjs): opens the store at the test location given as
// JSON in argv[2] (bringing its schema up to date), writes one session, and closes. Exits 0 when
// all of that worked, else prints the error's code and message and exits 1.
import { openPostgresStore } from '../../../src/store/postgres-store';
import { openSqliteStore } from '../../../src/store/sqlite-store';
import type { TestLocation } from './databases';

async function main(): Promise<void> {
  const location = JSON.parse(process.argv[2] ?? '{}') as TestLocation;
  const store =
    location.kind === 'sqlite'
      ? openSqliteStore({ file: location.file })
      : await openPostgresStore({ connectionString: location.url });
  try {
    await store.sessions.setSession(`sid-${process.pid}`, '{}', Date.now() + 60_000);
  } finally {
    await store.close();
  }
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error: { code?: string; message?: string }) => {
    process.stderr.write(`${error.code ?? ''} ${error.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
