import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, readConfig } from '../config';
import { checkDefinitions, definitionFiles } from '../definition/load';
import { formatProblem } from '../definition/problem';
import { audit, AUDIT_USAGE } from './audit';
import { withConfiguredStore } from './cli-store';
import { purge, PURGE_USAGE } from './purge';
import { readNewPassword } from './read-password';
import { users, USERS_USAGE, type CommandIo } from './users';

const USAGE = `Usage: civic-forms validate [files...]
  Checks form definitions (every .json file in FORMS_DIR, "forms" by default, when no file is named)
  and their translations (forms/locales/<lang>/<form id>.json for each language a form offers).
  Exits 0 when all are valid, 1 otherwise; warnings (untranslated or unused strings) do not fail.
${USERS_USAGE}
${AUDIT_USAGE}
${PURGE_USAGE}`;

/** The terminal: results on standard output, problems and prompts on standard error. */
const terminal: CommandIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  readPassword: () => readNewPassword(),
};

/** `civic-forms validate`: checks definitions and prints each problem as file: path: message. */
export function validate(files: string[], out: (line: string) => void): number {
  let targets = files.map((f) => path.resolve(f));
  if (files.length === 0) {
    const { formsDir } = readConfig();
    if (!fs.existsSync(formsDir)) {
      const file = path.relative(process.cwd(), formsDir) || formsDir;
      out(
        formatProblem({
          file,
          path: '',
          message: 'does not exist',
          expected: 'a folder of form definitions (FORMS_DIR)',
        }),
      );
      return 1;
    }
    targets = definitionFiles(formsDir);
  }
  const results = checkDefinitions(targets);
  let failures = 0;
  for (const result of results) {
    if (result.ok) {
      out(`ok  ${path.relative(process.cwd(), result.file) || result.file}`);
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

/** Runs the command line and returns the exit code. */
export function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'validate') {
    try {
      return validate(rest, (line) => console.log(line));
    } catch (error) {
      // A bad environment is the operator's to fix: say what is wrong, without a stack trace.
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message);
      return 1;
    }
  }
  if (command === 'users') {
    return withConfiguredStore((store) => users(store, rest, terminal), terminal.err);
  }
  if (command === 'audit') {
    return withConfiguredStore((store) => audit(store, rest, terminal), terminal.err);
  }
  if (command === 'purge') {
    return withConfiguredStore((store) => purge(store, rest, terminal), terminal.err);
  }
  console.error(USAGE);
  return command === undefined || command === '--help' ? 0 : 2;
}
