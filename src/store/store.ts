import type { Answers, Channel, Draft } from '../engine/answers';
import type { NewUser, Role, SignInFailurePolicy, User, UserRecord } from './accounts';
import type { AuditEvent, AuditQuery, NewAuditEvent } from './audit-events';
import type {
  AttemptCharge,
  AttemptLimit,
  AttemptSettled,
  AttemptSettlement,
  NewResumeCode,
  PurgeResult,
  ResumeCodeRecord,
  SaveCodeResult,
} from './resume-records';
import type {
  FeedbackComment,
  FeedbackQuery,
  JourneyEvent,
  JourneyEventQuery,
  NewJourneyEvent,
  SatisfactionResponse,
} from './journey-events';

/** A finished transaction, as stored. */
export interface Submission {
  reference: string;
  transactionId: string;
  formId: string;
  formVersion: string;
  answers: Answers;
  language: string;
  channel: Channel;
  submittedAt: string;
  /** The member of staff who sent it for a caller or keyed it in from paper (account id). */
  caseworkerId?: string;
  /** When a paper form came back by post (`YYYY-MM-DD`). */
  receivedOn?: string;
}

/** What `submit` did: stored a new submission, or found the one this transaction already made. */
export interface SubmitResult {
  submission: Submission;
  created: boolean;
}

/**
 * Everything the service keeps. SQL lives only behind this interface: SQLite by default, and any
 * other database (PostgreSQL at scale) by implementing it.
 */
export interface Store {
  readonly kind: string;
  /**
   * Resolves when the database can be written: a write as large as a new session needs, committed
   * (and undone in the same transaction). Rejects with `StoreUnavailableError` otherwise (full,
   * read-only, closed). Every method reports such failures that way, never in the driver's terms.
   */
  ping(): Promise<void>;

  getSession(id: string, now: number): Promise<string | undefined>;
  setSession(id: string, data: string, expiresAt: number): Promise<void>;
  touchSession(id: string, expiresAt: number): Promise<void>;
  destroySession(id: string): Promise<void>;

  getDraft(id: string): Promise<Draft | undefined>;
  saveDraft(draft: Draft): Promise<void>;
  deleteDraft(id: string): Promise<void>;

  /**
   * Turns a draft into a submission in one transaction: either the whole submission is stored and
   * the draft removed, or nothing changes. Idempotent: submitting the same transaction again gives
   * back the first submission.
   */
  submit(draft: Draft, answers: Answers, submittedAt: string): Promise<SubmitResult>;
  findSubmission(reference: string): Promise<Submission | undefined>;
  findSubmissionByTransaction(transactionId: string): Promise<Submission | undefined>;

  /** Deletes expired sessions; returns how many went. */
  purgeExpiredSessions(now: number): Promise<number>;

  // Staff accounts, sign-in throttling and the audit trail (the caseworker area).
  /** Adds an account; undefined when the username (in any case) is taken. */
  addUser(user: NewUser): Promise<User | undefined>;
  /** The account with this username, in any case, with its password hash. */
  findUser(username: string): Promise<UserRecord | undefined>;
  findUserById(id: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  /** Disables or enables an account; false when there is no such username. */
  setUserDisabled(username: string, disabled: boolean): Promise<boolean>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  /** When the latest lock on any of these keys ends (ms since the epoch), or 0 when none is locked. */
  signInLockedUntil(keys: string[], now: number): Promise<number>;
  /** Counts a failed sign-in for a key, atomically; returns when its lock ends, or 0 if unlocked. */
  recordSignInFailure(key: string, now: number, policy: SignInFailurePolicy): Promise<number>;
  clearSignInFailures(key: string): Promise<void>;
  /** Appends to the audit trail, which can never be changed or deleted. */
  appendAudit(event: NewAuditEvent): Promise<void>;
  listAudit(query?: AuditQuery): Promise<AuditEvent[]>;

  // Changes to an existing staff account (`civic-forms users set-role`, `reset-password`).
  /** Gives an account another role; false when there is no such username. */
  setUserRole(username: string, role: Role): Promise<boolean>;
  /** Ends every sign-in of an account by deleting its sessions; returns how many there were. */
  endSignInsOf(userId: string): Promise<number>;

  // Housekeeping of sign-in throttling (the clean-up job and `civic-forms purge`).
  /**
   * Deletes the counts of failed sign-ins whose window opened at or before `windowOpenedBefore`
   * and whose lock, if any, has ended by `now`; returns how many went.
   */
  purgeSignInFailures(windowOpenedBefore: number, now: number): Promise<number>;

  // Save and return (src/resume/): codes found by a keyed digest, secrets hashed, tries limited.
  /** Stores a draft's resume code, replacing its earlier one; 'taken' when a live code has it. */
  saveResumeCode(code: NewResumeCode, now: number): Promise<SaveCodeResult>;
  findResumeCode(codeDigest: string): Promise<ResumeCodeRecord | undefined>;
  /** Counts a resume of the code's draft and keeps the code at least until `expiresAt`. */
  recordResume(codeDigest: string, at: number, expiresAt: number): Promise<void>;
  /** Takes one try from a subject (a code, a client), atomically; refused while it is locked. */
  chargeResumeAttempt(subject: string, now: number, limit: AttemptLimit): Promise<AttemptCharge>;
  /** Ends a charged try: given back or forgiven on success; counted, maybe locking, on failure. */
  settleResumeAttempt(
    subject: string,
    now: number,
    settlement: AttemptSettlement,
    limit: AttemptLimit,
  ): Promise<AttemptSettled>;
  /**
   * Deletes expired codes and their drafts, drafts no code or live session reaches that were not
   * touched for `maxAgeMs`, and try counts older than that.
   */
  purgeExpired(now: number, maxAgeMs: number): Promise<PurgeResult>;

  // Journey events, satisfaction and feedback for the KPIs (src/kpi/): never an answer value.
  /** Writes a batch of events and journey-id renames in one transaction. */
  appendJourneyEvents(
    events: readonly NewJourneyEvent[],
    renames?: ReadonlyArray<readonly [from: string, to: string]>,
  ): Promise<void>;
  /** Every event, oldest first, of the form's journeys that had an event in the period. */
  listJourneyEvents(query: JourneyEventQuery): Promise<JourneyEvent[]>;
  /** The form versions that have events. */
  listEventVersions(formId: string): Promise<string[]>;
  addSatisfaction(response: SatisfactionResponse): Promise<void>;
  listSatisfaction(query: FeedbackQuery): Promise<SatisfactionResponse[]>;
  /** Stores a comment apart from its rating: nothing links the two. */
  addFeedbackComment(comment: FeedbackComment): Promise<void>;
  listFeedbackComments(query: Omit<FeedbackQuery, 'version'>): Promise<FeedbackComment[]>;

  close(): Promise<void>;
}
