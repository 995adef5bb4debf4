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

/**
 * Runs the clean-up now and every `intervalMs`, on a timer that never keeps the process alive. With
 * N processes on one database, one of them runs it each interval: each run first claims a lease
 * (`store.jobs`) that its holder renews and the others may take only once it has run out. The
 * clean-up is idempotent anyway (a draft's expiry is reported by the transaction that deleted it).
 */
export function startPurgeJob(
  store: Store,
  options: {
    intervalMs: number;
    maxAgeMs: number;
    logger: Logger;
    /** The clock, for tests; `Date.now` by default. */
    now?: () => number;
    /** Told of each saved draft deleted because its code ran out unused (for the figures). */
    onExpired?: (draft: ExpiredDraft) => void;
    /** Deletes what the deleted drafts held outside the database (uploaded files); how many. */
    sweep?: (now: number) => Promise<number>;
    /** Deletes submissions kept their time after every destination had them; how many. */
    retention?: (now: number) => Promise<number>;
  },
): { stop(): void } {
  const holder = randomUUID();
  const run = async () => {
    try {
      const now = (options.now ?? Date.now)();
      const leaseUntil = now + Math.round(options.intervalMs * 1.5);
      if (!(await store.jobs.claimJob('purge', holder, now, leaseUntil))) return;
      const { expired, ...counts } = await purgeNow(store, now, options.maxAgeMs);
      expired.forEach((draft) => options.onExpired?.(draft));
      // Before the sweep: the files of a submission deleted now go in the same run.
      const kept = options.retention ? { submissions: await options.retention(now) } : {};
      const files = options.sweep ? { files: await options.sweep(now) } : {};
      options.logger.info({ event: 'purge', ...counts, ...kept, ...files }, 'expired data deleted');
    } catch (error) {
      options.logger.error({ event: 'purge', err: error }, 'the clean-up failed');
    }
  };
  const timer = setInterval(() => void run(), options.intervalMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
