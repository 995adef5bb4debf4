import { deepFreeze } from './freeze';
import type { Problem } from './problem';
import type { FormDefinition, Option, Page, Question } from './types';

/** One translatable string of a definition: where it is in a translation file, and its text. */
interface Entry {
  /** Path in the translation file, e.g. `questions.tenure.options.rent.text`. */
  key: string;
  text: string;
  /** Puts a translated text into a copy of the definition. */
  set(target: FormDefinition, text: string): void;
}

type Json = Record<string, unknown>;

function listEntries(
  key: string,
  texts: readonly string[] | undefined,
  at: (f: FormDefinition) => string[] | undefined,
): Entry[] {
  return (texts ?? []).map((text, i) => ({
    key: `${key}.${i}`,
    text,
    set: (f, value) => {
      const list = at(f);
      if (list) list[i] = value;
    },
  }));
}

function pageById(form: FormDefinition, id: string): Page | undefined {
  for (const page of form.pages) {
    if (page.id === id) return page;
    if (page.kind === 'repeat') {
      const inner = page.pages.find((p) => p.id === id);
      if (inner) return inner;
    }
  }
  return undefined;
}

function questionById(form: FormDefinition, id: string): Question | undefined {
  for (const page of form.pages) {
    const pages = page.kind === 'repeat' ? page.pages : page.kind === 'exit' ? [] : [page];
    for (const p of pages) {
      const found = p.questions.find((q) => q.id === id);
      if (found) return found;
    }
  }
  return undefined;
}

const QUESTION_TEXTS = ['label', 'summaryLabel', 'errorLabel', 'hint', 'suffix'] as const;

function questionEntries(question: Question): Entry[] {
  const at = (f: FormDefinition) => questionById(f, question.id) as unknown as Json | undefined;
  const entries: Entry[] = [];
  for (const name of QUESTION_TEXTS) {
    const text = (question as unknown as Json)[name];
    if (typeof text === 'string') {
      entries.push({
        key: `questions.${question.id}.${name}`,
        text,
        set: (f, value) => void ((at(f) ?? {})[name] = value),
      });
    }
  }
  for (const [code, text] of Object.entries(question.errors ?? {})) {
    if (text === undefined) continue;
    entries.push({
      key: `questions.${question.id}.errors.${code}`,
      text,
      set: (f, value) => void (((at(f)?.errors as Json | undefined) ?? {})[code] = value),
    });
  }
  const options = 'options' in question ? question.options : [];
  for (const option of options) {
    const find = (f: FormDefinition) =>
      ((at(f)?.options as Option[] | undefined) ?? []).find((o) => o.value === option.value);
    entries.push({
      key: `questions.${question.id}.options.${option.value}.text`,
      text: option.text,
      set: (f, value) => void ((find(f) ?? ({} as Option)).text = value),
    });
    if (option.hint) {
      entries.push({
        key: `questions.${question.id}.options.${option.value}.hint`,
        text: option.hint,
        set: (f, value) => void ((find(f) ?? ({} as Option)).hint = value),
      });
    }
  }
  return entries;
}

function pageEntries(page: Page): Entry[] {
  const at = (f: FormDefinition) => pageById(f, page.id) as unknown as Json | undefined;
  const entries: Entry[] = [];
  const names =
    page.kind === 'repeat'
      ? (['title', 'itemName', 'addAnotherLabel'] as const)
      : (['title'] as const);
  for (const name of names) {
    const text = (page as unknown as Json)[name];
    if (typeof text === 'string')
      entries.push({
        key: `pages.${page.id}.${name}`,
        text,
        set: (f, value) => void ((at(f) ?? {})[name] = value),
      });
  }
  if (page.kind !== 'repeat') {
    entries.push(
      ...listEntries(
        `pages.${page.id}.body`,
        page.body,
        (f) => at(f)?.body as string[] | undefined,
      ),
    );
  }
  if (page.kind === 'repeat') page.pages.forEach((inner) => entries.push(...pageEntries(inner)));
  else if (page.kind !== 'exit') page.questions.forEach((q) => entries.push(...questionEntries(q)));
  return entries;
}

