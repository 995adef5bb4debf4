import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { checkDefinitions, translationFile } from '../definition/load';
import { formatProblem } from '../definition/problem';
import { RESERVED_FORM_IDS } from '../definition/reserved-form-ids';
import { frameworkLanguages } from '../definition/framework-languages';
import { createI18n, translator } from '../web/i18n';
import { starterForm } from './starter-form';
import type { CommandIo } from './users';

export const NEW_USAGE = `Usage: civic-forms new <form id> [--languages en,cy,...]
  Writes a small valid form to start from, FORMS_DIR/<form id>.json ("forms" by default): a start
  page, a full name and a phone number, check answers and a confirmation. With --languages (the
  form's own language first, default "en"), it also writes a translation file for each other
  language, FORMS_DIR/locales/<lang>/<form id>.json. It never overwrites a file: it stops if any
  of them exists. The form id is lower-case words joined by dashes, such as apply-for-a-permit.
  Then edit the files (docs/tutorial.md shows how) and check them with civic-forms validate.`;

const SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `civic-forms new <id>`: writes a starting form and its translations, then checks them. */
export function newForm(args: string[], io: Pick<CommandIo, 'out' | 'err'>): number {
  let id: string | undefined;
  let languages: string[];
  try {
    const parsed = parseArgs({
      args,
      options: { languages: { type: 'string' } },
      allowPositionals: true,
    });
    if (parsed.positionals.length !== 1) throw new Error('Name one form id.');
    id = parsed.positionals[0];
    languages = (parsed.values.languages ?? 'en').split(',').map((l) => l.trim());
  } catch (error) {
    io.err((error as Error).message);
    io.err(NEW_USAGE);
    return 2;
  }
  if (
    id === undefined ||
    !SLUG.test(id) ||
    id.length > 60 ||
    Object.hasOwn(RESERVED_FORM_IDS, id)
  ) {
    io.err(
      `"${id ?? ''}" cannot be a form id: use lower-case letters, digits and single dashes, starting with a letter (at most 60), and none of ${Object.keys(RESERVED_FORM_IDS).join(', ')}.`,
    );
    return 2;
  }
  const offered = frameworkLanguages();
  const unknown = languages.filter((l) => !offered.includes(l));
  if (unknown.length > 0 || new Set(languages).size !== languages.length) {
    io.err(
      `--languages must list each language once, from those civic-forms has words for: ${offered.join(', ')} (found ${languages.join(',')}).`,
    );
    return 2;
  }
  const { formsDir } = readConfig();
  const file = path.join(formsDir, `${id}.json`);
  const i18n = createI18n();
  const starter = starterForm(id, languages, (lang) => translator(i18n, lang));
  const files = new Map<string, unknown>([[file, starter.definition]]);
  for (const [lang, words] of starter.translations)
    files.set(translationFile(file, id, lang), words);
  const existing = [...files.keys()].filter((f) => fs.existsSync(f));
  if (existing.length > 0) {
    existing.forEach((f) =>
      io.err(`${path.relative(process.cwd(), f)} already exists: nothing was written.`),
    );
    return 1;
  }
  for (const [target, content] of files) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `${JSON.stringify(content, null, 2)}\n`, { flag: 'wx' });
    io.out(`wrote ${path.relative(process.cwd(), target)}`);
  }
  // The same checks as `civic-forms validate`: a new form must start valid.
  const [result] = checkDefinitions([file]);
  if (!result?.ok) {
    result?.problems.forEach((p) => io.err(formatProblem(p)));
    return 1;
  }
  io.out(`Next: edit ${path.relative(process.cwd(), file)}, then run civic-forms validate.`);
  return 0;
}
