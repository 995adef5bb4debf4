import type { Problem } from './problem';
import type { FormDefinition } from './types';

/**
 * The problem with a `compatibleWith` that names the form's own version: drafts on a version are
 * already on it, so the entry says nothing, and most likely the version number was changed and
 * this list was not (or the other way round).
 */
export function checkVersions(
  form: Pick<FormDefinition, 'version' | 'compatibleWith'>,
  file: string,
): Problem[] {
  const at = form.compatibleWith?.indexOf(form.version) ?? -1;
  if (at < 0) return [];
  return [
    {
      file,
      path: `compatibleWith[${at}]`,
      message: `is "${form.version}", this definition's own version`,
      expected: 'earlier versions only, whose drafts may move to this one',
      hint: `did you mean to raise "version" above ${form.version}? (docs/publishing.md)`,
    },
  ];
}
