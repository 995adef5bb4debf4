/** A username as stored and compared: trimmed, Unicode-normalised, lower case. */
export function normaliseUsername(typed: string): string {
  return typed.normalize('NFKC').trim().toLowerCase();
}

/** Letters, digits and `. _ @ -`, 2 to 64 characters, starting with a letter or digit (emails fit). */
export function isValidUsername(username: string): boolean {
  return /^[a-z0-9][a-z0-9._@-]{1,63}$/.test(username);
}
