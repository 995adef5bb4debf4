import type Joi from 'joi';
import type { Question } from '../definition/types';
import type { StoredFile } from '../uploads/stored-file';
import type { PaperContext, PaperField } from './paper-field';

/** A stored answer: text and choices as strings, numbers as numbers, compound answers as records. */
export type AnswerValue =
  string | number | string[] | Readonly<Record<string, string>> | readonly StoredFile[];

/** What the user typed, by form field name (`dob-day`, `address-postcode`, ...). */
export type RawState = Record<string, string | string[]>;

/** A posted request body, as express's urlencoded parser gives it. */
export type PostedBody = Record<string, unknown>;

/**
 * A failed answer, as data: the words come from the locale files at render time.
 * `field` is the form field the error summary links to (first part in error for dates).
 */
export interface QuestionError {
  questionId: string;
  field: string;
  code: string;
  args?: Record<string, string | number>;
  /** Every field in error, when more than one is (the parts of a date); defaults to `[field]`. */
  fields?: string[];
}

/** Looks up a framework string in the user's language (i18next's `t`, fixed to a language). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ParseContext {
  /** Today's date as `YYYY-MM-DD`, so date rules are testable. */
  today: string;
  /** The page's language, for answers typed in words (month names). English is always understood. */
  lang?: string;
}

export interface ViewContext {
  t: Translate;
  lang: string;
  /** The question's label is the page's h1 (one question on the page). */
  isPageHeading: boolean;
  /** The question's error, already in words, and the fields to mark as in error. */
  error?: { text: string; fields: string[] };
  /** Each field's own error in words, by field name (an address shows one under each line). */
  fieldErrors?: Record<string, string>;
  /**
   * A question asked over two pages (an address whose person picks its kind, alone on its page):
   * `choose` on the first page (the choices only), the choice made on the second (its inputs).
   */
  stage?: string;
  /** The page is a staff journey's (a caller's form filled by a caseworker). */
  staff?: boolean;
}

/** A govuk-frontend macro call: the macro's name and its parameters, with govuk's own names. */
export interface MacroCall {
  macro:
    | 'govukInput'
    | 'govukTextarea'
    | 'govukCharacterCount'
    | 'govukDateInput'
    | 'govukRadios'
    | 'govukCheckboxes'
    | 'govukSelect'
    | 'govukFieldset'
    | 'govukFileUpload';
  params: Record<string, unknown>;
  /** The files a file question already has, each with its Remove button, and its Upload button. */
  files?: {
    heading: string;
    upload?: string;
    items: Array<{ id: string; name: string; details: string; remove: string }>;
    /** On a staff journey: how the caller sent the file (govukRadios' parameters). */
    receivedBy?: Record<string, unknown>;
  };
  /** Further macro calls rendered inside a fieldset (the address lines). */
  children?: MacroCall[];
  /** Macro calls revealed under a radio when it is chosen, by the radio's value. */
  reveals?: Record<string, MacroCall[]>;
}

export interface ParseResult<A extends AnswerValue> {
  /** The normalised answer, or undefined when the question was left empty. */
  value: A | undefined;
  errors: QuestionError[];
  /** What the user typed, kept to show again when there is an error. */
  raw: RawState;
}

/**
 * Everything the framework knows about one question type.
 * One module per type implements this; `registry.ts` lists them.
 */
export interface QuestionType<Q extends Question = Question, A extends AnswerValue = AnswerValue> {
  readonly type: Q['type'];
  /** Every error code the type can give: the keys a definition's `errors` may override. */
  readonly errorCodes: readonly string[];
  /** joi keys this type adds to the common question keys. */
  readonly schemaKeys: Joi.PartialSchemaMap;
  /** Form field names this question posts. */
  fields(question: Q): string[];
  /** Fields whose values are free text, shown back verbatim (cached renders leave a slot for them). */
  freeTextFields(question: Q): string[];
  /** Reads, normalises and validates the question's answer from a posted body. */
  parse(question: Q, body: PostedBody, context: ParseContext): ParseResult<A>;
  /** Turns a stored answer back into what the inputs show. */
  toRaw(question: Q, value: A | undefined): RawState;
  /** The govuk-frontend macro call for the question. */
  view(question: Q, raw: RawState, context: ViewContext): MacroCall;
  /** The answer as check answers shows it: lines of plain text. */
  summary(question: Q, value: A, context: { t: Translate; lang: string }): string[];
  /** How the question looks on the paper form: the spaces and boxes a person fills in by hand. */
  paper(question: Q, context: PaperContext): PaperField[];
  /** A comparable form of the answer for `greaterThan`/`lessThan` conditions, when the type has one. */
  comparable?(value: A): number | string | undefined;
}

/** Reads one posted field as a string, whatever the parser gave (arrays keep their last value). */
export function postedString(body: PostedBody, field: string): string {
  const value = body[field];
  if (Array.isArray(value)) return String(value[value.length - 1] ?? '');
  return typeof value === 'string' ? value : '';
}

/** Reads one posted field as a list of strings (checkboxes). */
export function postedList(body: PostedBody, field: string): string[] {
  const value = body[field];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** Collapses runs of white space and trims: the normalisation every text answer gets. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
