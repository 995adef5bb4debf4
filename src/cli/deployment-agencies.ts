import { DEFAULT_AGENCY_ID } from '../agency/default-agency';
import { inLanguage } from '../agency/agency-view';
import { loadAgencies } from '../agency/load-agencies';
import { readConfig } from '../config';
import { checkFormsDir } from '../definition/load';
import { frameworkLanguages } from '../definition/framework-languages';

/** What the commands need to know of the deployment's forms and agencies. */
export interface DeploymentAgencies {
  /** The ids of the valid forms in FORMS_DIR. */
  formIds: readonly string[];
  /** The agencies there are: each agency folder's id, and `default`. */
  agencyIds: readonly string[];
  /** The agency a form belongs to: the one listing it, or the default agency. */
  agencyOf(formId: string): string;
  /**
   * An agency's forms, for filtering what is stored by form: the forms its file lists, or for the
   * default agency every form except those the other agencies list (a form no file lists is its).
   */
  formsOf(agencyId: string): { only: readonly string[] } | { except: readonly string[] };
  /**
   * The name, in a language, of the agency a form belongs to, as its file gives it; undefined for
   * the default agency without a file of its own (its name is then the framework's words).
   */
  nameOf(formId: string, lang: string): string | undefined;
}

/**
 * The forms and agencies the service would serve (FORMS_DIR and its agencies folder), or undefined
 * when they are not valid (`civic-forms validate` says why): the commands then check less.
 */
export function deploymentAgencies(): DeploymentAgencies | undefined {
  const config = readConfig();
  const checked = checkFormsDir(config.formsDir);
  if (!checked.ok) return undefined;
  const formIds = checked.results.map((r) => (r.ok ? r.form.id : '')).filter(Boolean);
  let loaded;
  try {
    loaded = loadAgencies(config.agenciesDir, formIds, frameworkLanguages());
  } catch {
    return undefined;
  }
  const owner = new Map<string, string>();
  for (const { agency } of loaded) for (const formId of agency.forms) owner.set(formId, agency.id);
  const agencyIds = [...new Set([DEFAULT_AGENCY_ID, ...loaded.map(({ agency }) => agency.id)])];
  const listedBy = (agencyId: string, mine: boolean) =>
    [...owner].filter(([, id]) => (id === agencyId) === mine).map(([formId]) => formId);
  return {
    formIds,
    agencyIds,
    agencyOf: (formId) => owner.get(formId) ?? DEFAULT_AGENCY_ID,
    nameOf: (formId, lang) => {
      const agency = loaded.find((a) => a.agency.id === (owner.get(formId) ?? DEFAULT_AGENCY_ID));
      return agency && inLanguage(agency.agency.name, lang, { ...agency, logoUrl: undefined });
    },
    formsOf: (agencyId) =>
      agencyId === DEFAULT_AGENCY_ID
        ? { except: listedBy(agencyId, false) }
        : { only: listedBy(agencyId, true) },
  };
}
