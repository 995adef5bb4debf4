import { ConfigError } from '../config';
import { openServiceStore } from '../service';
import { isStoreUnavailable } from '../store/store-unavailable';
import type { Store } from '../store/store';
import { ServiceError } from '../errors';

/**
 * Runs a command on the configured store (from the composition root) and closes it; a bad
 * environment, a database that cannot be reached or one newer than this code is reported in one
 * line, without a stack trace.
 */
export async function withConfiguredStore(
  run: (store: Store) => Promise<number>,
  err: (line: string) => void,
): Promise<number> {
  let store: Store;
  try {
    store = await openServiceStore();
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 1;
    }
    if (
      isStoreUnavailable(error) ||
      (error instanceof ServiceError && error.code === 'DATABASE_NEWER')
    ) {
      err(`civic-forms: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
