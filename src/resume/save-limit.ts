import type { Store } from '../store/store';
import { lookupDigest } from './lookup-digest';
import type { ResumePolicy } from './resume-policy';

/** Who asks for a code: the session (its id) and the client (an IP address), and when. */
export interface SaveRequest {
  session: string;
  client: string;
  now: number;
}

/** Whether a code may be made now; if not, when the next one can be (ms since the epoch). */
export type SaveAllowance = { allowed: true } | { allowed: false; until: number };

/**
 * Takes one save from the session's and the client's hourly allowance (`policy.save`, sliding),
 * before the secret is hashed and a code stored: a script cannot fill the database with codes.
 * A save is never given back: each one made a code.
 *
 * @example
 *   const allowance = await chargeSave(store, { session: req.sessionID, client: req.ip, now }, policy);
 *   if (!allowance.allowed) showWhenToTryAgain(allowance.until);
 */
export async function chargeSave(
  store: Store,
  request: SaveRequest,
  policy: ResumePolicy,
): Promise<SaveAllowance> {
  const { now } = request;
  const limits = policy.save;
  const session = `save-session:${lookupDigest(policy.digestKey, 'save-session', request.session)}`;
  const client = `save-client:${lookupDigest(policy.digestKey, 'save-client', request.client)}`;
  const bySession = await store.resume.chargeResumeAttempt(session, now, limits.session);
  if (!bySession.allowed) return { allowed: false, until: bySession.lockedUntil };
  const byClient = await store.resume.chargeResumeAttempt(client, now, limits.client);
  if (!byClient.allowed) {
    // No code is made: the session keeps its save.
    await store.resume.settleResumeAttempt(session, now, 'refund', limits.session);
    return { allowed: false, until: byClient.lockedUntil };
  }
  return { allowed: true };
}
