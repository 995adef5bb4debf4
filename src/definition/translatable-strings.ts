import { pluralCategoriesOf } from './plural-keys';
import { pluralTexts } from './plural-checks';
import type { FormDefinition, Option, Page, Question } from './types';

/** One translatable string of a definition: where it is in a translation file, and its text. */
export interface Entry {
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

const QUESTION_TEXTS = ['label', 'summaryLabel', 'errorLabel', 'hint', 'suffix', 'notYet'] as const;

/** The words of each wording that follows an earlier answer: `questions.<id>.wording.<n>.label`. */
function wordingEntries(question: Question, at: (f: FormDefinition) => Json | undefined): Entry[] {
  return (question.wording ?? []).flatMap((wording, i) => {
    const find = (f: FormDefinition) => (at(f)?.wording as Json[] | undefined)?.[i];
    const key = `questions.${question.id}.wording.${i}`;
    const words: Entry[] = (['label', 'summaryLabel', 'errorLabel', 'hint'] as const)
      .filter((name) => wording[name] !== undefined)
      .map((name) => ({
        key: `${key}.${name}`,
        text: wording[name] as string,
        set: (f, value) => void ((find(f) ?? {})[name] = value),
      }));
    for (const [code, text] of Object.entries(wording.errors ?? {})) {
      if (text === undefined) continue;
      words.push({
        key: `${key}.errors.${code}`,
        text,
        set: (f, value) => void (((find(f)?.errors as Json | undefined) ?? {})[code] = value),
      });
    }
    return words;
  });
}

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
  entries.push(...wordingEntries(question, at));
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

/**
 * The plural texts, one key per plural category of the language translated into (`lang`), each
 * shown to the translator with the form's own words for that category, or its `other` form.
 */
function pluralEntries(form: FormDefinition, lang: string): Entry[] {
  return pluralTexts(form).flatMap(({ key, name, forms }) =>
    pluralCategoriesOf(lang).map((category) => ({
      key: `${key}.${name}_${category}`,
      text: forms[category] ?? forms.other ?? '',
      set: (f: FormDefinition, value: string) => {
        const page = pageById(f, key.slice('pages.'.length)) as unknown as Json | undefined;
        if (page) page[`${name}_${category}`] = value;
      },
    })),
  );
}

/**
 * Every string of a definition a translator translates, with its key in a translation file;
 * plural texts in the forms `lang` (default: the form's own language) has.
 */
export function translatableEntries(form: FormDefinition, lang = form.language): Entry[] {
  const entries: Entry[] = [
    { key: 'title', text: form.title, set: (f, v) => void (f.title = v) },
    { key: 'description', text: form.description, set: (f, v) => void (f.description = v) },
    ...listEntries('start.body', form.start.body, (f) => f.start.body),
    ...listEntries('start.before', form.start.before, (f) => f.start.before),
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
  if (form.help.hours)
    entries.push({
      key: 'help.hours',
      text: form.help.hours,
      set: (f, v) => void (f.help.hours = v),
    });
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
  entries.push(...pluralEntries(form, lang));
  return entries;
}
