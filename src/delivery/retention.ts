import type { BlobStore } from '../uploads/blob-store';
import { fileIdsIn } from '../uploads/stored-file';
import type { Store } from '../store/store';

/** Who deletes a submission after its retention, in the audit trail. */
export const RETENTION_ACTOR = 'system:retention';

/** How many submissions one clean-up looks at a time. */
const BATCH = 100;

/** What retention needs: how long to keep a submission once every destination has it. */
export interface RetentionOptions {
  /** Milliseconds a submission is kept after its last delivery (or receipt) was done. */
  keepMs: number;
  /** Where its uploaded files are; without one, a form has no file questions. */
  blobs?: BlobStore;
  /** The agency a form belongs to, recorded on each deletion's audit line. */
  agencyOf?: (formId: string) => string;
}

/**
 * Deletes the submissions every destination has had for `keepMs` (a webhook or email delivered,
 * a pull API receipt given), each in its own transaction that checks again that every delivery
 * is done and records a `delete-submission` audit line, then its uploaded files. A submission
 * with any delivery pending or dead, or none at all (a form that sends nowhere), is never
 * deleted. Returns how many went.
 *
 * @example
 *   await deleteDeliveredSubmissions(store, Date.now(), { keepMs: 30 * 86_400_000, blobs });
 */
export async function deleteDeliveredSubmissions(
  store: Store,
  now: number,
  options: RetentionOptions,
): Promise<number> {
  const cutoff = now - options.keepMs;
  let deleted = 0;
  for (;;) {
    const references = await store.deliveries.settledBefore(cutoff, BATCH);
    let round = 0;
    for (const reference of references) {
      const gone = await store.tx(async (t) => {
        // Again inside the transaction: a replay or a retry since the list was read keeps it.
        const deliveries = await t.deliveries.listForSubmission(reference);
        const settled =
          deliveries.length > 0 &&
          deliveries.every((d) => d.status === 'delivered' && (d.deliveredAt ?? now) <= cutoff);
        if (!settled) return undefined;
        const submission = await t.journeys.deleteSubmission(reference);
        if (!submission) return undefined;
        await t.staff.appendAudit({
          at: now,
          actorId: undefined,
          actorUsername: RETENTION_ACTOR,
          action: 'delete-submission',
          target: reference,
          detail: submission.formId,
          agency: options.agencyOf?.(submission.formId),
          clientIp: undefined,
          userAgent: undefined,
        });
        return submission;
      });
      if (!gone) continue;
      round += 1;
      // After the commit: a file left by a crash here is deleted by the sweep (nothing holds it).
      for (const id of fileIdsIn(gone.answers)) await options.blobs?.delete(id);
    }
    deleted += round;
    if (references.length < BATCH || round === 0) return deleted;
  }
}
