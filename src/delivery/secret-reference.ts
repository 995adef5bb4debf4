import fs from 'node:fs';
import path from 'node:path';

/** Where the destinations file says a secret is: an environment variable or a file of its own. */
export type SecretReference = { env: string } | { file: string };

/**
 * The variables secrets are read from. Only `src/config.ts` reads the process environment; it hands
 * this map on, so nothing in delivery touches the environment itself.
 */
export type SecretEnvironment = Readonly<Record<string, string | undefined>>;

/** A secret read, or why it could not be: the words never include the secret. */
export type SecretRead = { ok: true; value: string } | { ok: false; message: string };

/**
 * Reads a secret from where its reference points. A file's path is taken from the destinations
 * file's folder; one line end at its end is dropped (editors and `echo` add one).
 */
export function readSecret(
  reference: SecretReference,
  env: SecretEnvironment,
  baseDir: string,
): SecretRead {
  if ('env' in reference) {
    const value = env[reference.env];
    if (value === undefined || value === '') {
      return { ok: false, message: `names ${reference.env}, which is not set or is empty` };
    }
    return { ok: true, value };
  }
  const file = path.resolve(baseDir, reference.file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`;
    return { ok: false, message: `names ${file}, which ${why}` };
  }
  const value = text.replace(/\r?\n$/, '');
  if (value === '') return { ok: false, message: `names ${file}, which is empty` };
  return { ok: true, value };
}
