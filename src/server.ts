import cluster from 'node:cluster';
import pino from 'pino';
import { readConfig, type Config } from './config';
import { formatProblem } from './definition/problem';
import { createService } from './service';
import { startAppDeliveryWorker } from './web/app-delivery-worker';
import { startAppPurgeJob } from './web/app-purge-job';
import { LOG_SERIALISERS } from './web/log-serialisers';

/**
 * Starts the service: reads the environment, builds the app through the composition root, listens.
 * With `WORKERS` above 1 (PostgreSQL only), this process starts that many workers sharing the port
 * and starts another when one dies; each is a whole, stateless service on the same database.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    console.error(`civic-forms cannot start: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  if (config.workers > 1 && cluster.isPrimary) {
    superviseWorkers(config.workers);
    return;
  }
  await serve(config);
}

/** Runs `count` workers, replacing any that dies until the service is told to stop. */
function superviseWorkers(count: number): void {
  let stopping = false;
  const listened = new Set<number>();
  for (let i = 0; i < count; i += 1) cluster.fork();
  cluster.on('listening', (worker) => listened.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listened.has(worker.id)) {
      // It could not start (it printed why): another would fail the same way, so stop them all.
      stopping = true;
      process.exitCode = 1;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
      return;
    }
    console.error(
      `civic-forms worker ${worker.process.pid} stopped (${signal ?? code}); starting another`,
    );
    cluster.fork();
  });
  console.log(`civic-forms is starting ${count} workers`);
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function serve(config: Config): Promise<void> {
  let app;
  try {
    app = await createService(config);
  } catch (error) {
    const e = error as { code?: string; problems?: unknown[]; message: string };
    if (e.code === 'DEFINITION_INVALID' && Array.isArray(e.problems)) {
      console.error(
        `civic-forms cannot start: ${e.problems.length} problem(s) in the form definitions:`,
      );
      for (const p of e.problems) console.error(`  ${formatProblem(p as never)}`);
    } else {
      console.error(`civic-forms cannot start: ${e.message}`);
    }
    process.exitCode = 1;
    return;
  }
  const { port, host } = app.config;
  const started = app;
  const server = app.listen(port, host, (error?: NodeJS.ErrnoException) => {
    if (error) {
      console.error(`civic-forms cannot start: ${listenProblem(error, host, port)}`);
      process.exitCode = 1;
      void started.close();
      return;
    }
    const where = started.store.kind === 'postgres' ? 'PostgreSQL' : 'SQLite';
    console.log(
      `civic-forms is serving ${started.forms.size} form(s) on http://localhost:${port} (${where}, process ${process.pid})`,
    );
    // Expired sessions, saved drafts and resume codes are deleted as the service runs.
    const logger = pino({ level: started.config.logLevel, serializers: LOG_SERIALISERS });
    const purge = startAppPurgeJob(started, logger);
    // Submissions waiting in the outbox are sent in the background (docs/delivery.md); on stop,
    // a delivery under way finishes (or its claim runs out) before the database closes.
    const delivery = startAppDeliveryWorker(started, logger);
    server.once('close', () => {
      void Promise.resolve(delivery?.stop()).then(() => started.close());
    });
    const stop = () => {
      purge.stop();
      // Pages listening for development's live reload would hold the server open.
      started.endStreams();
      // A worker's channel to the primary would keep it running: disconnecting closes the server
      // (as close() does) and lets go of the channel.
      if (cluster.isWorker) cluster.worker?.disconnect();
      else server.close();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Why the server could not listen, in one line an operator can act on. */
function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use (EADDRINUSE): stop what uses it or set PORT to a free port`;
    case 'EACCES':
      return `no permission to listen on port ${port} (EACCES): use a port above 1023 or give the service that right`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this machine (EADDRNOTAVAIL): check HOST`;
    default:
      return `cannot listen on ${host}:${port} (${error.code ?? error.message})`;
  }
}

void main();
