import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, type Problem } from '../definition/problem';
import {
  DEFAULT_RETRY,
  type Destination,
  type DestinationsConfig,
  type RetryPolicy,
} from './destination';
import { destinationsProblem, displayName } from './destinations-problems';
import { destinationsFileSchema } from './destinations-schema';
import { resolveDestination, type DestinationEntry } from './resolve-destination';
import type { SecretEnvironment } from './secret-reference';

/** What reading a destinations file gave: the destinations, or everything wrong with the file. */
export type DestinationsResult =
  { ok: true; config: DestinationsConfig } | { ok: false; problems: Problem[] };

/** Thrown at start-up when the destinations file is not valid; the message lists every problem. */
export class DestinationsError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: Problem[]) {
    super(`The destinations file is not valid:\n${problems.map(formatProblem).join('\n')}`);
  }
}

/** No destinations: what a service without a destinations file delivers to. */
export const NO_DESTINATIONS: DestinationsConfig = Object.freeze({
  destinations: new Map<string, Destination>(),
  retry: DEFAULT_RETRY,
});

interface FileContents {
  retry: { firstDelaySeconds: number; maxDelayMinutes: number; giveUpAfterHours: number };
  destinations: DestinationEntry[];
}

function retryPolicy(retry: FileContents['retry']): RetryPolicy {
  return Object.freeze({
    firstDelayMs: retry.firstDelaySeconds * 1000,
    maxDelayMs: retry.maxDelayMinutes * 60_000,
    giveUpAfterMs: retry.giveUpAfterHours * 3_600_000,
  });
}

/**
 * Reads, checks and resolves the secrets of a destinations file's text. `env` is where
 * `{ "env": ... }` secrets are looked up; `{ "file": ... }` secrets are read beside `file`.
 */
export function parseDestinations(
  text: string,
  file: string,
  env: SecretEnvironment,
): DestinationsResult {
  const name = displayName(file);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // V8 quotes the text around an unexpected token, which could be a secret: keep the token alone.
    const why = (error as Error).message
      .replace(/^(Unexpected token '.+?'), [\s\S]* is not valid JSON$/, '$1')
      .replace(/\s+/g, ' ');
    const problem = { file: name, path: '', message: `is not valid JSON: ${why}` };
    return { ok: false, problems: [{ ...problem, expected: 'a JSON object' }] };
  }
  const { value, error } = destinationsFileSchema.validate(json, {
    abortEarly: false,
    convert: false,
  });
  if (error) return { ok: false, problems: error.details.map((d) => destinationsProblem(name, d)) };
  const contents = value as FileContents;
  const problems: Problem[] = [];
  const destinations = new Map<string, Destination>();
  contents.destinations.forEach((entry, index) => {
    const context = { file: name, index, env, baseDir: path.dirname(file) };
    const resolved = resolveDestination(entry, context);
    problems.push(...resolved.problems);
    destinations.set(entry.id, resolved.destination);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: Object.freeze({ destinations, retry: retryPolicy(contents.retry) }) };
}

/**
 * The destinations of a file, or none without one; throws a DestinationsError listing every
 * problem. Read once at start-up, like the rest of the configuration.
 *
 * @example
 *   // `variables` is the map of environment variables that src/config.ts read and handed on.
 *   const destinations = loadDestinations('/etc/civic-forms/destinations.json', variables);
 */
export function loadDestinations(
  file: string | undefined,
  env: SecretEnvironment,
): DestinationsConfig {
  if (file === undefined) return NO_DESTINATIONS;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DestinationsError([
      {
        file: displayName(file),
        path: '',
        message: missing ? 'does not exist' : (error as Error).message,
        expected: 'a readable JSON file of destinations (DESTINATIONS_FILE)',
      },
    ]);
  }
  const result = parseDestinations(text, file, env);
  if (!result.ok) throw new DestinationsError(result.problems);
  return result.config;
}
