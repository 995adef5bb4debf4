import type { Agencies } from '../agency/agencies';
import type { ApiKeyRecord } from '../store/api-key-repository';

/**
 * The agency whose forms a pull API key reads: the one it was made for, or, for a key made before
 * agencies, the agency of its forms when they all have one, else none (the key then reads nothing).
 */
export function keyAgency(
  key: Pick<ApiKeyRecord, 'agency' | 'forms'>,
  agencies: Agencies,
): string | undefined {
  return keyAgencyBy(key, (formId) => agencies.ofForm(formId).agency.id);
}

/** `keyAgency` where a form's agency is told by a function (the command line's agency files). */
export function keyAgencyBy(
  key: Pick<ApiKeyRecord, 'agency' | 'forms'>,
  agencyOf: (formId: string) => string,
): string | undefined {
  if (key.agency !== undefined) return key.agency;
  const owners = new Set(key.forms.map(agencyOf));
  return owners.size === 1 ? [...owners][0] : undefined;
}
