import type { BlobRepository } from '../store/blob-repository';
import { openBlob, sealBlob, type EncryptionKeyring } from './blob-encryption';
import { checkBlobKey, type BlobStore } from './blob-store';

export interface DatabaseBlobStoreOptions {
  /** The store's blob repository (`store.blobs`). */
  blobs: BlobRepository;
  /** With a keyring, files are sealed as the folder store seals them; without, kept as they came. */
  keyring?: EncryptionKeyring;
  /** Milliseconds since the epoch, for the sweep's "stored before". */
  clock?: () => number;
}

/** Keys the sweep reads from the database at a time. */
const LIST_PAGE = 500;

/**
 * A `BlobStore` in the service's own database (PostgreSQL, or SQLite), so the N processes of a
 * deployment share every file without a shared disk: each file one row and its bytes in pieces of
 * 1 MiB. With `UPLOADS_KEY` the bytes are encrypted (AES-256-GCM, `sealBlob`) before they reach
 * the database; a file stored plain stays readable after a key is set.
 *
 * @example
 *   const blobs = createDatabaseBlobStore({ blobs: store.blobs, keyring: { current: key } });
 */
export function createDatabaseBlobStore(options: DatabaseBlobStoreOptions): BlobStore {
  const { blobs, keyring } = options;
  const clock = options.clock ?? Date.now;
  return {
    async put(key, bytes) {
      checkBlobKey(key);
      const stored = keyring
        ? { bytes: sealBlob(key, bytes, keyring), sealed: true }
        : { bytes, sealed: false };
      await blobs.putBlob(key, stored, clock());
    },

    async get(key) {
      checkBlobKey(key);
      const stored = await blobs.getBlob(key);
      if (!stored) return undefined;
      if (!stored.sealed) return stored.bytes;
      // A sealed file and no key configured: it cannot be read, and is never served as it is.
      return openBlob(key, stored.bytes, keyring ?? { current: Buffer.alloc(32) });
    },

    async delete(key) {
      checkBlobKey(key);
      await blobs.deleteBlob(key);
    },

    async *list(storedBefore) {
      let after: string | undefined;
      for (;;) {
        const keys = await blobs.listBlobKeys(storedBefore, after, LIST_PAGE);
        yield* keys;
        if (keys.length < LIST_PAGE) return;
        after = keys[keys.length - 1];
      }
    },
  };
}
