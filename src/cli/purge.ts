import pino from 'pino';
import { readConfig } from '../config';
import { loadForms } from '../definition/load';
import { formatProblem, type Problem } from '../definition/problem';
import { cleanUpOnce, type CleanUpCounts } from '../resume/purge-job';
import type { Store } from '../store/store';
import { cleanUpSteps } from '../web/app-purge-job';
import { createKpi } from '../web/kpi/kpi';
import { LOG_SERIALISERS } from '../web/log-serialisers';
import { anyFileQuestion } from '../web/uploads/file-pages';
import { configuredBlobs } from '../web/uploads/uploads-setup';
import { deploymentAgencies } from './deployment-agencies';
import { PURGE_USAGE } from './purge-usage';
import type { CommandIo } from './users';

/** `civic-forms purge`: runs the server's whole clean-up once and says what it deleted. */
export async function purge(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
  now = Date.now(),
): Promise<number> {
  if (args.length > 0) {
    io.err(`purge takes no arguments (found ${args.join(' ')})`);
    io.err(PURGE_USAGE);
    return 2;
  }
  const config = readConfig();
  let forms: ReturnType<typeof loadForms>;
  try {
    forms = loadForms(config.formsDir);
  } catch (error) {
    // The same problems the service would refuse to start with, one line each.
    const problems = (error as { problems?: Problem[] }).problems;
    if (!Array.isArray(problems)) throw error;
    problems.forEach((p) => io.err(formatProblem(p)));
    return 1;
  }
  // Warnings and errors only, on stderr: standard output says what was deleted.
  const logger = pino({ level: 'warn', serializers: LOG_SERIALISERS }, pino.destination(2));
  const agencyOf = deploymentAgencies()?.agencyOf;
  // The expired saves count as not completed, as when the server deletes them.
  const kpi = createKpi(store, { secret: config.sessionSecret, logger, agencyOf });
  let counts: CleanUpCounts;
  try {
    counts = await cleanUpOnce(
      store,
      now,
      cleanUpSteps({
        config,
        store,
        // The server's own files, only where a form asks for one (as the server decides).
        blobs: anyFileQuestion(forms) ? configuredBlobs(config, store, logger) : undefined,
        agencyOf,
        onExpired: (draft) => kpi.events.draftEvent(draft, 'expired', draft.expiredAt),
      }),
    );
  } finally {
    // Written even when a later step failed: the saves already deleted keep their events.
    await kpi.recorder.close();
  }
  io.out(
    `deleted ${counts.drafts} draft(s), ${counts.codes} resume code(s), ` +
      `${counts.sessions} session(s), ${counts.attempts} old count(s) of wrong tries ` +
      `and ${counts.signInFailures} old count(s) of failed sign-ins` +
      (counts.submissions === undefined
        ? ''
        : `; ${counts.submissions} submission(s) past their retention`) +
      (counts.files === undefined ? '' : `; ${counts.files} uploaded file(s) nothing holds`),
  );
  return 0;
}
