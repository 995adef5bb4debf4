import pino from 'pino';
import { readConfig, type Config } from './config';
import { openFormCatalogue } from './publishing/open-catalogue';
import { openStore } from './store/open-store';
import type { Store } from './store/store';
import type { AppOptions, CivicFormsApp } from './web/app';

/**
 * The composition root: configuration, then the store (PostgreSQL at `DATABASE_URL` or SQLite under
 * `DATA_DIR`, its schema brought up to date), then the forms (published versions or the folder:
 * `openFormCatalogue`), then the app. The server and every command that needs
 * the database start here; nothing else opens it.
 *
 * @example
 *   const app = await createService(readConfig());
 *   app.listen(app.config.port);
 */
export async function createService(
  config: Config = readConfig(),
  options: Omit<AppOptions, 'store' | 'catalogue' | keyof Config> = {},
): Promise<CivicFormsApp> {
  const store = await openStore(config);
  try {
    const logger = options.logger ?? pino({ level: config.logLevel });
    const catalogue = await openFormCatalogue(config, store, logger);
    try {
      // Loaded here, not at the top: the commands that need only the store (`users`, `audit`...)
      // start without loading the web app's modules (about a second of a core each run).
      const { createApp } = await import('./web/app');
      return createApp({ ...config, ...options, store, catalogue, logger });
    } catch (error) {
      catalogue.close();
      throw error;
    }
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The store alone, for the commands (`users`, `audit`, `purge`, `migrate`). */
export function openServiceStore(config: Config = readConfig()): Promise<Store> {
  return openStore(config);
}
