import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { checkDefinitions, checkFormsDir, type LoadResult } from '../definition/load';
import { formatProblem } from '../definition/problem';
import type { CommandIo } from './users';
import { checkAgenciesDir } from '../agency/load-agencies';
import { frameworkLanguages } from '../definition/framework-languages';

export const VALIDATE_USAGE = `Usage: civic-forms validate [files...]
  Checks form definitions (every .json file in FORMS_DIR, "forms" by default, when no file is named)
  and their translations (forms/locales/<lang>/<form id>.json for each language a form offers): the
  same checks the service makes when it starts, so a form that passes here is one it starts with.
  Without files it also checks the agencies (AGENCIES_DIR/<id>/agency.json; AGENCIES_DIR is the
  "agencies" folder beside FORMS_DIR by default): schema, languages, logo, brand colour contrast,
  and that no form is in two agencies.
  Exits 0 when all are valid, 1 otherwise; warnings (untranslated or unused strings) do not fail.`;

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Prints each definition's outcome and returns the exit code. */
function report(results: LoadResult[], out: (line: string) => void): number {
  let failures = 0;
  for (const result of results) {
    if (result.ok) {
      out(`ok  ${shown(result.file)}`);
    } else {
      failures += 1;
      result.problems.forEach((p) => out(formatProblem(p)));
    }
    // Warnings (a translation left as in the form's own language, an unused key) do not fail.
    (result.warnings ?? []).forEach((p) => out(`warning: ${formatProblem(p)}`));
  }
  out(`${results.length - failures} of ${results.length} definition(s) valid`);
  return failures === 0 && results.length > 0 ? 0 : 1;
}

/**
 * `civic-forms validate [files...]`: checks the named definitions, or the forms folder the service
 * would load, and prints each problem as `file: json.path: what was found (expected ...)`.
 */
export function validate(args: string[], io: Pick<CommandIo, 'out' | 'err'>): number {
  let files: string[];
  try {
    // `--` ends the options, for a file whose name starts with a dash.
    ({ positionals: files } = parseArgs({ args, options: {}, allowPositionals: true }));
  } catch (error) {
    io.err((error as Error).message);
    io.err(VALIDATE_USAGE);
    return 2;
  }
  if (files.length > 0) return report(checkDefinitions(files.map((f) => path.resolve(f))), io.out);
  const config = readConfig();
  const checked = checkFormsDir(config.formsDir);
  if (!checked.ok) {
    io.out(formatProblem(checked.problem));
    return 1;
  }
  const forms = report(checked.results, io.out);
  const formIds = checked.results.flatMap((r) => (r.ok ? [r.form.id] : []));
  return Math.max(forms, reportAgencies(config.agenciesDir, formIds, io.out));
}

/** Prints each agency's outcome, the same checks as at start-up, and returns the exit code. */
function reportAgencies(dir: string, formIds: string[], out: (line: string) => void): number {
  const checked = checkAgenciesDir(dir, formIds, frameworkLanguages());
  // No agencies folder: every form is the default agency's, as before agencies; nothing to report.
  if (checked.results.length === 0) return 0;
  for (const result of checked.results) {
    if (result.ok) out(`ok  ${shown(result.file)}`);
    else result.problems.forEach((p) => out(formatProblem(p)));
  }
  checked.problems.forEach((p) => out(formatProblem(p)));
  checked.warnings.forEach((p) => out(`warning: ${formatProblem(p)}`));
  const failed = checked.results.filter((r) => !r.ok).length;
  out(`${checked.results.length - failed} of ${checked.results.length} agencies valid`);
  return failed === 0 && checked.problems.length === 0 ? 0 : 1;
}
