import type { AnswerValue } from '../questions/question-type';

/** One item of a repeating section: a stable id (so removal cannot mix items up) and its answers. */
export interface RepeatItem {
  id: string;
  answers: Record<string, AnswerValue>;
}

/** Everything answered so far: question answers by id, and repeating sections' items by section id. */
export type Answers = Record<string, AnswerValue | RepeatItem[]>;

/** The channels a transaction can come through. */
export type Channel = 'online' | 'phone' | 'phone-assisted' | 'paper';

/** A journey in progress: one transaction, from its start to its submission. */
export interface Draft {
  /** The transaction id: a resumed journey keeps it, so it is never counted as a new start. */
  id: string;
  formId: string;
  formVersion: string;
  answers: Answers;
  /** Keys of the steps the user has completed (`page`, `section`, `section/<itemId>/page`). */
  done: string[];
  language: string;
  channel: Channel;
  /** The member of staff filling it in with a caller or from paper (their account id). */
  caseworkerId?: string;
  /** The date a paper form came back by post (`YYYY-MM-DD`), for paper keyed in by staff. */
  paperReceivedOn?: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** Whether a stored value is a repeating section's list of items. */
export function isItemList(value: AnswerValue | RepeatItem[] | undefined): value is RepeatItem[] {
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === 'object' && v !== null && 'answers' in v)
  );
}

/** A repeating section's items, or none. */
export function itemsOf(answers: Answers, sectionId: string): RepeatItem[] {
  const value = answers[sectionId];
  return isItemList(value) ? value : [];
}

/** The answer to a top-level question, when it is not a section's items. */
export function answerOf(answers: Answers, questionId: string): AnswerValue | undefined {
  const value = answers[questionId];
  return isItemList(value) && value.length > 0 ? undefined : (value as AnswerValue | undefined);
}
