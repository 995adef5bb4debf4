import pino from 'pino';
import { readConfig } from './config';
import { formatProblem } from './definition/problem';
import { createApp } from './web/app';
import { startAppPurgeJob } from './web/app-purge-job';
import { LOG_SERIALISERS } from './web/log-serialisers';

/** Starts the service: reads the environment, builds the app, listens. Nothing else listens. */
function main(): void {
  let app;
  try {
    app = createApp(readConfig());
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
    console.log(`civic-forms is serving ${started.forms.size} form(s) on http://localhost:${port}`);
    // Expired sessions, saved drafts and resume codes are deleted as the service runs.
    const logger = pino({ level: started.config.logLevel, serializers: LOG_SERIALISERS });
    const purge = startAppPurgeJob(started, logger);
    const stop = () => {
      purge.stop();
      server.close(() => void started.close());
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

main();
