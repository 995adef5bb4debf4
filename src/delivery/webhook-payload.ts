import type { FormDefinition, Question, QuestionTypeName } from '../definition/types';
import { isItemList, type Answers, type Channel } from '../engine/answers';
import { finishedDraft } from '../engine/finished-draft';
import { isNotYet } from '../engine/not-yet';
import { walk } from '../engine/journey';
import type { AnswerValue } from '../questions/question-type';
import type { Submission } from '../store/store';
import { payloadFiles, type PayloadFile } from './payload-files';

/** The payload's version: a receiver checks it, and a change that breaks receivers raises it. */
export const PAYLOAD_VERSION = 1;

/** One answer: the question, its label in the form's own language, and the value as stored. */
export interface PayloadAnswer {
  questionId: string;
  label: string;
  /** The question type, which says the value's shape; absent for a question the form no longer has. */
  type?: QuestionTypeName;
  /** `null` for an optional question left empty, or one not answered yet (`notYet`). */
  value: AnswerValue | null;
  /** The person ticked "I do not have this yet" on a soft-required question. */
  notYet?: true;
}

/** A repeating section: its items in order, each with its own answers. */
export interface PayloadSection {
  sectionId: string;
  label: string;
  items: Array<{ answers: PayloadAnswer[] }>;
}

export type PayloadEntry = PayloadAnswer | PayloadSection;

/** What a destination receives for one submission: `schema/webhook-payload.schema.json`. */
export interface WebhookPayload {
  version: typeof PAYLOAD_VERSION;
  form: { id: string; version: string; title: string };
  /** The agency whose form it is: its folder's id under `agencies/`, or `default`. */
  agency?: string;
  reference: string;
  channel: Channel;
  /** The language the person used. Labels are in the form's own language whatever this is. */
  language: string;
  submittedAt: string;
  /** The account of the member of staff who sent it for a caller or keyed it in from paper. */
  caseworkerId?: string;
  /** The day a paper form arrived (`YYYY-MM-DD`). */
  receivedOn?: string;
  answers: PayloadEntry[];
  /** Ids of the soft-required questions still to be answered ("I do not have this yet"). */
  notYet?: string[];
  /** Every file the answers hold: how to check it and (when delivered) how to get it. */
  files?: PayloadFile[];
  /** The answers as a PDF, when the destination asks for it. */
  answersPdf?: { filename: string; contentType: 'application/pdf'; base64: string };
}

function answerOf(question: Question, value: unknown): PayloadAnswer {
  if (isNotYet(value))
    return {
      questionId: question.id,
      label: question.label,
      type: question.type,
      value: null,
      notYet: true,
    };
  return {
    questionId: question.id,
    label: question.label,
    type: question.type,
    value: value === undefined ? null : (value as AnswerValue),
  };
}

/**
 * Answers the definition no longer asks (it changed after the submission), so that nothing is
 * lost: sent labelled by their ids, without a type.
 */
function leftOver(answers: Readonly<Record<string, unknown>>, seen: Set<string>): PayloadEntry[] {
  return Object.entries(answers)
    .filter(([id]) => !seen.has(id))
    .map(([id, value]): PayloadEntry => {
      if (!isItemList(value as never))
        return { questionId: id, label: id, value: value as AnswerValue };
      const items = value as Array<{ answers: Record<string, unknown> }>;
      return {
        sectionId: id,
        label: id,
        items: items.map((item) => ({
          answers: leftOver(item.answers, new Set()) as PayloadAnswer[],
        })),
      };
    });
}

/**
 * The webhook payload of a submission: every answer on the submission's path in the order the
 * form asks them, with the question's label in the form's own (source) language and the value as
 * stored; repeating sections as lists of items. The same submission always gives the same payload.
 *
 * @example
 *   const body = JSON.stringify(webhookPayload(forms.get(submission.formId), submission));
 */
export function webhookPayload(
  form: FormDefinition,
  submission: Submission,
  agency?: string,
): WebhookPayload {
  const entries: PayloadEntry[] = [];
  const seen = new Set<string>();
  const sections = new Map<string, PayloadSection>();
  const items = new Map<
    string,
    { answers: PayloadAnswer[]; seen: Set<string>; stored: Record<string, unknown> }
  >();
  const stored = submission.answers as Answers;
  for (const step of walk(form, finishedDraft(form, stored)).steps) {
    if (step.kind !== 'page') continue;
    if (!step.section || !step.item) {
      for (const question of step.page.questions) {
        seen.add(question.id);
        entries.push(answerOf(question, stored[question.id]));
      }
      continue;
    }
    const { section, item } = step;
    const storedItem = (isItemList(stored[section.id]) ? stored[section.id] : []) as Array<{
      id: string;
      answers: Record<string, AnswerValue>;
    }>;
    const found = storedItem.find((i) => i.id === item.id);
    if (!found) continue;
    let payloadSection = sections.get(section.id);
    if (!payloadSection) {
      payloadSection = { sectionId: section.id, label: section.title, items: [] };
      sections.set(section.id, payloadSection);
      seen.add(section.id);
      entries.push(payloadSection);
    }
    const key = `${section.id}/${item.id}`;
    let payloadItem = items.get(key);
    if (!payloadItem) {
      payloadItem = { answers: [], seen: new Set(), stored: found.answers };
      items.set(key, payloadItem);
      payloadSection.items.push({ answers: payloadItem.answers });
    }
    for (const question of step.page.questions) {
      payloadItem.seen.add(question.id);
      payloadItem.answers.push(answerOf(question, found.answers[question.id]));
    }
  }
  for (const item of items.values()) {
    item.answers.push(...(leftOver(item.stored, item.seen) as PayloadAnswer[]));
  }
  entries.push(...leftOver(stored, seen));
  const missing = [
    ...entries,
    ...[...sections.values()].flatMap((s) => s.items.flatMap((i) => i.answers)),
  ].filter((e): e is PayloadAnswer => 'questionId' in e && e.notYet === true);
  const files = payloadFiles(entries);
  return {
    version: PAYLOAD_VERSION,
    form: { id: submission.formId, version: submission.formVersion, title: form.title },
    ...(agency ? { agency } : {}),
    reference: submission.reference,
    channel: submission.channel,
    language: submission.language,
    submittedAt: new Date(submission.submittedAt).toISOString(),
    ...(submission.caseworkerId ? { caseworkerId: submission.caseworkerId } : {}),
    ...(submission.receivedOn ? { receivedOn: submission.receivedOn } : {}),
    answers: entries,
    ...(missing.length > 0 && { notYet: [...new Set(missing.map((e) => e.questionId))] }),
    ...(files.length > 0 && { files }),
  };
}

/** The payload with the answers PDF in it, for a destination that asks for the PDF. */
export function withAnswersPdf(payload: WebhookPayload, pdf: Buffer): WebhookPayload {
  return {
    ...payload,
    answersPdf: {
      filename: `${payload.form.id}-${payload.reference}.pdf`,
      contentType: 'application/pdf',
      base64: pdf.toString('base64'),
    },
  };
}
