import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { forgetOldSignInFailures } from '../caseworker/sign-in-throttle';
import type { ExpiredDraft, PurgeResult } from '../store/resume-records';
import type { Store } from '../store/store';

/** What one clean-up deleted, sessions and old counts of failed sign-ins included. */
export interface PurgeCounts extends PurgeResult {
  sessions: number;
  signInFailures: number;
}

/**
 * Deletes what has expired: sessions, resume codes with their drafts, drafts nothing reaches
 * any more once they are `maxAgeMs` old, and counts of failed sign-ins past the throttle's window.
 *
 * @example
 *   await purgeNow(store, Date.now(), 28 * 24 * 60 * 60_000);
 */
export async function purgeNow(store: Store, now: number, maxAgeMs: number): Promise<PurgeCounts> {
  const sessions = await store.sessions.purgeExpiredSessions(now);
  const purged = await store.resume.purgeExpired(now, maxAgeMs);
  const signInFailures = await forgetOldSignInFailures(store, now);
  return { ...purged, sessions, signInFailures };
}

/** What one clean-up needs besides the store: how old a draft may get, and the optional steps. */
export interface CleanUpSteps {
  /** How long a saved draft is kept (`RESUME_EXPIRY_DAYS`). */
  maxAgeMs: number;
  /** Told of each saved draft deleted because its code ran out unused (for the figures). */
  onExpired?: (draft: ExpiredDraft) => void;
  /** Deletes what the deleted drafts held outside the database (uploaded files); how many. */
  sweep?: (now: number) => Promise<number>;
  /** Deletes submissions kept their time after every destination had them; how many. */
  retention?: (now: number) => Promise<number>;
}

/** What one whole clean-up deleted; `submissions` and `files` only where those steps ran. */
export type CleanUpCounts = Omit<PurgeCounts, 'expired'> & { submissions?: number; files?: number };

/**
 * One whole clean-up, as the server runs it on its interval and `civic-forms purge` runs it once:
 * `purgeNow`, then each expired draft told to `onExpired`, then retention, then the sweep of files
 * (after retention, so the files of a submission deleted now go in the same run).
 *
 * @example
 *   const counts = await cleanUpOnce(store, Date.now(), { maxAgeMs: 28 * 86_400_000 });
 */
export async function cleanUpOnce(
  store: Store,
  now: number,
  steps: CleanUpSteps,
): Promise<CleanUpCounts> {
  const { expired, ...counts } = await purgeNow(store, now, steps.maxAgeMs);
  expired.forEach((draft) => steps.onExpired?.(draft));
  const kept = steps.retention ? { submissions: await steps.retention(now) } : {};
  const files = steps.sweep ? { files: await steps.sweep(now) } : {};
  return { ...counts, ...kept, ...files };
}

/**
 * Runs the clean-up (`cleanUpOnce`) now and every `intervalMs`, on a timer that never keeps the
 * process alive. With N processes on one database, one of them runs it each interval: each run
 * first claims a lease (`store.jobs`) that its holder renews and the others may take only once it
 * has run out. The clean-up is idempotent anyway (a draft's expiry is reported by the transaction
 * that deleted it).
 */
export function startPurgeJob(
  store: Store,
  options: CleanUpSteps & {
    intervalMs: number;
    logger: Logger;
    /** The clock, for tests; `Date.now` by default. */
    now?: () => number;
  },
): { stop(): void } {
  const holder = randomUUID();
  const run = async () => {
    try {
      const now = (options.now ?? Date.now)();
      const leaseUntil = now + Math.round(options.intervalMs * 1.5);
      if (!(await store.jobs.claimJob('purge', holder, now, leaseUntil))) return;
      const counts = await cleanUpOnce(store, now, options);
      options.logger.info({ event: 'purge', ...counts }, 'expired data deleted');
    } catch (error) {
      options.logger.error({ event: 'purge', err: error }, 'the clean-up failed');
    }
  };
  const timer = setInterval(() => void run(), options.intervalMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
