import type { FormDefinition } from './types';

const revisions = new WeakMap<FormDefinition, string>();

/**
 * Names a loaded definition's exact content (`1.0#3f9a…`) for caches of what is made from it:
 * a forms folder edited in development keeps its version number but not its content.
 */
export function tagRevision(form: FormDefinition, revision: string): void {
  revisions.set(form, revision);
}

/** The content a definition was loaded with, for cache keys; its version when it was not tagged. */
export function revisionOf(form: FormDefinition): string {
  return revisions.get(form) ?? form.version;
}
