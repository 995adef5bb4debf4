import type { Logger } from 'pino';
import type { FormDefinition } from '../definition/types';
import type { PublishOutcome } from '../store/form-version-repository';
import type { Store } from '../store/store';
import { versionContent } from './content-hash';

/** A checked definition with its translation files as read. */
export interface Publishable {
  form: FormDefinition;
  translations?: Readonly<Record<string, unknown>>;
}

/** Stores a checked form as a version and makes it current; the same content again changes nothing. */
export function publishForm(
  store: Store,
  { form, translations }: Publishable,
  at: number,
): Promise<PublishOutcome> {
  const content = versionContent(form, translations);
  return store.formVersions.publish({
    formId: form.id,
    version: form.version,
    ...content,
    publishedAt: at,
  });
}

/**
 * At start-up with published versions as the source: publishes each folder form whose version is
 * not stored yet, so `npm start` on a new folder just works. A version already stored is left as it
 * is (another one may have been published since); a version number stored with other content is
 * logged (FORM_VERSION_TAKEN) and not published: change `version` and publish.
 */
export async function publishNewFolderForms(
  store: Store,
  forms: readonly Publishable[],
  at: number,
  logger?: Logger,
): Promise<void> {
  for (const one of forms) {
    const stored = await store.formVersions.getVersion(one.form.id, one.form.version);
    if (stored) {
      if (stored.contentHash !== versionContent(one.form, one.translations).contentHash) {
        logger?.warn(
          { code: 'FORM_VERSION_TAKEN', formId: one.form.id, version: one.form.version },
          'the forms folder changed a published version without changing its number: not published',
        );
      }
      continue;
    }
    const outcome = await publishForm(store, one, at);
    logger?.info(
      { event: 'form-published', formId: one.form.id, version: one.form.version, outcome },
      'form published at start-up',
    );
  }
}
