/**
 * What can be wrong with the files given for one question, in the order the GOV.UK file upload
 * pattern reports them: no file, too few or too many, empty, too big, wrong type, infected, scanner
 * down; on a staff journey, a file chosen without saying how the caller sent it (`receivedBy`)
 * comes straight after "no file". The words are `errors:file.<code>` in the locale files.
 */
export const FILE_PROBLEM_CODES = [
  'required',
  'receivedBy',
  'tooFew',
  'tooMany',
  'empty',
  'tooBig',
  'wrongType',
  'infected',
  'scannerDown',
] as const;

export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];

/** A refused file (or selection of files), as data. */
export interface FileProblem {
  /** The form field (file input) the files came in. */
  field: string;
  code: FileProblemCode;
  /** The file's name as the user chose it (cleaned), when the problem is with one file. */
  name?: string;
}

/**
 * The problem to show for a field when it has several: the first in the GOV.UK order, and of those
 * the first file given.
 */
export function firstProblem(problems: readonly FileProblem[]): FileProblem | undefined {
  const rank = (problem: FileProblem) => FILE_PROBLEM_CODES.indexOf(problem.code);
  return problems.reduce<FileProblem | undefined>(
    (first, problem) => (first === undefined || rank(problem) < rank(first) ? problem : first),
    undefined,
  );
}
