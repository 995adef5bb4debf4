import { parseArgs } from 'node:util';
import pino from 'pino';
import { readConfig } from '../config';
import { assertFormDestinations } from '../delivery/form-destinations-check';
import { loadDestinations } from '../delivery/load-destinations';
import { createDeliveryWorker } from '../delivery/worker';
import { deploymentAgencies } from './deployment-agencies';
import { deliveryFilesOf } from '../delivery/delivery-files';
import { anyFileQuestion } from '../web/uploads/file-pages';
import { configuredBlobs } from '../web/uploads/uploads-setup';
import { loadForms } from '../definition/load';
import { formatProblem, type Problem } from '../definition/problem';
import type { Store } from '../store/store';
import { createI18n } from '../web/i18n';
import { LOG_SERIALISERS } from '../web/log-serialisers';
import type { CommandIo } from './users';
import { DELIVER_USAGE } from './deliver-usage';

/** `civic-forms deliver`: the outbox's worker, in a process of its own. */
export async function deliverCommand(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
): Promise<number> {
  let once: boolean | undefined;
  try {
    ({
      values: { once },
    } = parseArgs({ args, options: { once: { type: 'boolean' } } }));
  } catch (error) {
    io.err((error as Error).message);
    io.err(DELIVER_USAGE);
    return 2;
  }
  const config = readConfig();
  let forms: ReturnType<typeof loadForms>;
  let destinations: ReturnType<typeof loadDestinations>;
  try {
    forms = loadForms(config.formsDir);
    destinations = loadDestinations(config.destinationsFile, config.secretEnvironment);
    assertFormDestinations(forms, destinations, config.formsDir);
  } catch (error) {
    // The same problems the service would refuse to start with, one line each.
    const problems = (error as { problems?: Problem[] }).problems;
    if (!Array.isArray(problems)) throw error;
    problems.forEach((p) => io.err(formatProblem(p)));
    return 1;
  }
  const logger = pino({ level: config.logLevel, serializers: LOG_SERIALISERS });
  // The same files the service stores, for links and attachments.
  const blobs = anyFileQuestion(forms) ? configuredBlobs(config, store, logger) : undefined;
  const deployment = deploymentAgencies();
  const worker = createDeliveryWorker({
    store,
    forms,
    agencyOf: deployment?.agencyOf,
    agencyNameOf: deployment?.nameOf,
    destinations,
    i18n: createI18n(),
    files: deliveryFilesOf(config, blobs),
    pollMs: config.deliveryPollSeconds * 1000,
    ...(config.deliveryClaimSeconds !== undefined && {
      claimMs: config.deliveryClaimSeconds * 1000,
    }),
    logger,
  });
  if (once) {
    let tried = 0;
    for (let batch = await worker.runOnce(); batch > 0; batch = await worker.runOnce()) {
      tried += batch;
    }
    io.out(`tried ${tried} delivery(ies)`);
    return 0;
  }
  io.out(`civic-forms delivery worker ${worker.id} started`);
  worker.start();
  // The worker's own timers never hold the process open: this does, until told to stop.
  const keepAlive = setInterval(() => undefined, 60_000);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(keepAlive);
  await worker.stop();
  io.out('civic-forms delivery worker stopped');
  return 0;
}
