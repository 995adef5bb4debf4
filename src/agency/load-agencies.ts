import fs from 'node:fs';
import path from 'node:path';
import { problemFromJoi } from '../definition/joi-problems';
import { formatProblem, type Problem } from '../definition/problem';
import { deepFreeze } from '../definition/freeze';
import { agencySchema } from './agency-schema';
import { checkAgency } from './agency-checks';
import type { Agency } from './types';

/** What reading one agency's folder gave. */
export type AgencyResult =
  | { ok: true; file: string; dir: string; agency: Agency }
  | { ok: false; file: string; problems: Problem[] };

/** Everything checking an agencies folder found. */
export interface AgenciesCheck {
  results: AgencyResult[];
  /** Problems between agencies: a form claimed twice, a host name named twice. */
  problems: Problem[];
  /** A form an agency lists that the forms folder does not have (perhaps one still being written). */
  warnings: Problem[];
}

/** Thrown at start-up when an agency is not valid; the message lists every problem. */
export class AgencyError extends Error {
  readonly code = 'AGENCY_INVALID';
  constructor(readonly problems: Problem[]) {
    super(`Agencies are not valid:\n${problems.map(formatProblem).join('\n')}`);
  }
}

function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') ? file : relative;
}

/** Reads and checks one `agencies/<id>/agency.json`. */
export function checkAgencyFolder(dir: string, framework: readonly string[]): AgencyResult {
  const file = path.join(dir, 'agency.json');
  const name = displayName(file);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing
      ? 'does not exist'
      : `is not valid JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`;
    return {
      ok: false,
      file,
      problems: [{ file: name, path: '', message, expected: 'a JSON object (docs/agencies.md)' }],
    };
  }
  const { value, error } = agencySchema.validate(json, { abortEarly: false, convert: false });
  if (error) {
    const problems = error.details.map((d) => problemFromJoi(name, d));
    // The form definitions' reference is not this file's: point at the agencies' one.
    problems.forEach((p) => {
      if (p.expected?.includes('docs/form-definition.md'))
        p.expected = 'only the keys listed in docs/agencies.md';
    });
    return { ok: false, file, problems };
  }
  const agency = value as Agency;
  const problems = checkAgency(agency, name, dir, framework);
  if (problems.length > 0) return { ok: false, file, problems };
  return { ok: true, file, dir, agency: deepFreeze(agency) };
}

/**
 * Checks every agency of an agencies folder against the forms there are: the one set of checks that
 * `civic-forms validate` and the service's start-up both make. No folder is no agency (every form
 * then belongs to the default agency), as in a deployment from before agencies.
 */
export function checkAgenciesDir(
  agenciesDir: string,
  formIds: readonly string[],
  framework: readonly string[],
): AgenciesCheck {
  if (!fs.existsSync(agenciesDir)) return { results: [], problems: [], warnings: [] };
  const results = fs
    .readdirSync(agenciesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => checkAgencyFolder(path.join(agenciesDir, folder), framework));
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const owner = new Map<string, string>();
  const hostOwner = new Map<string, string>();
  for (const result of results) {
    if (!result.ok) continue;
    const file = displayName(result.file);
    result.agency.hosts.forEach((host, i) => {
      const other = hostOwner.get(host);
      if (other !== undefined)
        problems.push({
          file,
          path: `hosts[${i}]`,
          message: `is "${host}", which agency "${other}" names too`,
          expected: 'each host name in one agency only',
        });
      hostOwner.set(host, result.agency.id);
    });
    result.agency.forms.forEach((formId, i) => {
      const where = `forms[${i}]`;
      const other = owner.get(formId);
      if (other !== undefined)
        problems.push({
          file,
          path: where,
          message: `is "${formId}", which agency "${other}" lists too`,
          expected: 'each form in one agency only',
        });
      owner.set(formId, result.agency.id);
      if (!formIds.includes(formId))
        warnings.push({
          file,
          path: where,
          message: `is "${formId}", which is not in the forms folder`,
        });
    });
  }
  return { results, problems, warnings };
}

/** The valid agencies of a folder, or throws an AgencyError listing every problem. */
export function loadAgencies(
  agenciesDir: string,
  formIds: readonly string[],
  framework: readonly string[],
): Array<{ agency: Agency; dir: string }> {
  const checked = checkAgenciesDir(agenciesDir, formIds, framework);
  const problems = [
    ...checked.results.flatMap((r) => (r.ok ? [] : r.problems)),
    ...checked.problems,
  ];
  if (problems.length > 0) throw new AgencyError(problems);
  return checked.results.flatMap((r) => (r.ok ? [{ agency: r.agency, dir: r.dir }] : []));
}
