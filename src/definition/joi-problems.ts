import type Joi from 'joi';
import { jsonPath, type Problem } from './problem';

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const EXPECTED_TYPE: Record<string, string> = {
  'string.base': 'a string',
  'number.base': 'a number',
  'boolean.base': 'true or false',
  'array.base': 'a list ([...])',
  'object.base': 'an object ({...})',
  'number.integer': 'a whole number',
  'string.empty': 'some text',
};

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] ?? 0;
      row[j] = Math.min(
        current + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest of the known words, when one is close enough to be a likely typo. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Turns one joi validation detail into a problem a form author can act on. */
export function problemFromJoi(file: string, detail: Joi.ValidationErrorItem): Problem {
  const path = jsonPath(detail.path);
  const context = detail.context ?? {};
  const found = shown(context.value);
  const message = detail.message.replace(/^"[^"]*" /, '');
  switch (detail.type) {
    case 'any.required':
      return { file, path, message: 'is missing', expected: 'a value: this key is required' };
    case 'any.only': {
      const valids = (context.valids as unknown[] | undefined) ?? [];
      const known = valids.map(String);
      const guess =
        typeof context.value === 'string' ? didYouMean(context.value, known) : undefined;
      return {
        file,
        path,
        message: `is ${found}`,
        expected: `one of ${known.join(', ')}`,
        hint: guess ? `did you mean "${guess}"?` : undefined,
      };
    }
    case 'object.unknown':
      return {
        file,
        path,
        message: `is not a key this place allows (found ${found})`,
        expected: 'only the keys listed in docs/form-definition.md',
      };
    case 'array.unique':
      return {
        file,
        path,
        message: `repeats ${shown(context.value)}`,
        expected: 'each value once',
      };
    case 'object.xor':
    case 'object.oxor': {
      const present = (context.present as string[] | undefined) ?? [];
      const peers = (context.peers as string[] | undefined) ?? [];
      return {
        file,
        path,
        message: `has ${present.join(' and ')} together`,
        expected: `exactly one of ${peers.join(', ')}`,
      };
    }
    case 'object.missing': {
      const peers = (context.peers as string[] | undefined) ?? [];
      return {
        file,
        path,
        message: `has none of ${peers.join(', ')}`,
        expected: `one of ${peers.join(', ')}`,
      };
    }
    default: {
      const expected = EXPECTED_TYPE[detail.type];
      if (expected) return { file, path, message: `is ${found}`, expected };
      return { file, path, message: `${message} (found ${found})` };
    }
  }
}
