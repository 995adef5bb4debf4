import { createHash } from 'node:crypto';
import type { FormDefinition } from '../definition/types';

/**
 * JSON with every object's keys sorted, so the same content always gives the same text whatever
 * order a file wrote its keys in. Hand-written: ten lines, where a package would add a dependency
 * for the same ten lines (docs/dependencies.md).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, inner]) => `${JSON.stringify(k)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What is stored for a published version: its definition, its translations and their hash. */
export interface VersionContent {
  definition: string;
  translations: string;
  /** SHA-256 (hex) of the definition and translations: the same content, the same hash. */
  contentHash: string;
}

/** A checked definition and its translations as a version's stored content. */
export function versionContent(
  form: FormDefinition,
  translations: Readonly<Record<string, unknown>> = {},
): VersionContent {
  const definition = canonicalJson(form);
  const translated = canonicalJson(translations);
  const contentHash = createHash('sha256')
    .update(definition)
    .update('\n')
    .update(translated)
    .digest('hex');
  return { definition, translations: translated, contentHash };
}
