import fs from 'node:fs';
import type { Logger } from 'pino';
import { checkFormsDir } from '../definition/load';
import { formatProblem } from '../definition/problem';
import type { FormDefinition } from '../definition/types';

/** How long the folder must be still before it is read again: an editor saves in several writes. */
const SETTLE_MS = 150;

/**
 * Watches a forms folder (its translations too) and hands every valid state of it to `loaded`; a
 * state with a problem is logged, file and path as `civic-forms validate` prints them, and the
 * forms last loaded stay served. Returns the function that stops watching.
 */
export function watchFormsFolder(
  dir: string,
  loaded: (forms: ReadonlyMap<string, FormDefinition>) => void,
  logger?: Logger,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    const checked = checkFormsDir(dir);
    const problems = checked.ok
      ? checked.results.flatMap((r) => (r.ok ? [] : r.problems))
      : [checked.problem];
    if (problems.length > 0) {
      for (const p of problems) {
        logger?.warn({ event: 'forms-folder-invalid' }, `not reloaded: ${formatProblem(p)}`);
      }
      return;
    }
    const forms = new Map<string, FormDefinition>();
    for (const r of checked.results) if (r.ok) forms.set(r.form.id, r.form);
    loaded(forms);
    logger?.info({ event: 'forms-folder-reloaded', forms: forms.size }, 'forms folder reloaded');
  };
  // Recursive watching (node 20 on Linux, macOS and Windows) sees forms/locales/<lang>/ too.
  const watcher = fs.watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(reload, SETTLE_MS);
  });
  watcher.on('error', (error) =>
    logger?.warn({ err: error, event: 'forms-folder-watch-failed' }, 'cannot watch forms folder'),
  );
  watcher.unref();
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
