import fs from 'node:fs';
import path from 'node:path';
import { deepFreeze } from './freeze';
import { problemFromJoi } from './joi-problems';
import { formatProblem, type Problem } from './problem';
import { buildCatalogue } from './catalogue';
import { checkFrameworkLanguages } from './framework-languages';
import { checkExits } from './exit-checks';
import { checkPlurals } from './plural-checks';
import { checkQuestions } from './question-checks';
import { checkReachability } from './reachability';
import { checkReferences } from './references';
import { checkFormId } from './reserved-form-ids';
import {
  applyTranslation,
  checkTranslation,
  languagesOf,
  registerTranslations,
} from './translation';
import { formSchema } from './schema';
import { usabilityWarnings } from './usability-warnings';
import { checkVersions } from './version-checks';
import { checkWordings } from './wording-checks';
import type { FormDefinition } from './types';

/** What reading one definition file gave: the form, or what is wrong with it. */
export type LoadResult =
  | {
      ok: true;
      file: string;
      form: FormDefinition;
      warnings: Problem[];
      /** Each other language's translation file as read (what `publish` stores with the form). */
      translations?: Readonly<Record<string, unknown>>;
    }
  | { ok: false; file: string; problems: Problem[]; warnings?: Problem[] };

/** Thrown when one or more definitions are not valid; the message lists every problem. */
export class DefinitionError extends Error {
  readonly code = 'DEFINITION_INVALID';
  constructor(readonly problems: Problem[]) {
    super(`Form definitions are not valid:\n${problems.map(formatProblem).join('\n')}`);
  }
}

function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') ? file : relative;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/** Where JSON.parse gave up. V8 names the position in most messages, but not in "Unexpected token" ones. */
function failureOffset(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (message.includes('end of JSON input')) return text.length;
  // A prefix JSON.parse can still read on from ends before the offending character: find the longest.
  const readsOn = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const m = (error as Error).message;
      return m.includes('end of JSON input') || /position (\d+)/.exec(m)?.[1] === String(length);
    }
  };
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (readsOn(middle)) good = middle;
    else bad = middle;
  }
  return bad - 1;
}

/** Parses and validates one definition from its text. */
export function parseDefinition(source: string, file: string): LoadResult {
  const name = displayName(file);
  // Some Windows editors start a UTF-8 file with a byte order mark, which JSON.parse rejects.
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around an unexpected token, new lines and all: keep the report one line.
    const message = (error as Error).message
      .replace(/^(Unexpected token '.+?'), [\s\S]* is not valid JSON$/, '$1')
      .replace(/\s+/g, ' ');
    const where = ` at ${lineAndColumn(text, failureOffset(text, (error as Error).message))}`;
    return {
      ok: false,
      file,
      problems: [
        {
          file: name,
          path: '',
          message: `is not valid JSON${where}: ${message}`,
          expected: 'a JSON object',
        },
      ],
    };
  }
  const { value, error } = formSchema.validate(json, { abortEarly: false, convert: false });
  if (error)
    return { ok: false, file, problems: error.details.map((d) => problemFromJoi(name, d)) };
  const form = value as FormDefinition;
  const catalogue = buildCatalogue(form);
  const problems = [
    ...checkReferences(form, name),
    ...checkQuestions(catalogue, name),
    ...checkWordings(catalogue, name),
    ...checkFormId(form, name),
    ...checkFrameworkLanguages(form, name),
    ...checkPlurals(form, name),
    ...checkExits(form, name),
    ...checkVersions(form, name),
  ];
  // Which pages answers can reach is only worked out for conditions that are sound themselves.
  const reachability = problems.length === 0 ? checkReachability(form, catalogue, name) : undefined;
  problems.push(...(reachability?.problems ?? []));
  const warnings = [...(reachability?.warnings ?? []), ...usabilityWarnings(catalogue, name)];
  const stem = path.basename(file, '.json');
  if (form.id !== stem) {
    problems.push({
      file: name,
      path: 'id',
      message: `is "${form.id}" but the file is ${path.basename(file)}`,
      expected: `"${stem}", the file's name without .json`,
    });
  }
  if (problems.length > 0) return { ok: false, file, problems, warnings };
  return { ok: true, file, form: deepFreeze(form), warnings };
}

