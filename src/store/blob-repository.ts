import type { Db } from './database';

/** The largest piece of a file one row holds: no value is ever huge to read or write. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

/** A file's bytes as the database keeps them, and whether they are encrypted. */
export interface StoredBlob {
  bytes: Buffer;
  sealed: boolean;
}

/**
 * Uploaded files kept in the database (the database blob store, src/uploads/database-blob-store.ts),
 * so every process of a deployment reads what any other stored, without a shared disk.
 */
export interface BlobRepository {
  /** Stores the bytes under the key in one transaction, replacing what was there. */
  putBlob(key: string, blob: StoredBlob, at: number): Promise<void>;
  /** The bytes under the key, or undefined. */
  getBlob(key: string): Promise<StoredBlob | undefined>;
  /** Removes the bytes under the key; nothing under it is not an error. */
  deleteBlob(key: string): Promise<void>;
  /** Up to `limit` keys stored before the time, after the key `after`, in key order (the sweep). */
  listBlobKeys(storedBefore: number, after: string | undefined, limit: number): Promise<string[]>;
}

/** The blob repository on either database. */
export function blobRepository(db: Db): BlobRepository {
  return {
    putBlob(key, blob, at) {
      return db.write(async ({ q }) => {
        await q.deleteFrom('upload_blob_chunks').where('blob_key', '=', key).execute();
        await q.deleteFrom('upload_blobs').where('key', '=', key).execute();
        const chunks = Math.max(1, Math.ceil(blob.bytes.length / BLOB_CHUNK_BYTES));
        await q
          .insertInto('upload_blobs')
          .values({
            key,
            stored_at: at,
            size: blob.bytes.length,
            chunks,
            sealed: blob.sealed ? 1 : 0,
          })
          .execute();
        for (let seq = 0; seq < chunks; seq += 1) {
          const bytes = blob.bytes.subarray(seq * BLOB_CHUNK_BYTES, (seq + 1) * BLOB_CHUNK_BYTES);
          await q.insertInto('upload_blob_chunks').values({ blob_key: key, seq, bytes }).execute();
        }
      });
    },

    async getBlob(key) {
      const row = await db.q
        .selectFrom('upload_blobs')
        .select(['size', 'chunks', 'sealed'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) return undefined;
      const pieces = await db.q
        .selectFrom('upload_blob_chunks')
        .select('bytes')
        .where('blob_key', '=', key)
        .orderBy('seq')
        .execute();
      const bytes = Buffer.concat(pieces.map((p) => Buffer.from(p.bytes)));
      // Deleted between the two reads: as good as never stored.
      if (pieces.length !== Number(row.chunks) || bytes.length !== Number(row.size)) {
        return undefined;
      }
      return { bytes, sealed: Number(row.sealed) === 1 };
    },

    deleteBlob(key) {
      return db.write(async ({ q }) => {
        await q.deleteFrom('upload_blob_chunks').where('blob_key', '=', key).execute();
        await q.deleteFrom('upload_blobs').where('key', '=', key).execute();
      });
    },

    async listBlobKeys(storedBefore, after, limit) {
      let query = db.q
        .selectFrom('upload_blobs')
        .select('key')
        .where('stored_at', '<', storedBefore)
        .orderBy('key')
        .limit(limit);
      if (after !== undefined) query = query.where('key', '>', after);
      return (await query.execute()).map((row) => row.key);
    },
  };
}
