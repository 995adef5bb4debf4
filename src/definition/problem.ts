/** One thing wrong with a form definition, reported like a compiler error. */
export interface Problem {
  /** The file, relative to the current directory when it is below it. */
  file: string;
  /** The JSON path of the value at fault, e.g. `pages[2].questions[0].type`; empty for the file. */
  path: string;
  /** What is wrong, with what was found. */
  message: string;
  /** What was expected instead. */
  expected?: string;
  /** A suggestion, when there is one worth making. */
  hint?: string;
}

/** Renders a problem as one line: `file: json.path: what is wrong (expected ...)`. */
export function formatProblem(problem: Problem): string {
  const where = problem.path ? `${problem.file}: ${problem.path}` : problem.file;
  const expected = problem.expected ? ` (expected ${problem.expected})` : '';
  const hint = problem.hint ? `; ${problem.hint}` : '';
  return `${where}: ${problem.message}${expected}${hint}`;
}

/** Writes a JSON path the way a person reads it: `pages[2].questions[0].id`. */
export function jsonPath(segments: ReadonlyArray<string | number>): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}
