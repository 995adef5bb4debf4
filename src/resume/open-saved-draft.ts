import type { Draft } from '../engine/answers';
import type { Store } from '../store/store';
import { lookupDigest } from './lookup-digest';
import { normaliseResumeCode } from './resume-code';
import type { ResumePolicy } from './resume-policy';
import { secretMatches, type Secret } from './saved-secret';

/** A try to open a saved draft: the code and secret as given, who tries, and when. */
export interface OpenRequest {
  /** The code as typed: any case, spaces and dashes ignored. */
  code: string;
  secret: Secret;
  /** Who is trying, for the per-client limit: an IP address, or a caseworker's id. */
  client: string;
  now: number;
  /**
   * Which forms' drafts this client may open (a caseworker: its agency's). A code of another form
   * is answered as an unknown one, and counts against the client as one.
   */
  formAllowed?: (formId: string) => boolean;
}

/** What became of the try. `until` is when a lock ends (milliseconds since the epoch). */
export type OpenOutcome =
  | { outcome: 'opened'; draft: Draft; resumeCount: number }
  | { outcome: 'wrong'; attemptsLeft: number }
  | { outcome: 'locked'; until: number; formId?: string }
  | { outcome: 'expired'; formId: string }
  | { outcome: 'not-found' };

/**
 * Opens a saved draft with its resume code and the secret set when it was saved, within the
 * limits on wrong tries per code and per client. The same draft (transaction) comes back, its
 * resume counted. Knows nothing of HTTP: the web pages and the caseworker area both call it.
 *
 * @example
 *   const result = await openSavedDraft(store, { code, secret, client: req.ip, now: Date.now() }, policy);
 *   if (result.outcome === 'opened') attach(result.draft);
 */
export async function openSavedDraft(
  store: Store,
  request: OpenRequest,
  policy: ResumePolicy,
): Promise<OpenOutcome> {
  const { now } = request;
  const client = `client:${lookupDigest(policy.digestKey, 'resume-client', request.client)}`;
  const clientCharge = await store.resume.chargeResumeAttempt(client, now, policy.client);
  if (!clientCharge.allowed) return { outcome: 'locked', until: clientCharge.lockedUntil };

  const typed = normaliseResumeCode(request.code);
  const record = typed
    ? await store.resume.findResumeCode(lookupDigest(policy.digestKey, 'resume-code', typed))
    : undefined;
  if (!record || request.formAllowed?.(record.formId) === false) {
    // An unknown code counts against the client, so codes cannot be guessed one after another.
    const settled = await store.resume.settleResumeAttempt(client, now, 'failed', policy.client);
    return settled.lockedUntil
      ? { outcome: 'locked', until: settled.lockedUntil }
      : { outcome: 'not-found' };
  }
  if (record.expiresAt <= now) {
    await store.resume.settleResumeAttempt(client, now, 'refund', policy.client);
    return { outcome: 'expired', formId: record.formId };
  }

  const code = `code:${record.codeDigest}`;
  const codeCharge = await store.resume.chargeResumeAttempt(code, now, policy.code);
  if (!codeCharge.allowed) {
    await store.resume.settleResumeAttempt(client, now, 'refund', policy.client);
    return { outcome: 'locked', until: codeCharge.lockedUntil, formId: record.formId };
  }

  if (!(await secretMatches(request.secret, record.secret))) {
    const byCode = await store.resume.settleResumeAttempt(code, now, 'failed', policy.code);
    const byClient = await store.resume.settleResumeAttempt(client, now, 'failed', policy.client);
    const until = Math.max(byCode.lockedUntil ?? 0, byClient.lockedUntil ?? 0);
    return until > 0
      ? { outcome: 'locked', until, formId: record.formId }
      : { outcome: 'wrong', attemptsLeft: Math.min(byCode.attemptsLeft, byClient.attemptsLeft) };
  }

  // The owner has proved it: the code's count starts again; the client only gets its try back.
  await store.resume.settleResumeAttempt(code, now, 'reset', policy.code);
  await store.resume.settleResumeAttempt(client, now, 'refund', policy.client);
  const draft = await store.journeys.getDraft(record.draftId);
  // The draft went (sent, or cleared by its owner): the code opens nothing any more.
  if (!draft) return { outcome: 'not-found' };
  await store.resume.recordResume(record.codeDigest, now, now + policy.expiryMs);
  return { outcome: 'opened', draft, resumeCount: record.resumeCount + 1 };
}
