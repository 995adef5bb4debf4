import type { FormDefinition } from '../../definition/types';

/**
 * The versions of a form whose paper copies staff can key in: those the service has a definition
 * of. Today the service loads one version per form; when it keeps earlier ones (for paper printed
 * before a change), list them here and choose the definition by the draft's `formVersion`.
 */
export function keyableVersions(form: FormDefinition): readonly string[] {
  return [form.version];
}