/** Where a form's translation into a language lives: `forms/locales/<lang>/<form id>.json`. */
export function translationFile(definitionFile: string, formId: string, lang: string): string {
  return path.join(path.dirname(definitionFile), 'locales', lang, `${formId}.json`);
}

/**
 * Reads and checks the translations of a valid definition into each language it offers, and
 * registers them so `localise()` finds them. Missing files or strings make the result invalid.
 */
function withTranslations(result: LoadResult): LoadResult {
  if (!result.ok) return result;
  const { form, file } = result;
  const problems: Problem[] = [];
  const warnings: Problem[] = [...result.warnings];
  const byLanguage = new Map<string, FormDefinition>();
  const translations: Record<string, unknown> = {};
  for (const lang of languagesOf(form).slice(1)) {
    const source = translationFile(file, form.id, lang);
    const name = displayName(source);
    let translation: unknown;
    try {
      translation = JSON.parse(fs.readFileSync(source, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      problems.push({
        file: name,
        path: '',
        message: missing
          ? `does not exist, but the form offers "${lang}"`
          : `is not valid JSON: ${(error as Error).message}`,
        expected: 'the translation layout in docs/translation.md',
      });
      continue;
    }
    const checked = checkTranslation(form, translation, name, lang);
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
    if (checked.problems.length === 0) {
      byLanguage.set(lang, applyTranslation(form, translation, lang));
      translations[lang] = translation;
    }
  }
  if (problems.length > 0) return { ok: false, file, problems, warnings };
  registerTranslations(form, byLanguage);
  return { ...result, warnings, translations };
}

/** The `.json` files of a forms folder, sorted, each with its full path. */
export function definitionFiles(formsDir: string): string[] {
  return fs
    .readdirSync(formsDir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(formsDir, name));
}

/** Reads and validates the given definition files, whatever their outcome. */
export function checkDefinitions(files: string[]): LoadResult[] {
  return files.map((file) => {
    try {
      return withTranslations(parseDefinition(fs.readFileSync(file, 'utf8'), file));
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'does not exist'
          : (error as Error).message;
      return {
        ok: false,
        file,
        problems: [
          { file: displayName(file), path: '', message: reason, expected: 'a readable JSON file' },
        ],
      };
    }
  });
}

/** What checking a forms folder found: each definition's result, or that the folder is missing. */
export type FolderCheck =
  { ok: true; results: LoadResult[] } | { ok: false; problem: Problem; results: [] };

/**
 * Checks every definition of a forms folder: the one set of checks that both `civic-forms validate`
 * and the service's start-up run, so a folder the validator passes is one the service starts with.
 */
export function checkFormsDir(formsDir: string): FolderCheck {
  if (!fs.existsSync(formsDir)) {
    return {
      ok: false,
      results: [],
      problem: {
        file: displayName(formsDir),
        path: '',
        message: 'does not exist',
        expected: 'a folder of form definitions (FORMS_DIR)',
      },
    };
  }
  return { ok: true, results: checkDefinitions(definitionFiles(formsDir)) };
}

/**
 * Loads every form of a folder, or throws a DefinitionError listing every problem in every file.
 *
 * @example
 *   const forms = loadForms('forms'); // Map of form id to its frozen definition
 */
export function loadForms(formsDir: string): ReadonlyMap<string, FormDefinition> {
  const checked = checkFormsDir(formsDir);
  if (!checked.ok) throw new DefinitionError([checked.problem]);
  const problems = checked.results.flatMap((r) => (r.ok ? [] : r.problems));
  if (problems.length > 0) throw new DefinitionError(problems);
  const forms = new Map<string, FormDefinition>();
  for (const result of checked.results) if (result.ok) forms.set(result.form.id, result.form);
  return forms;
}

/**
 * A published version as the service serves it: the definition and translations stored when it
 * was published (and checked then), frozen, its translations registered for `localise()`.
 */
export function storedDefinition(definition: string, translations: string): FormDefinition {
  const form = deepFreeze(JSON.parse(definition) as FormDefinition);
  const byLanguage = new Map<string, FormDefinition>();
  const given = JSON.parse(translations) as Record<string, unknown>;
  for (const lang of languagesOf(form).slice(1)) {
    if (given[lang] !== undefined) byLanguage.set(lang, applyTranslation(form, given[lang], lang));
  }
  registerTranslations(form, byLanguage);
  return form;
}
