import { watchFormsFolder } from './watch-folder';
import type { Logger } from 'pino';
import { storedDefinition } from '../definition/load';
import { revisionOf, tagRevision } from '../definition/revision';
import { languagesOf, localise } from '../definition/translation';
import type { FormDefinition } from '../definition/types';
import type { FormClosure, FormRelease } from '../store/form-version-repository';
import type { Store } from '../store/store';
import { versionContent } from './content-hash';

/**
 * The forms a process serves, kept up to date while it runs: the current version of each form
 * (what `get`, `values` and the rest of a `ReadonlyMap` give), every version it knows (for drafts
 * and submissions made on an earlier one), and which forms are closed.
 */
export interface FormCatalogue extends ReadonlyMap<string, FormDefinition> {
  /** A form's definition at a version: the current one, a published one, or one seen in the folder. */
  version(formId: string, version: string): FormDefinition | undefined;
  /** The versions of a form this process can show, newest first. */
  versions(formId: string): readonly string[];
  /** How the form is closed, when it was unpublished. */
  closure(formId: string): FormClosure | undefined;
  /** Reads what was published or closed since the last look (one cheap query when nothing was). */
  refresh(): Promise<void>;
  /** Replaces the forms read from the folder (development: the folder is the source). */
  replaceFolder(forms: ReadonlyMap<string, FormDefinition>): void;
  /**
   * Only while a forms folder is watched (development): calls `listener` after each valid change
   * of the folder is served. Returns the function that stops calling it.
   */
  onFolderChange?: (listener: () => void) => () => void;
  /** Stops looking for changes. */
  close(): void;
}

export interface CatalogueOptions {
  store: Store;
  /** Forms from the folder (or given by a test): they win over published versions of the same id. */
  folder?: ReadonlyMap<string, FormDefinition>;
  /** Milliseconds between looks for published changes; 0: only when `refresh()` is called. */
  pollMs?: number;
  /** The forms folder to watch (development): each valid change replaces the folder's forms. */
  watchDir?: string;
  logger?: Logger;
}

const key = (formId: string, version: string) => `${formId}@${version}`;

/** Tags a definition and its translations with the hash of their content, for caches. */
export function tagged(form: FormDefinition, hash: string): FormDefinition {
  const revision = `${form.version}#${hash.slice(0, 16)}`;
  tagRevision(form, revision);
  for (const lang of languagesOf(form)) tagRevision(localise(form, lang), revision);
  return form;
}

/** Tags folder forms with their content's hash (translations are in their localised copies). */
function tagFolder(form: FormDefinition): FormDefinition {
  if (revisionOf(form) !== form.version) return form;
  const translations = Object.fromEntries(
    languagesOf(form)
      .slice(1)
      .map((lang) => [lang, localise(form, lang)]),
  );
  return tagged(form, versionContent(form, translations).contentHash);
}

/**
 * The catalogue on a store: call `refresh()` once before serving (the composition root does), then
 * it looks for changes every `pollMs` (on PostgreSQL, what another process published).
 *
 * @example
 *   const catalogue = createFormCatalogue({ store, pollMs: 2000 });
 *   await catalogue.refresh();
 *   catalogue.get('council-tax-reduction'); // its current version
 */
export function createFormCatalogue(options: CatalogueOptions): FormCatalogue {
  const { store, logger } = options;
  let folder = new Map([...(options.folder ?? new Map())].map(([id, f]) => [id, tagFolder(f)]));
  // Every version seen: published ones, and each version the folder had in this process's life.
  const known = new Map<string, FormDefinition>();
  for (const form of folder.values()) known.set(key(form.id, form.version), form);
  let releases = new Map<string, FormRelease>();
  let current = new Map<string, FormDefinition>();
  let revision = -1;
  let refreshing: Promise<void> | undefined;

  const rebuild = () => {
    const next = new Map<string, FormDefinition>();
    for (const [formId, release] of releases) {
      const form = known.get(key(formId, release.version));
      if (form) next.set(formId, form);
    }
    for (const [formId, form] of folder) next.set(formId, form);
    // The folder's order first (the order of the files), then published forms by id.
    current = new Map([
      ...[...folder.keys()].map((id) => [id, next.get(id) as FormDefinition] as const),
      ...[...next].filter(([id]) => !folder.has(id)).sort(([a], [b]) => a.localeCompare(b)),
    ]);
  };

  const read = async () => {
    const latest = await store.formVersions.revision();
    if (latest === revision) return;
    for (const { formId, version } of await store.formVersions.versionKeys()) {
      // A version is immutable: once read it never needs reading again. The folder's own copy of
      // a version number (development) stays what the folder says.
      if (known.has(key(formId, version))) continue;
      const stored = await store.formVersions.getVersion(formId, version);
      if (!stored) continue;
      known.set(
        key(formId, version),
        tagged(storedDefinition(stored.definition, stored.translations), stored.contentHash),
      );
    }
    const before = releases;
    releases = new Map((await store.formVersions.currentReleases()).map((r) => [r.formId, r]));
    revision = latest;
    rebuild();
    for (const [formId, release] of releases) {
      const was = before.get(formId);
      if (was?.id === release.id) continue;
      logger?.info(
        { event: 'form-release', formId, version: release.version, closed: !!release.closure },
        release.closure ? 'form closed' : 'form version now served',
      );
    }
  };

  const refresh = () => {
    // One look at a time; a caller arriving during one waits for it.
    refreshing ??= read().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };

  const timer =
    options.pollMs && options.pollMs > 0
      ? setInterval(() => {
          refresh().catch((error: unknown) =>
            logger?.warn({ err: error, event: 'form-refresh-failed' }, 'cannot read forms now'),
          );
        }, options.pollMs)
      : undefined;
  // Looking for changes never keeps a process running.
  timer?.unref();
  rebuild();
  // Told of each valid change of the watched folder (development's live reload).
  const listeners = new Set<() => void>();

  const catalogue: FormCatalogue = {
    get size() {
      return current.size;
    },
    get: (formId) => current.get(formId),
    has: (formId) => current.has(formId),
    keys: () => current.keys(),
    values: () => current.values(),
    entries: () => current.entries(),
    forEach: (fn, thisArg?: unknown) =>
      current.forEach((value, k) => fn.call(thisArg, value, k, catalogue)),
    [Symbol.iterator]: () => current[Symbol.iterator](),
    version(formId, version) {
      const now = current.get(formId);
      if (now?.version === version) return now;
      return known.get(key(formId, version));
    },
    versions(formId) {
      const found = [...known.values()].filter((f) => f.id === formId).map((f) => f.version);
      const now = current.get(formId)?.version;
      return [...new Set([...(now ? [now] : []), ...found.reverse()])];
    },
    closure: (formId) => releases.get(formId)?.closure,
    refresh,
    replaceFolder(forms) {
      folder = new Map([...forms].map(([id, f]) => [id, tagFolder(f)]));
      for (const form of folder.values()) known.set(key(form.id, form.version), form);
      rebuild();
    },
    close: () => {
      clearInterval(timer);
      stopWatching?.();
    },
  };
  const stopWatching =
    options.watchDir === undefined
      ? undefined
      : watchFormsFolder(
          options.watchDir,
          (forms) => {
            catalogue.replaceFolder(forms);
            for (const listener of listeners) listener();
          },
          logger,
        );
  if (!stopWatching) return catalogue;
  catalogue.onFolderChange = (listener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return catalogue;
}
