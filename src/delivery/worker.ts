import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import type { FormDefinition } from '../definition/types';
import { submittedOn, type VersionLookup } from '../publishing/draft-version';
import type { Delivery } from '../store/delivery-repository';
import type { Store } from '../store/store';
import { deliver, type SendingDestination } from './deliver';
import type { DeliveryFiles } from './delivery-files';
import type { DeliveryOutcome } from './delivery-outcome';
import type { DestinationsConfig } from './destination';
import { nextTry } from './retry-schedule';

/** What the delivery worker works with. */
export interface DeliveryWorkerOptions {
  store: Store;
  /** The current version of each form; with `version`, every version submissions may name. */
  forms: VersionLookup;
  /** The agency a form belongs to, named in each webhook's payload. */
  agencyOf?: (formId: string) => string;
  /** That agency's name in a language, named in each email; the default agency's when undefined. */
  agencyNameOf?: (formId: string, lang: string) => string | undefined;
  destinations: DestinationsConfig;
  i18n: i18n;
  /** Uploaded files and the signer of their links, for forms with file questions. */
  files?: DeliveryFiles;
  /** Names this worker's claims; by default the host, process and a random part. */
  workerId?: string;
  /** Milliseconds since the epoch, for claims and the retry schedule (tests move it on). */
  clock?: () => number;
  /** Numbers in [0, 1) for the retry schedule's jitter. */
  rng?: () => number;
  /** How long a claim holds; a worker that dies mid-try lets its rows go after this. */
  leaseMs?: number;
  /**
   * The operator's claim time (`DELIVERY_CLAIM_SECONDS`), used for `leaseMs` when that is not
   * given: never shorter than the longest destination time limit and 10 seconds.
   */
  claimMs?: number;
  /** The most deliveries claimed and tried at once. */
  batchSize?: number;
  /** How long the loop waits after finding nothing due, or after the database failed. */
  pollMs?: number;
  logger?: Logger;
}

/** The outbox's worker: claims due deliveries, tries each, records how it went. */
export interface DeliveryWorker {
  readonly id: string;
  /** Claims and tries what is due now, once; resolves with how many were tried. */
  runOnce(): Promise<number>;
  /** Runs `runOnce` over and over until `stop`. */
  start(): void;
  /** Stops the loop after the tries under way are recorded. */
  stop(): Promise<void>;
}

/** A claim lasts at least this long, whatever the destinations' time limits. */
const MIN_LEASE_MS = 2 * 60_000;

/**
 * Longer than any try can take: the longest time limit, and a minute for the PDF and the database;
 * or the operator's claim time, if at least the longest time limit and 10 seconds.
 */
function defaultLease(config: DestinationsConfig, claimMs: number | undefined): number {
  const limits = [...config.destinations.values()].map((d) => ('timeoutMs' in d ? d.timeoutMs : 0));
  const longest = Math.max(0, ...limits);
  if (claimMs !== undefined) return Math.max(claimMs, longest + 10_000);
  return Math.max(MIN_LEASE_MS, longest + 60_000);
}

/** Why a delivery cannot be tried with the service as configured: the operator must fix it. */
function unsendable(
  row: Delivery,
  form: FormDefinition | undefined,
  destination: ReturnType<DestinationsConfig['destinations']['get']>,
): string | undefined {
  if (!destination) return `not-configured: no destination "${row.destination}"`;
  if (destination.type === 'pull-api') return `not-configured: "${row.destination}" is pulled`;
  if (!form) return `not-configured: no form "${row.formId}"`;
  return undefined;
}

/** The line recorded for a failed try: the failure and its technical detail, never a body. */
function failureLine(outcome: Extract<DeliveryOutcome, { ok: false }>): string {
  return `${outcome.failure}: ${outcome.detail}`;
}

/**
 * The delivery worker. It runs inside each process of `npm start` (unless `DELIVERY_WORKER=false`)
 * and as `civic-forms deliver`; any number may run on one database, each claiming different rows.
 * A try that fails is retried on the destinations' schedule (`nextTry`), then dead-lettered.
 *
 * @example
 *   const worker = createDeliveryWorker({ store, forms, destinations, i18n });
 *   worker.start();
 *   process.once('SIGTERM', () => void worker.stop());
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { store, forms, destinations, logger } = options;
  const id = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const clock = options.clock ?? Date.now;
  const leaseMs = options.leaseMs ?? defaultLease(destinations, options.claimMs);
  const batchSize = options.batchSize ?? 10;
  const pollMs = options.pollMs ?? 5_000;

  const attempt = async (row: Delivery): Promise<DeliveryOutcome | string> => {
    const form = forms.get(row.formId);
    const destination = destinations.destinations.get(row.destination);
    const why = unsendable(row, form, destination);
    if (why || !form) return why ?? 'not-configured';
    const submission = await store.journeys.findSubmission(row.reference);
    if (!submission) return 'not-found: the submission is no longer stored';
    // The payload and the email say what the version the person applied on asked.
    const made = submittedOn(forms, submission) ?? form;
    try {
      return await deliver(
        {
          destination: destination as SendingDestination,
          submission,
          form: made,
          agency: options.agencyOf?.(form.id),
          agencyName: options.agencyNameOf?.(form.id, made.language),
        },
        { i18n: options.i18n, files: options.files },
      );
    } catch (error) {
      // A fault of ours (the PDF, a template): recorded and retried like a receiver's failure.
      return `internal: ${(error as Error).name}`;
    }
  };

  const record = async (row: Delivery, outcome: DeliveryOutcome | string): Promise<void> => {
    const at = clock();
    if (typeof outcome !== 'string' && outcome.ok) {
      await store.deliveries.markDelivered(row.id, id, at);
      logger?.info({ reference: row.reference, destination: row.destination }, 'delivered');
      return;
    }
    const error = typeof outcome === 'string' ? outcome : failureLine(outcome);
    const tries = { attempts: row.attempts + 1, sinceFirstMs: at - (row.firstTriedAt ?? at) };
    const next = nextTry(destinations.retry, tries, options.rng);
    await store.deliveries.markFailed(row.id, id, {
      at,
      error,
      next: next === 'dead' ? 'dead' : { nextTryAt: at + next.delayMs },
    });
    logger?.warn(
      { reference: row.reference, destination: row.destination, error, dead: next === 'dead' },
      next === 'dead' ? 'delivery dead-lettered' : 'delivery failed; will retry',
    );
  };

  const runOnce = async (): Promise<number> => {
    const rows = await store.deliveries.claimDue(id, clock(), leaseMs, batchSize);
    await Promise.all(rows.map(async (row) => record(row, await attempt(row))));
    return rows.length;
  };

  let running: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async (): Promise<void> => {
    while (!stopping) {
      let tried = 0;
      try {
        tried = await runOnce();
      } catch (error) {
        // The database is down, say: nothing is lost (the rows stay), try again after a pause.
        logger?.error({ err: error }, 'delivery worker could not claim or record deliveries');
      }
      if (tried === 0 && !stopping) await pause(pollMs);
    }
  };

  return {
    id,
    runOnce,
    start() {
      stopping = false;
      running ??= loop().finally(() => {
        running = undefined;
      });
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}
