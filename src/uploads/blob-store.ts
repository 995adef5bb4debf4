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
  /** Every key whose bytes were stored before the time (ms since 1970), for the sweep. */
  list(storedBefore: number): AsyncIterable<string>;
}

const BLOB_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{7,127}$/;

/** A new random key for a blob. */
export function newBlobKey(): string {
  return randomUUID();
}

/**
 * A new random key for a blob that belongs to a draft (its transaction id), so the sweep can ask
 * whether that draft, or the submission made from it, still holds the file.
 *
 * @example
 *   ownedBlobKey(draft.id); // '6f1c…-…_9a2b…-…'
 */
export function ownedBlobKey(owner: string): string {
  const key = `${owner}_${randomUUID()}`;
  checkBlobKey(key);
  return key;
}

/** The transaction a blob key belongs to (`ownedBlobKey`), or undefined for a key without one. */
export function blobOwner(key: string): string | undefined {
  const at = key.lastIndexOf('_');
  return at > 0 ? key.slice(0, at) : undefined;
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
