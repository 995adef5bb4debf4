import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { ConfigError, type Config } from '../../config';
import type { FormDefinition } from '../../definition/types';
import type { Store } from '../../store/store';
import type { BlobStore } from '../../uploads/blob-store';
import { createClamdScanner } from '../../uploads/clamd-scanner';
import { createDatabaseBlobStore } from '../../uploads/database-blob-store';
import { createFolderBlobStore } from '../../uploads/folder-blob-store';
import { createUnscannedScanner } from '../../uploads/unscanned';
import type { VirusScanner } from '../../uploads/virus-scanner';
import { anyFileQuestion } from './file-pages';
import { createFileUploads, type FileUploads } from './file-uploads';

export interface UploadsSetup {
  config: Config;
  forms: ReadonlyMap<string, FormDefinition>;
  logger: Logger;
  /** The service's store: the database blob store keeps files in it. */
  store: Store;
  /** A blob store to use instead of the one the configuration names (`BLOB_STORE`). */
  blobs?: BlobStore;
  /** A scanner to use instead of clamd at `CLAMD_ADDRESS`. */
  scanner?: VirusScanner;
}

/** The file a development service keeps its own key in, when `UPLOADS_KEY` is not set. */
export const DEVELOPMENT_KEY_FILE = 'uploads-development.key';

/** The development key: made once under `DATA_DIR` (readable by its owner only) and kept. */
function developmentKey(dataDir: string, logger: Logger): Buffer {
  const file = path.join(dataDir, DEVELOPMENT_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  logger.warn(
    { event: 'uploads', file },
    'UPLOADS_KEY is not set: uploaded files are encrypted with a development key kept beside them (set UPLOADS_KEY in production)',
  );
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}

/** Which blob store the configuration names: `BLOB_STORE`, or by default the database on PostgreSQL. */
export function blobStoreKind(config: Config, store: Store): 'folder' | 'database' {
  return config.blobStore ?? (store.kind === 'postgres' ? 'database' : 'folder');
}

/** The blob store the configuration names: the encrypted folder, or the service's database. */
export function configuredBlobs(config: Config, store: Store, logger: Logger): BlobStore {
  const previous = config.uploadsPreviousKeys;
  if (blobStoreKind(config, store) === 'database') {
    if (!config.uploadsKey) {
      logger.info(
        { event: 'uploads', blobStore: 'database' },
        'uploaded files are kept in the database as they came (set UPLOADS_KEY to encrypt them there too)',
      );
    }
    const keyring = config.uploadsKey ? { current: config.uploadsKey, previous } : undefined;
    return createDatabaseBlobStore({ blobs: store.blobs, keyring });
  }
  return createFolderBlobStore({
    dir: path.join(config.dataDir, 'uploads'),
    keyring: { current: config.uploadsKey ?? developmentKey(config.dataDir, logger), previous },
  });
}

/**
 * What file questions need, from the configuration: a virus scanner and a blob store (the
 * encrypted folder, or the database on PostgreSQL: `blobStoreKind`). Undefined when no form asks
 * for a file. In production a file question without `CLAMD_ADDRESS`, or kept in the folder without
 * `UPLOADS_KEY`, stops the start; in development the folder's key is made and kept under
 * `DATA_DIR`, and without a scanner files are accepted unscanned, which the log says loudly.
 *
 * @example
 *   const uploads = createUploadsFromConfig({ config, forms, logger });
 */
export function createUploadsFromConfig(setup: UploadsSetup): FileUploads | undefined {
  const { config, forms, logger, store } = setup;
  if (!anyFileQuestion(forms) && !setup.blobs) return undefined;
  const production = config.env === 'production';
  const problems: string[] = [];
  if (production && !setup.scanner && !config.clamdAddress) {
    problems.push(
      'CLAMD_ADDRESS: is required in production when a form has a file question: where ClamAV’s daemon listens (host:port or its socket), so no file is accepted unscanned (not set)',
    );
  }
  const inFolder = !setup.blobs && blobStoreKind(config, store) === 'folder';
  if (production && inFolder && !config.uploadsKey) {
    problems.push(
      'UPLOADS_KEY: is required in production when a form has a file question: 32 random bytes in base64 (openssl rand -base64 32) to encrypt uploaded files with (not set)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  let scanner = setup.scanner;
  if (!scanner && config.clamdAddress)
    scanner = createClamdScanner({ address: config.clamdAddress });
  if (!scanner) {
    logger.warn(
      { event: 'uploads', code: 'UNSCANNED' },
      '*** FILES ARE NOT VIRUS-SCANNED: CLAMD_ADDRESS is not set. Uploaded files are accepted unscanned (development only: production refuses to start like this) ***',
    );
    scanner = createUnscannedScanner();
  }
  const blobs = setup.blobs ?? configuredBlobs(config, store, logger);
  return createFileUploads({ blobs, scanner, logger });
}
