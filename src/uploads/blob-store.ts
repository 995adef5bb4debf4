import { randomUUID } from 'node:crypto';

/**
 * Where uploaded files are kept, by key. The folder store under `DATA_DIR` is the default; a
 * PostgreSQL deployment gets one that N processes share. Keys are made by `newBlobKey()`, never
 * from a file's name.
 *
 * @example
 *   const key = newBlobKey();
 *   await blobs.put(key, accepted.bytes);
 */
export interface BlobStore {
  /** Stores the bytes under the key, replacing what was there; resolves once they are durable. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes under the key, or undefined when there are none; `BlobUnreadable` when not trusted. */
  get(key: string): Promise<Buffer | undefined>;
  /** Removes the bytes under the key; a key with nothing under it is not an error. */
  delete(key: string): Promise<void>;
}

const BLOB_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{7,127}$/;

/** A new random key for a blob. */
export function newBlobKey(): string {
  return randomUUID();
}

/** Throws unless the key is one a blob store takes: 8 to 128 letters, digits, `-` and `_`. */
export function checkBlobKey(key: string): void {
  if (!BLOB_KEY.test(key)) {
    throw new TypeError(
      `blob key ${JSON.stringify(key)}: expected 8 to 128 letters, digits, - or _ (from newBlobKey())`,
    );
  }
}

/** Stored bytes that cannot be returned: altered, or sealed with a key the service no longer has. */
export class BlobUnreadable extends Error {
  constructor(
    readonly key: string,
    readonly reason: 'notSealed' | 'unknownKey' | 'tampered',
  ) {
    super(`blob ${key} cannot be read: ${reason}`);
    this.name = 'BlobUnreadable';
  }
}
