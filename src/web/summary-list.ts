import type { SummaryGroup, SummaryRow } from '../engine/check-answers';
import type { Translate } from '../questions/question-type';
import { escapeHtml } from './escape-html';
import { itemHeading } from './item-heading';

/** How the rows of a summary are shown: the words for a skipped answer, and what each row offers. */
export interface SummaryListOptions {
  t: Translate;
  lang: string;
  /** The words shown for a skipped optional answer, and their classes. */
  notProvided: { text: string; classes?: string };
  /** Only the rows this keeps (all by default). */
  keep?: (row: SummaryRow) => boolean;
  /** The row's actions (Change links), if any. */
  actions?: (row: SummaryRow) => Record<string, unknown>;
  /** The row's value as HTML when it is not its lines one under another (files with Remove). */
  valueHtml?: (row: SummaryRow) => string | undefined;
}

/**
 * One line of an answer, escaped and isolated in its own direction (`<bdi>`, direction from its first
 * strong letter, left to right when it has none): "07700 900123" and "12 High Street" read as typed
 * on an Arabic page, and Arabic answers read right to left on an English one.
 */
export function answerLineHtml(line: string): string {
  return `<bdi>${escapeHtml(line)}</bdi>`;
}

/**
 * Check answers' groups as govuk-frontend summary lists: a heading per repeating-section item, a row
 * per answer with its lines escaped and each isolated in its own direction; groups left without rows
 * are dropped.
 */
export function summaryListGroups(groups: SummaryGroup[], options: SummaryListOptions) {
  const { t, lang } = options;
  return groups
    .map((group) => ({
      heading: group.item
        ? itemHeading(t, lang, group.item.itemName, group.item.position)
        : undefined,
      rows: group.rows
        .filter((row) => options.keep?.(row) ?? true)
        .map((row) => ({
          key: { text: row.label },
          value: row.lines
            ? {
                html: options.valueHtml?.(row) ?? row.lines.map(answerLineHtml).join('<br>'),
              }
            : options.notProvided,
          ...(options.actions ? { actions: options.actions(row) } : {}),
        })),
    }))
    .filter((group) => group.rows.length > 0);
}
