/**
 * The roles a staff account can have: contact-centre staff, the team that runs the forms, an
 * agency's administrator of its staff, and the platform team that runs the deployment.
 */
export const ROLES = ['caseworker', 'service-team', 'agency-admin', 'platform-admin'] as const;

/** The roles an agency's administrator may give: every role but the platform team's. */
export const AGENCY_ROLES = ['caseworker', 'service-team', 'agency-admin'] as const;

/** A staff account's role. */
export type Role = (typeof ROLES)[number];

/** A staff account as the service shows it (never with its password hash). */
export interface User {
  id: string;
  /** Lower case; unique whatever the case it is typed in. */
  username: string;
  displayName: string;
  role: Role;
  /** The agency whose staff the account is (its forms, submissions and figures are all it sees). */
  agency: string;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A staff account with what verifying its password needs. */
export interface UserRecord extends User {
  /** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
  passwordHash: string;
}

/** What adding an account needs; the store gives it an id and its times. */
export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  agency: string;
  passwordHash: string;
}

/** How failed sign-ins for one key (a username or a client address) lead to a lock. */
export interface SignInFailurePolicy {
  /** Failures within `windowMs` that lock the key. */
  limit: number;
  windowMs: number;
  /** How long the lock lasts. */
  lockMs: number;
}
