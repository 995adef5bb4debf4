import type { Role } from '../store/accounts';

/** Who is signed in: what the caseworker area needs to know about a member of staff. */
export interface Principal {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The agency whose staff this is: it sees that agency's forms, submissions and figures only. */
  agency: string;
}

/** A username and password, as typed on the sign-in page. */
export interface PasswordCredentials {
  username: string;
  password: string;
}

/** What checking credentials found: the principal, or why not (never shown to the user). */
export type Authentication =
  { ok: true; principal: Principal } | { ok: false; reason: 'wrong-credentials' | 'disabled' };

/**
 * How staff prove who they are. The embedded default checks a username and password against the
 * accounts table (`createPasswordAuthenticator`); an OpenID Connect implementation takes the
 * identity provider's callback as its credentials instead (see docs/caseworker.md).
 */
export interface Authenticator<Credentials = PasswordCredentials> {
  /** A short name for logs and the audit trail: `password`, `oidc`. */
  readonly kind: string;
  /** Checks credentials and says who they belong to. */
  verify(credentials: Credentials): Promise<Authentication>;
  /**
   * The principal as it stands now, checked on every request of a signed-in member of staff:
   * undefined when the account was disabled or removed, with the new role when it changed.
   */
  refresh(principal: Principal): Promise<Principal | undefined>;
}
