import path from 'node:path';
import { readConfig } from '../config';
import { checkDefinitions, definitionFiles } from '../definition/load';
import { formatProblem } from '../definition/problem';

const USAGE = `Usage: civic-forms validate [files...]
  Checks form definitions (every .json file in FORMS_DIR, "forms" by default, when no file is named).
  Exits 0 when all are valid, 1 otherwise.`;

/** `civic-forms validate`: checks definitions and prints each problem as file: path: message. */
export function validate(files: string[], out: (line: string) => void): number {
  const targets =
    files.length > 0 ? files.map((f) => path.resolve(f)) : definitionFiles(readConfig().formsDir);
  const results = checkDefinitions(targets);
  let failures = 0;
  for (const result of results) {
    if (result.ok) {
      out(`ok  ${path.relative(process.cwd(), result.file) || result.file}`);
    } else {
      failures += 1;
      result.problems.forEach((p) => out(formatProblem(p)));
    }
  }
  out(`${results.length - failures} of ${results.length} definition(s) valid`);
  return failures === 0 && results.length > 0 ? 0 : 1;
}

/** Runs the command line and returns the exit code. */
export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'validate') return validate(rest, (line) => console.log(line));
  console.error(USAGE);
  return command === undefined || command === '--help' ? 0 : 2;
}
