import type { Answers, Channel, Draft } from '../engine/answers';

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
  /** Resolves when the database answers; rejects otherwise. */
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
  close(): Promise<void>;
}
