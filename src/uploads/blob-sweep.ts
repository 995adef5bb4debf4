import type { Answers } from '../engine/answers';
import { blobOwner, type BlobStore } from './blob-store';
import { fileIdsIn } from './stored-file';

/** How long a blob is left alone after it is stored: its draft may be being saved right now. */
export const SWEEP_GRACE_MS = 60 * 60_000;

/**
 * Deletes every blob stored before `storedBefore` whose key is not in `keepIds`: the clean-up for a
 * store that can list every file its drafts and submissions hold. Returns how many it deleted.
 *
 * @example
 *   await deleteBlobsNotIn(blobs, new Set(await store.fileIdsInUse()), Date.now() - SWEEP_GRACE_MS);
 */
export async function deleteBlobsNotIn(
  blobs: BlobStore,
  keepIds: ReadonlySet<string>,
  storedBefore: number,
): Promise<number> {
  let deleted = 0;
  for await (const key of blobs.list(storedBefore)) {
    if (keepIds.has(key)) continue;
    await blobs.delete(key);
    deleted += 1;
  }
  return deleted;
}

/** Where the answers holding a transaction's files are: its draft, or the submission made from it. */
export interface AnswersOfTransaction {
  getDraft(id: string): Promise<{ answers: Answers } | undefined>;
  findSubmissionByTransaction(id: string): Promise<{ answers: Answers } | undefined>;
}

/**
 * Deletes the blobs no draft or submission holds any more, asking for each blob older than the
 * grace period after the transaction its key names (`ownedBlobKey`): a draft that expired or was
 * cleared, a file removed whose deletion failed, a submission deleted after its retention, a file
 * on a page the submitted journey no longer passed. Returns how many it deleted.
 *
 * @example
 *   await sweepBlobs(blobs, store, Date.now() - SWEEP_GRACE_MS);
 */
export async function sweepBlobs(
  blobs: BlobStore,
  transactions: AnswersOfTransaction,
  storedBefore: number,
): Promise<number> {
  const held = new Map<string, ReadonlySet<string>>();
  let deleted = 0;
  for await (const key of blobs.list(storedBefore)) {
    const owner = blobOwner(key);
    let ids = owner === undefined ? undefined : held.get(owner);
    if (owner !== undefined && ids === undefined) {
      const answers =
        (await transactions.getDraft(owner))?.answers ??
        (await transactions.findSubmissionByTransaction(owner))?.answers;
      ids = new Set(answers ? fileIdsIn(answers) : []);
      held.set(owner, ids);
    }
    if (ids?.has(key)) continue;
    await blobs.delete(key);
    deleted += 1;
  }
  return deleted;
}
