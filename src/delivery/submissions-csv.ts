import { stringify } from 'csv-stringify/sync';
import type { FormDefinition } from '../definition/types';
import { isQuestionPage } from '../definition/catalogue';
import type { Translate } from '../questions/question-type';
import type { PayloadAnswer, PayloadEntry, WebhookPayload } from './webhook-payload';

/** One column of answers: a question, or a question of the nth item of a repeating section. */
interface Column {
  key: string;
  header: string;
}

const keyOf = (questionId: string, section?: { id: string; position: number }) =>
  section ? `${section.id}/${section.position}/${questionId}` : questionId;

/** The answers of a payload by column key. */
function cellsOf(answers: readonly PayloadEntry[]): Map<string, PayloadAnswer> {
  const cells = new Map<string, PayloadAnswer>();
  for (const entry of answers) {
    if ('questionId' in entry) cells.set(keyOf(entry.questionId), entry);
    else {
      entry.items.forEach((item, i) => {
        for (const answer of item.answers) {
          cells.set(keyOf(answer.questionId, { id: entry.sectionId, position: i + 1 }), answer);
        }
      });
    }
  }
  return cells;
}

/**
 * The answer columns: every question of the form in order (a repeating section's questions once
 * per item, up to the most items any row has), then answers the form no longer asks.
 */
function columnsOf(form: FormDefinition, payloads: readonly WebhookPayload[]): Column[] {
  const columns: Column[] = [];
  const mostItems = (sectionId: string) =>
    Math.max(
      0,
      ...payloads.flatMap((p) =>
        p.answers.map((a) => ('sectionId' in a && a.sectionId === sectionId ? a.items.length : 0)),
      ),
    );
  for (const page of form.pages) {
    if (isQuestionPage(page)) {
      for (const q of page.questions) columns.push({ key: keyOf(q.id), header: q.label });
    } else if (page.kind === 'repeat') {
      for (let position = 1; position <= mostItems(page.id); position++) {
        for (const inner of page.pages) {
          for (const q of inner.questions) {
            const key = keyOf(q.id, { id: page.id, position });
            columns.push({ key, header: `${page.title} ${position}: ${q.label}` });
          }
        }
      }
    }
  }
  const known = new Set(columns.map((c) => c.key));
  for (const payload of payloads) {
    for (const [key, answer] of cellsOf(payload.answers)) {
      if (known.has(key)) continue;
      known.add(key);
      columns.push({ key, header: key === answer.questionId ? answer.label : key });
    }
  }
  return columns;
}

/**
 * An answer's value as one cell: lists joined with `; `, an address's lines with `, `, and "Not
 * provided yet" for a soft-required question the person ticked "I do not have this yet" on.
 */
function cell(answer: PayloadAnswer | undefined, t: Translate): string {
  if (answer?.notYet) return t('caseworker:submission.notProvidedYet');
  const value = answer?.value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return Object.values(value).join(', ');
  return String(value);
}

/**
 * Submissions of a form as CSV for a spreadsheet: one row per submission, its details then
 * every answer as stored (headed by the question in the form's own language; `t` is fixed to
 * it). UTF-8 with a byte order mark, so spreadsheet programs read Welsh and Arabic; every cell
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front, so no
 * answer is ever run as a formula.
 *
 * @example
 *   res.type('text/csv').send(submissionsCsv(form, payloads, translator(i18n, form.language)));
 */
export function submissionsCsv(
  form: FormDefinition,
  payloads: readonly WebhookPayload[],
  t: Translate,
): string {
  const columns = columnsOf(form, payloads);
  const details = ['reference', 'submitted', 'channel', 'language', 'version', 'caseworker'];
  const header = [
    ...details.map((key) => t(`caseworker:submission.${key}`)),
    t('caseworker:submission.receivedOn'),
    ...columns.map((c) => c.header),
  ];
  const rows = payloads.map((p) => {
    const cells = cellsOf(p.answers);
    return [
      p.reference,
      p.submittedAt,
      p.channel,
      p.language,
      p.form.version,
      p.caseworkerId ?? '',
      p.receivedOn ?? '',
      ...columns.map((c) => cell(cells.get(c.key), t)),
    ];
  });
  return stringify([header, ...rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
