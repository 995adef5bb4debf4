import type { SatisfactionResponse } from '../store/journey-events';

/** The longest comment kept, in characters. */
export const COMMENT_MAX = 1200;

/** The satisfaction form as posted, checked: a rating, an optional comment, or what is wrong. */
export type FeedbackAnswer =
  | { ok: true; rating: SatisfactionResponse['rating']; comment?: string }
  | { ok: false; errors: Array<{ field: 'rating' | 'comment'; code: string }>; comment: string };

/** Reads the satisfaction form: a rating from 1 to 5 is required; a comment is optional. */
export function readFeedback(body: Record<string, unknown>): FeedbackAnswer {
  const raw = typeof body.rating === 'string' ? body.rating : '';
  const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
  const errors: Array<{ field: 'rating' | 'comment'; code: string }> = [];
  const rating = /^[1-5]$/.test(raw) ? (Number(raw) as SatisfactionResponse['rating']) : undefined;
  if (!rating) errors.push({ field: 'rating', code: 'ratingRequired' });
  if ([...comment].length > COMMENT_MAX) errors.push({ field: 'comment', code: 'commentTooLong' });
  if (!rating || errors.length > 0) return { ok: false, errors, comment };
  return comment ? { ok: true, rating, comment } : { ok: true, rating };
}
