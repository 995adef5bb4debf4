import pino from 'pino';
import { readConfig } from './config';
import { formatProblem } from './definition/problem';
import { createApp } from './web/app';
import { startAppPurgeJob } from './web/app-purge-job';

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
  const server = app.listen(port, host, () => {
    console.log(`civic-forms is serving ${app.forms.size} form(s) on http://localhost:${port}`);
  });
  // Expired sessions, saved drafts and resume codes are deleted as the service runs.
  const purge = startAppPurgeJob(app, pino({ level: app.config.logLevel }));
  const stop = () => {
    purge.stop();
    server.close(() => void app.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
