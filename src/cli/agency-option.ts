import { DEFAULT_AGENCY_ID } from '../agency/default-agency';

/** What is wrong with an agency typed on the command line, if anything. */
export function agencyProblem(
  agency: string | undefined,
  agencyIds: readonly string[] | undefined,
): string {
  if (agency === undefined) {
    return agencyIds && agencyIds.some((id) => id !== DEFAULT_AGENCY_ID)
      ? `--agency: the agency the account belongs to, one of ${agencyIds.join(', ')}`
      : '';
  }
  if (agencyIds) {
    return agencyIds.includes(agency) ? '' : `--agency: one of ${agencyIds.join(', ')}`;
  }
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(agency) ? '' : '--agency: an agency id (its folder name)';
}
