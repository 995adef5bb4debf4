import type { FormCatalogue } from '../../publishing/form-catalogue';
import type { FormDefinition } from '../../definition/types';

/**
 * The versions of a form whose paper copies staff can key in: every version the service keeps (a
 * paper form printed before a change is keyed in on the version printed on it), newest first.
 */
export function keyableVersions(
  catalogue: Pick<FormCatalogue, 'versions'>,
  form: FormDefinition,
): readonly string[] {
  const versions = catalogue.versions(form.id);
  return versions.length > 0 ? versions : [form.version];
}
