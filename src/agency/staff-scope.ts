import type { FormDefinition } from '../definition/types';
import type { Agencies } from './agencies';

/**
 * Whether a form is one of an agency's: the agency's file lists it, or no agency lists it and the
 * agency is the default one. A member of staff reads only the forms (and their submissions,
 * deliveries and figures) of the agency its account belongs to.
 */
export function isAgencyForm(agencies: Agencies, agencyId: string, formId: string): boolean {
  return agencies.ofForm(formId).agency.id === agencyId;
}

/** An agency's forms, in the order the service has them. */
export function agencyForms(
  forms: ReadonlyMap<string, FormDefinition>,
  agencies: Agencies,
  agencyId: string,
): FormDefinition[] {
  return [...forms.values()].filter((form) => isAgencyForm(agencies, agencyId, form.id));
}
