import type { Logger } from 'pino';
import { startPurgeJob } from '../resume/purge-job';
import { resumePolicy } from '../resume/resume-policy';
import { sweepBlobs, SWEEP_GRACE_MS } from '../uploads/blob-sweep';
import type { CivicFormsApp } from './app';

/**
 * Starts an app's clean-up of expired data on its configured interval (`startPurgeJob`), recording
 * an `expired` journey event for each saved draft whose code ran out unused: a save not resumed in
 * time counts as not completed (docs/kpis.md). Uploaded files no draft or submission holds any more
 * go in the same run (`sweepBlobs`).
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
  return startPurgeJob(app.store, {
    intervalMs: app.config.purgeIntervalMinutes * 60_000,
    maxAgeMs: resumePolicy(app.config).expiryMs,
    logger,
    now,
    onExpired: (draft) => app.kpi.events.draftEvent(draft, 'expired', draft.expiredAt),
    sweep:
      uploads && ((now) => sweepBlobs(uploads.blobs, app.store.journeys, now - SWEEP_GRACE_MS)),
  });
}
