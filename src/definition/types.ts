/**
 * The shape of a form definition, as a service team writes it in `forms/*.json`.
 * The joi schema in `schema.ts` accepts exactly these shapes; `docs/form-definition.md` documents them.
 */

/** A condition on earlier answers that decides whether a page is on the path. */
export type Condition =
  | { question: string; equals: string | number | boolean }
  | { question: string; notEquals: string | number | boolean }
  | { question: string; oneOf: Array<string | number> }
  | { question: string; contains: string }
  | { question: string; greaterThan: number | string }
  | { question: string; lessThan: number | string }
  | { question: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

/** An option of a radios, checkboxes or select question. */
export interface Option {
  value: string;
  text: string;
  hint?: string;
  /** Checkboxes only: ticking this option clears the others ("None of these"). */
  exclusive?: boolean;
}

/** Words an author can give instead of the framework's default error messages, by error code. */
export type ErrorMessages = Partial<Record<string, string>>;

/**
 * Other words for a question when an earlier answer calls for them ("your" or "their"): each key
 * given replaces the question's own; the first wording whose `when` holds is used.
 */
export interface Wording {
  when: Condition;
  label?: string;
  summaryLabel?: string;
  errorLabel?: string;
  hint?: string;
  errors?: ErrorMessages;
}

interface QuestionBase {
  id: string;
  label: string;
  /** Short name shown on check answers; defaults to the label. */
  summaryLabel?: string;
  /** Noun phrase used inside default error messages ("your date of birth"). */
  errorLabel?: string;
  hint?: string;
  optional?: boolean;
  errors?: ErrorMessages;
  /**
   * Soft-required: `true` (or your own words for the checkbox) lets a person tick "I do not have
   * this yet" and go on without an answer; the submission says what is missing.
   */
  notYet?: boolean | string;
  /** Wordings that follow earlier answers; the question's own words when none holds (and on paper). */
  wording?: Wording[];
}

export interface TextQuestion extends QuestionBase {
  type: 'text';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** Size of the input, as govuk-frontend's width classes: 2, 3, 4, 5, 10, 20 or 30 characters. */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  autocomplete?: string;
  spellcheck?: boolean;
  /** Strip spaces and dashes before checking (reference numbers, National Insurance numbers). */
  ignoreSpaces?: boolean;
  uppercase?: boolean;
}
export interface TextareaQuestion extends QuestionBase {
  type: 'textarea';
  maxLength: number;
  rows?: number;
  minLength?: number;
}
export interface NumberQuestion extends QuestionBase {
  type: 'number';
  decimals?: number;
  min?: number;
  max?: number;
  suffix?: string;
}
export interface MoneyQuestion extends QuestionBase {
  type: 'money';
  min?: number;
  max?: number;
  /** Whole pounds only. */
  wholeUnits?: boolean;
}
export interface EmailQuestion extends QuestionBase {
  type: 'email';
}
export interface PhoneQuestion extends QuestionBase {
  type: 'phone';
  /** `uk` accepts UK numbers only; `any` (default) also accepts international ones with +. */
  accept?: 'uk' | 'any';
}
export interface DateQuestion extends QuestionBase {
  type: 'date';
  /** `bday` uses `bday-day`, `bday-month`, `bday-year` autocomplete. */
  autocomplete?: 'bday';
  /**
   * Date rules, each `YYYY-MM-DD`, `today`, or relative to today (`16 years ago`, `3 months from
   * today`): `before`/`after` exclude the date itself, `earliest`/`latest` include it.
   */
  before?: string;
  after?: string;
  earliest?: string;
  latest?: string;
  past?: boolean;
  future?: boolean;
}
export interface RadiosQuestion extends QuestionBase {
  type: 'radios';
  options: Option[];
  inline?: boolean;
}
export interface CheckboxesQuestion extends QuestionBase {
  type: 'checkboxes';
  options: Option[];
  minSelected?: number;
  maxSelected?: number;
}
export interface SelectQuestion extends QuestionBase {
  type: 'select';
  options: Option[];
}
export interface YesNoQuestion extends QuestionBase {
  type: 'yes-no';
}
export interface NameQuestion extends QuestionBase {
  type: 'name';
  maxLength?: number;
}
export interface AddressQuestion extends QuestionBase {
  type: 'address';
  /**
   * `uk` (default) asks for a UK postcode; `international` for a country from a list and an
   * optional postal code; `either` lets the person choose between the two.
   */
  variant?: 'uk' | 'international' | 'either';
  /**
   * Offers "I have no fixed address": a "care of" address, collecting letters from an office, or
   * contact by phone only.
   */
  noFixedAddress?: boolean;
}

/** The kinds of file a `file` question can take, told apart by content (src/uploads/file-kind.ts). */
export type FileKindName = 'jpeg' | 'png' | 'pdf' | 'heic' | 'webp';

export interface FileQuestion extends QuestionBase {
  type: 'file';
  /** Fewest files to continue (1 unless optional). */
  minFiles?: number;
  /** Most files (1 by default). */
  maxFiles?: number;
  /** The kinds taken, by content: `jpeg`, `png`, `pdf`, `heic`, `webp` (JPEG, PNG and PDF by default). */
  accept?: FileKindName[];
  /** Largest file in megabytes (10 by default, at most 50). */
  maxSizeMB?: number;
  /** With JavaScript, photos longer than this (pixels) are scaled down before sending (2000). */
  scalePhotosTo?: number;
}

export type Question =
  | FileQuestion
  | TextQuestion
  | TextareaQuestion
  | NumberQuestion
  | MoneyQuestion
  | EmailQuestion
  | PhoneQuestion
  | DateQuestion
  | RadiosQuestion
  | CheckboxesQuestion
  | SelectQuestion
  | YesNoQuestion
  | NameQuestion
  | AddressQuestion;

export type QuestionTypeName = Question['type'];

/** A page of questions: one question by default, or several under a page title. */
export interface QuestionPage {
  id: string;
  kind?: 'questions';
  /** The h1 when a page groups several questions. */
  title?: string;
  /** Paragraphs shown above the questions. */
  body?: string[];
  questions: Question[];
  condition?: Condition;
}

/**
 * Why a form ends on an exit page: `ineligible` ("You cannot apply", the default), `urgent` ("Call
 * us now": help by phone only, counted apart in the KPIs) or `elsewhere` (done somewhere else).
 */
export type ExitReason = 'ineligible' | 'urgent' | 'elsewhere';

/** An end page for people who cannot continue ("You cannot apply because ..."). */
export interface ExitPage {
  id: string;
  kind: 'exit';
  /** What kind of ending this is; `ineligible` when left out. Decides the help shown with it. */
  reason?: ExitReason;
  title: string;
  body: string[];
  condition?: Condition;
  /** Counted as a completed transaction in the KPIs: the service did its job. */
}

/** A group of pages asked once per item, with a summary page to add, change and remove items. */
export interface RepeatSection {
  id: string;
  kind: 'repeat';
  /** The summary page h1, e.g. "People who live with you". */
  title: string;
  /** Singular name of one item, e.g. "person", used in headings and buttons. */
  itemName: string;
  /** The question whose answer names an item in the summary list. */
  itemLabel: string;
  /** The summary page's "Do you need to add another ...?" question. */
  addAnotherLabel: string;
  /**
   * "You have added {{count}} tenants" on the summary page, one key per plural category of the
   * language (i18next suffixes): `itemCount_one`, `itemCount_other`, and in Welsh or Arabic also
   * `_zero`, `_two`, `_few` and `_many`. Without them the summary counts "items".
   */
  itemCount_zero?: string;
  itemCount_one?: string;
  itemCount_two?: string;
  itemCount_few?: string;
  itemCount_many?: string;
  itemCount_other?: string;
  min?: number;
  max?: number;
  pages: QuestionPage[];
  condition?: Condition;
}

export type Page = QuestionPage | ExitPage | RepeatSection;

/** How to reach the service: a phone number (with its hours), a postal address, or both. */
export interface HelpContact {
  phone?: string;
  textRelay?: string;
  /** When the phone line is open: given exactly when `phone` is. */
  hours?: string;
  email?: string;
  postalAddress?: string[];
}

export interface FormDefinition {
  id: string;
  title: string;
  version: string;
  /**
   * Earlier versions this one is compatible with: their drafts move to this version when they next
   * load, keeping the answers that still fit. Drafts on other versions finish on their own.
   */
  compatibleWith?: string[];
  /** Language of the definition's own strings. */
  language: string;
  /**
   * Languages the form is offered in, its own first; each other one has a translation file at
   * `forms/locales/<lang>/<form id>.json`. Defaults to the form's own language alone.
   */
  languages?: string[];
  description: string;
  start: {
    body: string[];
    before?: string[];
    duration?: string;
  };
  help: HelpContact;
  pages: Page[];
  checkAnswers?: {
    /** The check answers h1; defaults to "Check your answers before sending". */
    title?: string;
    declaration?: string;
    submitLabel?: string;
  };
  confirmation: {
    title: string;
    whatHappensNext: string[];
  };
  /** What one completed transaction costs in each channel, for the cost-per-transaction KPI. */
  costs?: FormCosts;
  /**
   * The ids of the operator's destinations (the destinations file) that receive each submission;
   * none keeps submissions in the service only (docs/delivery.md).
   */
  destinations?: string[];
}

/** The cost of one completed transaction in each channel (docs/kpis.md). */
export interface FormCosts {
  /** ISO 4217 currency code; `GBP` when left out. */
  currency?: string;
  online?: number;
  phone?: number;
  'phone-assisted'?: number;
  paper?: number;
}
