import type { Logger } from 'pino';
import type { Config } from '../config';
import { deleteDeliveredSubmissions } from '../delivery/retention';
import { startPurgeJob, type CleanUpSteps } from '../resume/purge-job';
import { resumePolicy } from '../resume/resume-policy';
import type { ExpiredDraft } from '../store/resume-records';
import type { Store } from '../store/store';
import type { BlobStore } from '../uploads/blob-store';
import { sweepBlobs, SWEEP_GRACE_MS } from '../uploads/blob-sweep';
import type { CivicFormsApp } from './app';

/**
 * The clean-up's steps from the configuration, the same for the server and `civic-forms purge`:
 * drafts kept `RESUME_EXPIRY_DAYS`; with `SUBMISSION_RETENTION_DAYS`, submissions every destination
 * has had that long (`deleteDeliveredSubmissions`); with a blob store (a form asks for a file),
 * uploaded files no draft or submission holds any more (`sweepBlobs`).
 *
 * @example
 *   const steps = cleanUpSteps({ config, store, blobs, agencyOf, onExpired });
 *   await cleanUpOnce(store, Date.now(), steps);
 */
export function cleanUpSteps(parts: {
  config: Config;
  store: Store;
  blobs: BlobStore | undefined;
  /** The agency of a form, recorded on each retention deletion's audit line. */
  agencyOf: ((formId: string) => string) | undefined;
  onExpired: (draft: ExpiredDraft) => void;
}): CleanUpSteps {
  const { config, store, blobs, agencyOf, onExpired } = parts;
  const days = config.submissionRetentionDays;
  return {
    maxAgeMs: resumePolicy(config).expiryMs,
    onExpired,
    sweep: blobs && ((now) => sweepBlobs(blobs, store.journeys, now - SWEEP_GRACE_MS)),
    retention:
      days === undefined
        ? undefined
        : (now) =>
            deleteDeliveredSubmissions(store, now, { keepMs: days * 86_400_000, blobs, agencyOf }),
  };
}

/**
 * Starts an app's clean-up of expired data on its configured interval (`startPurgeJob`) with the
 * steps `cleanUpSteps` gives, recording an `expired` journey event for each saved draft whose code
 * ran out unused: a save not resumed in time counts as not completed (docs/kpis.md).
 *
 * @example
 *   const purge = startAppPurgeJob(app, pino());
 *   process.once('SIGTERM', () => purge.stop());
 */
export function startAppPurgeJob(
  app: CivicFormsApp,
  logger: Logger,
  now?: () => number,
): { stop(): void } {
  return startPurgeJob(app.store, {
    ...cleanUpSteps({
      config: app.config,
      store: app.store,
      blobs: app.uploads?.blobs,
      agencyOf: (formId) => app.agencies.ofForm(formId).agency.id,
      onExpired: (draft) => app.kpi.events.draftEvent(draft, 'expired', draft.expiredAt),
    }),
    intervalMs: app.config.purgeIntervalMinutes * 60_000,
    logger,
    now,
  });
}
