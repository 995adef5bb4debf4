import path from 'node:path';
import type { i18n } from 'i18next';
import type { BrandAssets } from '../web/assets';
import { builtInDefaultAgency, DEFAULT_AGENCY_ID, DEFAULT_COLOUR } from './default-agency';
import type { Agency } from './types';

/** An agency as pages show it: its definition and the URL of its logo. */
export interface ShownAgency {
  readonly agency: Agency;
  readonly logoUrl: string | undefined;
}

/** The agencies one deployment serves, and which one each form belongs to. */
export interface Agencies {
  /** Every agency with a form, or the default one alone, in the order of their ids. */
  readonly all: readonly ShownAgency[];
  /** The agency a form belongs to: the one listing it, or the default agency. */
  ofForm(formId: string): ShownAgency;
  byId(id: string): ShownAgency | undefined;
  /** The agency a host name (as the request has it, any case) is configured for, if any. */
  byHost(hostname: string | undefined): ShownAgency | undefined;
  /** The agency of pages outside any form (the form list, the staff area): the default one. */
  readonly platform: ShownAgency;
}

/** The header on a brand colour: its text white, its focus GOV.UK's black on yellow. */
const BRAND_RULES = [
  '.cf-brand{color:#fff}',
  '.cf-brand .govuk-service-navigation{background:none;border-bottom-color:transparent}',
  '.cf-brand .govuk-service-navigation__service-name,.cf-brand .govuk-service-navigation__link:link,.cf-brand .govuk-service-navigation__link:visited,.cf-brand .govuk-service-navigation__toggle{color:#fff}',
  '.cf-brand .govuk-service-navigation__link:focus,.cf-brand .govuk-service-navigation__toggle:focus{color:#0b0c0c}',
  '.cf-brand .govuk-service-navigation__item--active{border-color:#fff}',
  '.cf-brand__bar{padding-top:10px}',
  '.cf-brand__logo{display:block;width:auto;max-width:100%;height:40px}',
].join('');

/** The logo's asset name. */
function logoName(agency: Agency): string {
  return `logo-${agency.id}`;
}

/**
 * The brand's stylesheet rules: each agency's colour behind its header, whose text is white. The
 * contrast of that colour with white is checked when the agency is loaded.
 */
export function brandAssets(loaded: ReadonlyArray<{ agency: Agency; dir: string }>): BrandAssets {
  const colours = [
    { id: DEFAULT_AGENCY_ID, brandColour: DEFAULT_COLOUR },
    ...loaded.map(({ agency }) => agency),
  ]
    .map(({ id, brandColour }) => `.cf-brand--${id}{background-color:${brandColour}}`)
    .join('');
  return {
    css: `${BRAND_RULES}${colours}`,
    images: loaded.flatMap(({ agency, dir }) =>
      agency.logo ? [{ name: logoName(agency), file: path.join(dir, agency.logo.file) }] : [],
    ),
  };
}

/** Puts the loaded agencies, the default one and the forms together. */
export function createAgencies(options: {
  loaded: ReadonlyArray<{ agency: Agency; dir: string }>;
  formIds: readonly string[];
  images: ReadonlyMap<string, string>;
  i18n: i18n;
  languages: readonly string[];
}): Agencies {
  const shown = (agency: Agency): ShownAgency => ({
    agency,
    logoUrl: agency.logo ? options.images.get(logoName(agency)) : undefined,
  });
  const fromFiles = options.loaded.map(({ agency }) => shown(agency));
  const platform =
    fromFiles.find((a) => a.agency.id === DEFAULT_AGENCY_ID) ??
    shown(builtInDefaultAgency(options.i18n, options.languages));
  const owner = new Map<string, ShownAgency>();
  for (const a of fromFiles) for (const formId of a.agency.forms) owner.set(formId, a);
  const unclaimed = options.formIds.some((id) => !owner.has(id));
  const all = [
    ...(unclaimed || fromFiles.length === 0 ? [platform] : []),
    ...fromFiles.filter((a) => a !== platform),
  ];
  const hosts = new Map<string, ShownAgency>();
  for (const a of fromFiles) for (const host of a.agency.hosts) hosts.set(host, a);
  return {
    all,
    byHost: (hostname) => (hostname ? hosts.get(hostname.toLowerCase()) : undefined),
    ofForm: (formId) => owner.get(formId) ?? platform,
    byId: (id) =>
      all.find((a) => a.agency.id === id) ?? (id === platform.agency.id ? platform : undefined),
    platform,
  };
}