/** Every string of a definition a translator translates, with its key in a translation file. */
export function translatableEntries(form: FormDefinition): Entry[] {
  const entries: Entry[] = [
    { key: 'title', text: form.title, set: (f, v) => void (f.title = v) },
    { key: 'description', text: form.description, set: (f, v) => void (f.description = v) },
    ...listEntries('start.body', form.start.body, (f) => f.start.body),
    ...listEntries('start.before', form.start.before, (f) => f.start.before),
    { key: 'help.hours', text: form.help.hours, set: (f, v) => void (f.help.hours = v) },
    ...listEntries(
      'confirmation.whatHappensNext',
      form.confirmation.whatHappensNext,
      (f) => f.confirmation.whatHappensNext,
    ),
    {
      key: 'confirmation.title',
      text: form.confirmation.title,
      set: (f, v) => void (f.confirmation.title = v),
    },
  ];
  if (form.start.duration)
    entries.push({
      key: 'start.duration',
      text: form.start.duration,
      set: (f, v) => void (f.start.duration = v),
    });
  if (form.help.textRelay)
    entries.push({
      key: 'help.textRelay',
      text: form.help.textRelay,
      set: (f, v) => void (f.help.textRelay = v),
    });
  for (const name of ['title', 'declaration', 'submitLabel'] as const) {
    const text = form.checkAnswers?.[name];
    if (text)
      entries.push({
        key: `checkAnswers.${name}`,
        text,
        set: (f, v) => void ((f.checkAnswers ??= {})[name] = v),
      });
  }
  form.pages.forEach((page) => entries.push(...pageEntries(page)));
  return entries;
}

/** Keys a translation may give although the definition does not require them (the address). */
const OPTIONAL_KEYS = /^help\.postalAddress\.\d+$/;

/** A translation file flattened to `key → text`, lists by index (`start.body.0`). */
function flatten(
  value: unknown,
  prefix = '',
  into: Map<string, unknown> = new Map(),
): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

function toJsonPath(key: string): string {
  return key.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** What checking a translation found: errors that stop it being used, and warnings. */
export interface TranslationCheck {
  problems: Problem[];
  warnings: Problem[];
}

/**
 * Checks a form's translation file: every string present (an error if not), no keys the definition
 * does not have, and no string left as in the form's own language (warnings).
 */
export function checkTranslation(
  form: FormDefinition,
  translation: unknown,
  file: string,
): TranslationCheck {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  if (translation === null || typeof translation !== 'object' || Array.isArray(translation)) {
    return {
      problems: [
        {
          file,
          path: '',
          message: 'is not a JSON object',
          expected: 'the layout in docs/translation.md',
        },
      ],
      warnings,
    };
  }
  const given = flatten(translation);
  const wanted = new Map(translatableEntries(form).map((e) => [e.key, e]));
  for (const [key, entry] of wanted) {
    const text = given.get(key);
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push({
        file,
        path: toJsonPath(key),
        message: text === undefined ? 'is missing' : `is ${JSON.stringify(text)}`,
        expected: `the translation of ${JSON.stringify(entry.text)}`,
      });
    } else if (text === entry.text && /\p{L}{3,}/u.test(text)) {
      warnings.push({
        file,
        path: toJsonPath(key),
        message: `is the same as in ${form.language} (${JSON.stringify(text)})`,
        expected: 'a translation, unless the words really are the same',
      });
    }
  }
  for (const key of given.keys()) {
    if (!wanted.has(key) && !OPTIONAL_KEYS.test(key)) {
      warnings.push({
        file,
        path: toJsonPath(key),
        message: 'is not used: the definition has no such text',
        expected: 'only keys for texts the definition has',
      });
    }
  }
  const address = given.get('help.postalAddress.0');
  if (address !== undefined) {
    const lines = [...given.keys()].filter((k) => OPTIONAL_KEYS.test(k)).length;
    if (lines !== form.help.postalAddress.length) {
      problems.push({
        file,
        path: 'help.postalAddress',
        message: `has ${lines} lines`,
        expected: `${form.help.postalAddress.length} lines, as in the definition, or no key at all`,
      });
    }
  }
  return { problems, warnings };
}

/** The definition with every string replaced by its translation (a checked translation). */
export function applyTranslation(
  form: FormDefinition,
  translation: unknown,
  lang: string,
): FormDefinition {
  const copy = structuredClone(form) as FormDefinition;
  const given = flatten(translation);
  for (const entry of translatableEntries(form)) {
    const text = given.get(entry.key);
    if (typeof text === 'string') entry.set(copy, text);
  }
  const address = [...given.entries()]
    .filter(([k]) => OPTIONAL_KEYS.test(k))
    .map(([, v]) => String(v));
  if (address.length === form.help.postalAddress.length) copy.help.postalAddress = address;
  copy.language = lang;
  return deepFreeze(copy);
}

const translations = new WeakMap<FormDefinition, ReadonlyMap<string, FormDefinition>>();

/** Records a form's translated definitions, by language (the loader does this). */
export function registerTranslations(
  form: FormDefinition,
  byLanguage: ReadonlyMap<string, FormDefinition>,
): void {
  translations.set(form, byLanguage);
}

/** The form in a language it is offered in; its own language otherwise. */
export function localise(form: FormDefinition, lang: string): FormDefinition {
  return translations.get(form)?.get(lang) ?? form;
}

/** The languages a form is offered in, its own first. */
export function languagesOf(form: FormDefinition): readonly string[] {
  return form.languages ?? [form.language];
}
