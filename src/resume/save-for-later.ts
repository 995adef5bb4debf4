import type { Draft } from '../engine/answers';
import type { Store } from '../store/store';
import { lookupDigest } from './lookup-digest';
import { newResumeCode, normaliseResumeCode } from './resume-code';
import type { ResumePolicy } from './resume-policy';
import { hashSecret, type Secret } from './saved-secret';

/** What saving gives the person: the code to write down and when it stops working. */
export interface SavedForLater {
  code: string;
  expiresAt: number;
  /** The draft had a code already: that one no longer works. */
  replaced: boolean;
}

/** Draws a code no live code has; the space is so large that a second draw is already rare. */
const MOST_DRAWS = 20;

/**
 * Gives a stored draft a resume code, kept as a keyed digest, with the person's secret hashed.
 *
 * @example
 *   const { code, expiresAt } = await saveForLater(store, { draft, secret, now: Date.now() }, policy);
 */
export async function saveForLater(
  store: Store,
  request: { draft: Pick<Draft, 'id' | 'formId'>; secret: Secret; now: number },
  policy: ResumePolicy,
): Promise<SavedForLater> {
  const { draft, now } = request;
  const secret = await hashSecret(request.secret);
  const expiresAt = now + policy.expiryMs;
  for (let draw = 0; draw < MOST_DRAWS; draw += 1) {
    const code = newResumeCode();
    const codeDigest = lookupDigest(
      policy.digestKey,
      'resume-code',
      normaliseResumeCode(code) as string,
    );
    const result = await store.resume.saveResumeCode(
      { codeDigest, draftId: draft.id, formId: draft.formId, secret, savedAt: now, expiresAt },
      now,
    );
    if (result !== 'taken') return { code, expiresAt, replaced: result === 'replaced' };
  }
  throw new Error(`no free resume code after ${MOST_DRAWS} draws`);
}
