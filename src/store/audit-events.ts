/**
 * What a member of staff did: signing in and out, reading submissions, managing accounts, the
 * journeys done for callers and from paper, and viewing or exporting the KPI figures. The store takes any of these names, never an answer value.
 */
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'view-submission'
  | 'download-submission'
  | 'add-user'
  | 'disable-user'
  | 'enable-user'
  | 'reset-password'
  | 'set-role'
  | 'set-agency'
  | 'start'
  | 'open-draft'
  | 'open-draft-failed'
  | 'key-in-paper'
  | 'submit'
  | 'view-figures'
  | 'export-figures'
  | 'add-api-key'
  | 'revoke-api-key'
  | 'api-key-refused'
  | 'api-list-submissions'
  | 'api-get-submission'
  | 'api-receipt'
  | 'retry-delivery'
  | 'publish-form'
  | 'unpublish-form'
  | 'replay-delivery'
  | 'list-submissions'
  | 'export-submissions'
  | 'delete-submission'
  | 'view-staff'
  | 'view-platform'
  | 'download-file'
  | 'api-get-file'
  | 'open-file';

/** One line of the append-only audit trail: who, when, what, on what, and from where. */
export interface AuditEvent {
  id: number;
  /** ISO 8601, UTC. */
  at: number;
  /** The account's id; undefined when nobody was signed in (a failed sign-in, the command line). */
  actorId: string | undefined;
  /** The account's username, the username typed at a failed sign-in, or `cli:<os user>`. */
  actorUsername: string;
  action: AuditAction;
  /** What it was done to: a submission reference, a form id, a username. */
  target: string | undefined;
  /** Why, in a word: `wrong-credentials`, `locked`, `idle`. Never an answer. */
  detail: string | undefined;
  clientIp: string | undefined;
  /** The browser's User-Agent, cut to 200 characters. */
  userAgent: string | undefined;
  /**
   * The agency whose data or staff it was done to (a submission's form's agency, an account's
   * agency); undefined for the platform as a whole (a failed sign-in with an unknown username).
   */
  agency: string | undefined;
}

/** An event to record; the store numbers it. */
export type NewAuditEvent = Omit<AuditEvent, 'id'>;

/** Which events to list: newest `limit` of those matching, returned oldest first. */
export interface AuditQuery {
  /** ISO 8601: events at or after this time. */
  since?: number;
  actorUsername?: string;
  target?: string;
  /** Only the events of this agency. */
  agency?: string;
  limit?: number;
}
