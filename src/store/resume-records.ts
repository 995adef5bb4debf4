import type { Channel } from '../engine/answers';
import type { HashedSecret } from '../resume/saved-secret';

/**
 * A saved draft's resume code as stored: a keyed digest of the code (never the code) and a scrypt
 * hash of the secret (never the secret). Times are milliseconds since the epoch.
 */
export interface ResumeCodeRecord {
  codeDigest: string;
  /** The draft (transaction) the code opens; a resumed journey keeps this id. */
  draftId: string;
  formId: string;
  secret: HashedSecret;
  /** When the draft was first saved for later; kept when a new code replaces an earlier one. */
  firstSavedAt: number;
  savedAt: number;
  expiresAt: number;
  /** How many times the draft was opened with a code: a resume is not a new start. */
  resumeCount: number;
  lastResumedAt?: number;
}

/** What saving a code needs; the counts start at nothing or carry over from the draft's last code. */
export type NewResumeCode = Omit<
  ResumeCodeRecord,
  'firstSavedAt' | 'resumeCount' | 'lastResumedAt'
>;

/** Saving a code: a first code, a new one replacing the draft's earlier one, or a digest in use. */
export type SaveCodeResult = 'saved' | 'replaced' | 'taken';

/** The rule a subject's tries follow: a domain rule of save and return, not the store's. */
export type { AttemptLimit } from '../resume/attempt-limit';

/** A subject's tries so far. */
export interface AttemptRecord {
  failures: number;
  locks: number;
  lastTriedAt: number;
  lockedUntil: number;
}

/** Whether a try may go ahead: refused while the subject is locked. */
export type AttemptCharge = { allowed: true } | { allowed: false; lockedUntil: number };

/** How a charged try ended: given back (a success), all forgiven (the owner), or failed. */
export type AttemptSettlement = 'refund' | 'reset' | 'failed';

/** After settling: the tries left, and when the lock a failure caused ends. */
export interface AttemptSettled {
  attemptsLeft: number;
  lockedUntil?: number;
}

/** A saved draft deleted because its code expired: what the figures need to count it, no answers. */
export interface ExpiredDraft {
  id: string;
  formId: string;
  formVersion: string;
  language: string;
  channel: Channel;
  /** When its code expired. */
  expiredAt: number;
}

/** What a clean-up deleted. */
export interface PurgeResult {
  drafts: number;
  codes: number;
  attempts: number;
  /** The saved drafts among them whose code expired unused (a save not resumed in time). */
  expired: ExpiredDraft[];
}
