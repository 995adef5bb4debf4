import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig, type Config } from '../config';
import type { DestinationsConfig } from '../delivery/destination';
import { checkFormDestinations } from '../delivery/form-destinations';
import { problemFileName } from '../delivery/form-destinations-check';
import { DestinationsError, loadDestinations } from '../delivery/load-destinations';
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
  and that no form is in two agencies. It also checks the destinations file (DESTINATIONS_FILE) and
  that every destination a form names is in it.
  Exits 0 when all are valid, 1 otherwise; warnings (untranslated or unused strings) do not fail.`;

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Prints each definition's outcome and returns the exit code. */
export function report(results: LoadResult[], out: (line: string) => void): number {
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
  const config = readConfig();
  const destinations = readDestinations(config, io.out);
  if (files.length > 0) {
    const results = checkDefinitions(files.map((f) => path.resolve(f)));
    return Math.max(report(withDestinations(results, destinations), io.out), destinations ? 0 : 1);
  }
  const checked = checkFormsDir(config.formsDir);
  if (!checked.ok) {
    io.out(formatProblem(checked.problem));
    return 1;
  }
  const forms = Math.max(
    report(withDestinations(checked.results, destinations), io.out),
    destinations ? 0 : 1,
  );
  const formIds = checked.results.flatMap((r) => (r.ok ? [r.form.id] : []));
  return Math.max(forms, reportAgencies(config.agenciesDir, formIds, io.out));
}

/** The destinations file's destinations, or undefined after printing what is wrong with it. */
export function readDestinations(
  config: Config,
  out: (line: string) => void,
): DestinationsConfig | undefined {
  try {
    return loadDestinations(config.destinationsFile, config.secretEnvironment);
  } catch (error) {
    if (!(error instanceof DestinationsError)) throw error;
    error.problems.forEach((p) => out(formatProblem(p)));
    return undefined;
  }
}

/** The results with the problems of forms naming destinations the service does not have. */
export function withDestinations(
  results: LoadResult[],
  destinations: DestinationsConfig | undefined,
): LoadResult[] {
  // A broken destinations file was reported already: forms are checked against it once it is fixed.
  if (!destinations) return results;
  return results.map((result) => {
    if (!result.ok) return result;
    const problems = checkFormDestinations(result.form, problemFileName(result.file), destinations);
    return problems.length === 0
      ? result
      : { ok: false, file: result.file, problems, warnings: result.warnings };
  });
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
