import fs from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { checkFormsDir, DefinitionError, loadForms } from '../definition/load';
import type { Store } from '../store/store';
import { createFormCatalogue, type FormCatalogue } from './form-catalogue';
import { publishNewFolderForms } from './publish';

/**
 * The forms a process serves, as the configuration says (docs/publishing.md):
 * - `folder` (development): the forms folder, watched in development, over any published versions;
 * - `database` (production): the published versions, after publishing the folder's forms whose
 *   version is not stored yet (so a first `npm start` serves the folder).
 * Either way the catalogue then looks for what is published or closed every `FORMS_POLL_SECONDS`.
 */
export async function openFormCatalogue(
  config: Pick<
    Config,
    'formsSource' | 'formsDir' | 'formsPollSeconds' | 'formsPublishOnStart' | 'env'
  >,
  store: Store,
  logger?: Logger,
): Promise<FormCatalogue> {
  const pollMs = config.formsPollSeconds * 1000;
  let catalogue: FormCatalogue;
  if (config.formsSource === 'database') {
    if (config.formsPublishOnStart && fs.existsSync(config.formsDir)) {
      const checked = checkFormsDir(config.formsDir);
      const problems = checked.results.flatMap((r) => (r.ok ? [] : r.problems));
      // As before versions: a folder with a broken form does not start.
      if (problems.length > 0) throw new DefinitionError(problems);
      const valid = checked.results.flatMap((r) => (r.ok ? [r] : []));
      await publishNewFolderForms(store, valid, Date.now(), logger);
    }
    catalogue = createFormCatalogue({ store, pollMs, logger });
  } else {
    catalogue = createFormCatalogue({
      store,
      folder: loadForms(config.formsDir),
      pollMs,
      logger,
      ...(config.env === 'development' && { watchDir: config.formsDir }),
    });
  }
  try {
    await catalogue.refresh();
  } catch (error) {
    catalogue.close();
    throw error;
  }
  return catalogue;
}
