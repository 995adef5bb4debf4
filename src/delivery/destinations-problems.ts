import path from 'node:path';
import type Joi from 'joi';
import { problemFromJoi } from '../definition/joi-problems';
import { jsonPath, type Problem } from '../definition/problem';
import { SECRET_KEYS } from './destinations-schema';

/** A file's name as reports show it: relative to the current directory when it is below it. */
export function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** What the destinations file expects wherever a secret goes. */
export const SECRET_REFERENCE = '{ "env": "VARIABLE_NAME" } or { "file": "path/to/secret" }';

const SECRET_REFERENCE_FAULTS: Record<string, string> = {
  'object.xor': 'it names both env and file',
  'object.missing': 'it names neither env nor file',
  'object.unknown': 'it has a key other than env or file',
  'string.pattern.base': 'env is not an environment variable name (capitals, digits and _)',
};

/**
 * A joi problem in words for the operator: a secret's value is never shown (a secret written into
 * the file gets the fix instead), and a repeated id is named.
 */
export function destinationsProblem(file: string, detail: Joi.ValidationErrorItem): Problem {
  const secretAt = detail.path.findIndex((key) => SECRET_KEYS.has(String(key)));
  if (secretAt >= 0) {
    const inline =
      secretAt === detail.path.length - 1 &&
      ['string', 'number'].includes(typeof detail.context?.value);
    const fault = SECRET_REFERENCE_FAULTS[detail.type] ?? 'it is not one';
    return {
      file,
      path: jsonPath(detail.path.slice(0, secretAt + 1)),
      message: inline
        ? 'holds the secret itself (value hidden): secrets never go in this file'
        : `is not a secret reference (value hidden): ${fault}`,
      expected: SECRET_REFERENCE,
    };
  }
  if (detail.type === 'array.unique') {
    return {
      file,
      path: jsonPath(detail.path),
      message: `repeats the id of destinations[${String(detail.context?.dupePos)}]`,
      expected: 'a different id for each destination',
    };
  }
  const problem = problemFromJoi(file, detail);
  if (detail.type !== 'object.unknown') return problem;
  return { ...problem, expected: 'only the keys docs/delivery.md lists for this type' };
}
