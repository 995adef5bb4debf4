import type { Logger } from 'pino';
import { deleteDeliveredSubmissions } from '../delivery/retention';
import { startPurgeJob } from '../resume/purge-job';
import { resumePolicy } from '../resume/resume-policy';
import { sweepBlobs, SWEEP_GRACE_MS } from '../uploads/blob-sweep';
import type { CivicFormsApp } from './app';

/**
 * Starts an app's clean-up of expired data on its configured interval (`startPurgeJob`), recording
 * an `expired` journey event for each saved draft whose code ran out unused: a save not resumed in
 * time counts as not completed (docs/kpis.md). With `SUBMISSION_RETENTION_DAYS`, submissions every
 * destination has had that long go too (`deleteDeliveredSubmissions`). Uploaded files no draft or
 * submission holds any more go in the same run (`sweepBlobs`).
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
  const uploads = app.uploads;
  const days = app.config.submissionRetentionDays;
  return startPurgeJob(app.store, {
    intervalMs: app.config.purgeIntervalMinutes * 60_000,
    maxAgeMs: resumePolicy(app.config).expiryMs,
    logger,
    now,
    onExpired: (draft) => app.kpi.events.draftEvent(draft, 'expired', draft.expiredAt),
    sweep:
      uploads && ((now) => sweepBlobs(uploads.blobs, app.store.journeys, now - SWEEP_GRACE_MS)),
    retention:
      days === undefined
        ? undefined
        : (now) =>
            deleteDeliveredSubmissions(app.store, now, {
              keepMs: days * 86_400_000,
              blobs: uploads?.blobs,
              agencyOf: (formId) => app.agencies.ofForm(formId).agency.id,
            }),
  });
}
