import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { openBlob, sealBlob, type EncryptionKeyring } from './blob-encryption';
import { checkBlobKey, type BlobStore } from './blob-store';

export interface FolderBlobStoreOptions {
  /** The folder the blobs live in (`DATA_DIR/uploads`); made, readable by the service only. */
  dir: string;
  keyring: EncryptionKeyring;
}

/**
 * A `BlobStore` in a folder: each blob one file, encrypted at rest (AES-256-GCM, `sealBlob`),
 * readable by the service's user only (folders 0700, files 0600), written to a temporary file
 * and renamed so a crash never leaves half a file under a key.
 *
 * @example
 *   const blobs = createFolderBlobStore({ dir: path.join(config.dataDir, 'uploads'), keyring });
 */
export function createFolderBlobStore(options: FolderBlobStoreOptions): BlobStore {
  const { dir, keyring } = options;
  // Two characters of the key as a sub-folder keep any one folder small.
  const fileOf = (key: string) => {
    checkBlobKey(key);
    return path.join(dir, key.slice(0, 2), `${key}.blob`);
  };

  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${randomUUID()}.tmp`;
      const handle = await fs.open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(sealBlob(key, bytes, keyring));
        await handle.sync();
      } catch (error) {
        await handle.close();
        await fs.rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      await fs.rename(temporary, file);
    },

    async get(key) {
      let sealed: Buffer;
      try {
        sealed = await fs.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return openBlob(key, sealed, keyring);
    },

    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },

    async *list(storedBefore) {
      let folders: string[];
      try {
        folders = await fs.readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const folder of folders.sort()) {
        const names = await fs.readdir(path.join(dir, folder)).catch(() => []);
        for (const name of names.sort()) {
          const file = path.join(dir, folder, name);
          const stat = await fs.stat(file).catch(() => undefined);
          if (!stat || stat.mtimeMs >= storedBefore) continue;
          // A temporary file left by a crash mid-write is no blob: it goes once it is old.
          if (name.endsWith('.tmp')) await fs.rm(file, { force: true });
          else if (name.endsWith('.blob')) yield name.slice(0, -'.blob'.length);
        }
      }
    },
  };
}
