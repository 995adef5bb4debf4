import fs from 'node:fs';
import path from 'node:path';
import { checkFormsDir } from '../../definition/load';
import { formatProblem } from '../../definition/problem';
import type { FormDefinition } from '../../definition/types';
import { versionContent } from '../../publishing/content-hash';
import { tagged, type FormCatalogue } from '../../publishing/form-catalogue';
import type { Store } from '../../store/store';

/** How a definition in the folder stands against what is published. */
export type PreviewStatus =
  /** No version with this number is published yet. */
  | 'unpublished'
  /** This number is published with other content: `civic-forms publish` would refuse it. */
  | 'version-taken'
  /** Exactly the version now served. */
  | 'current'
  /** Exactly an earlier published version (publishing it again rolls back). */
  | 'earlier';

/** One file of the forms folder as the preview list shows it. */
export type PreviewEntry =
  | { ok: true; file: string; form: FormDefinition; status: PreviewStatus }
  | { ok: false; file: string; problems: string[] };

/** The forms folder as a service team previews it: read again whenever a file in it changes. */
export interface PreviewForms {
  /** Every file of the folder, checked, with its status against the published versions. */
  entries(): Promise<PreviewEntry[]>;
  /** The valid definitions, as a catalogue the journey routes serve (one version each, none closed). */
  readonly catalogue: FormCatalogue;
}

/** The names, sizes and times of every JSON file under the folder: what changes when a file does. */
function folderStamp(dir: string): string {
  if (!fs.existsSync(dir)) return '';
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'));
  return files
    .sort()
    .map((f) => {
      const stat = fs.statSync(path.join(dir, f));
      return `${f}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('\n');
}

/** A catalogue of one version per form, nothing closed, nothing to refresh. */
function staticCatalogue(read: () => ReadonlyMap<string, FormDefinition>): FormCatalogue {
  const catalogue: FormCatalogue = {
    get size() {
      return read().size;
    },
    get: (id) => read().get(id),
    has: (id) => read().has(id),
    keys: () => read().keys(),
    values: () => read().values(),
    entries: () => read().entries(),
    forEach: (fn, thisArg?: unknown) =>
      read().forEach((value, k) => fn.call(thisArg, value, k, catalogue)),
    [Symbol.iterator]: () => read()[Symbol.iterator](),
    version: (id, version) => {
      const form = read().get(id);
      return form?.version === version ? form : undefined;
    },
    versions: (id) => {
      const form = read().get(id);
      return form ? [form.version] : [];
    },
    closure: () => undefined,
    refresh: () => Promise.resolve(),
    replaceFolder: () => undefined,
    close: () => undefined,
  };
  return catalogue;
}

/**
 * The definitions of the forms folder, for preview before they are published: checked as
 * `civic-forms validate` checks them, read again when a file changes (a look at the files' times
 * per request), each tagged with its content so nothing made from an earlier edit is shown.
 */
export function createPreviewForms(dir: string, store: Store): PreviewForms {
  let stamp: string | undefined;
  let checked: Array<
    | { ok: true; file: string; form: FormDefinition; hash: string }
    | { ok: false; file: string; problems: string[] }
  > = [];
  let forms: ReadonlyMap<string, FormDefinition> = new Map();

  const read = () => {
    const now = folderStamp(dir);
    if (now === stamp) return;
    stamp = now;
    const folder = checkFormsDir(dir);
    checked = folder.ok
      ? folder.results.map((r) => {
          if (!r.ok) return { ok: false, file: r.file, problems: r.problems.map(formatProblem) };
          const { contentHash } = versionContent(r.form, r.translations);
          return { ok: true, file: r.file, form: tagged(r.form, contentHash), hash: contentHash };
        })
      : [{ ok: false, file: dir, problems: [formatProblem(folder.problem)] }];
    forms = new Map(checked.flatMap((c) => (c.ok ? [[c.form.id, c.form] as const] : [])));
  };
  const current = () => {
    read();
    return forms;
  };

  return {
    catalogue: staticCatalogue(current),
    async entries() {
      read();
      const releases = new Map(
        (await store.formVersions.currentReleases()).map((r) => [r.formId, r]),
      );
      return Promise.all(
        checked.map(async (c): Promise<PreviewEntry> => {
          if (!c.ok) return { ...c, file: path.relative(process.cwd(), c.file) || c.file };
          const stored = await store.formVersions.getVersion(c.form.id, c.form.version);
          const status: PreviewStatus = !stored
            ? 'unpublished'
            : stored.contentHash !== c.hash
              ? 'version-taken'
              : releases.get(c.form.id)?.version === c.form.version
                ? 'current'
                : 'earlier';
          return { ok: true, file: path.basename(c.file), form: c.form, status };
        }),
      );
    },
  };
}
