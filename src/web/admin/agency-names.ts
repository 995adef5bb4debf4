import type { Agencies, ShownAgency } from '../../agency/agencies';
import { inLanguage } from '../../agency/agency-view';

/** Every agency an account may belong to: the default (platform) one and each agency folder's. */
export function staffAgencies(agencies: Agencies): ShownAgency[] {
  return [agencies.platform, ...agencies.all.filter((a) => a !== agencies.platform)];
}

/** An agency's name in a language, or its id when the service no longer has it. */
export function agencyName(agencies: Agencies, id: string, lang: string): string {
  const shown = staffAgencies(agencies).find((a) => a.agency.id === id);
  return shown ? inLanguage(shown.agency.name, lang, shown) : id;
}
