import type { Option } from '../definition/types';
import type { Translate } from './question-type';

/** Space to write an answer by hand: lines, sized to what the question accepts. */
export interface PaperWriting {
  kind: 'write';
  /** A label for this space when a question has several (the lines of an address). */
  label?: string;
  lines: number;
  /** How long a line is: `short` for a number or a code, `medium` for a phone number, else `full`. */
  width: 'short' | 'medium' | 'full';
  /** Printed before the space (the pound sign) or after it (a unit, "hours"). */
  prefix?: string;
  suffix?: string;
  /** Said under the lines when a long answer may need more space than the page gives. */
  note?: string;
}

/** Boxes for the parts of an answer written separately: a date's day, month and year. */
export interface PaperBoxes {
  kind: 'boxes';
  parts: Array<{ label: string; boxes: number; placeholder: string }>;
}

/** A tick box per option, with the instruction ("Tick one", "Tick all that apply"). */
export interface PaperTicks {
  kind: 'tick';
  instruction: string;
  multiple: boolean;
  options: Array<{ text: string; hint?: string; exclusive?: boolean }>;
}

/** What a question looks like on paper; the PDF and the printable page draw the same fields. */
export type PaperField = PaperWriting | PaperBoxes | PaperTicks;

/** The context a question type's `paper` hook gets: the words of the page's language. */
export interface PaperContext {
  t: Translate;
  lang: string;
}

/** Characters of handwriting that fit on one full-width line of an A4 form. */
const CHARACTERS_PER_LINE = 45;
/** The most lines one answer gets before the reader is told to go on a separate sheet. */
const MOST_LINES = 8;

/**
 * Lines for a free-text answer of at most `maxLength` characters (one when there is no limit), with
 * a note to use a separate sheet when the limit needs more lines than a page can give.
 * @example writingLines(1200, context) // { kind: 'write', lines: 8, width: 'full', note: '...' }
 */
export function writingLines(
  maxLength: number | undefined,
  context: PaperContext,
  least = 1,
): PaperWriting {
  const wanted = Math.max(least, Math.ceil((maxLength ?? 1) / CHARACTERS_PER_LINE));
  const lines = Math.min(wanted, MOST_LINES);
  return {
    kind: 'write',
    lines,
    width: 'full',
    ...(wanted > lines && { note: context.t('paper:write.moreSpace') }),
  };
}

/** A tick box per option of a radios, select or checkboxes question. */
export function tickOptions(
  options: readonly Option[],
  multiple: boolean,
  context: PaperContext,
): PaperTicks {
  return {
    kind: 'tick',
    instruction: context.t(multiple ? 'paper:tick.all' : 'paper:tick.one'),
    multiple,
    options: options.map((o) => ({
      text: o.text,
      ...(o.hint && { hint: o.hint }),
      ...(o.exclusive && { exclusive: true }),
    })),
  };
}
