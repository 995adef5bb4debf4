/** Control characters, and the bidirectional controls that can show `gpj.exe` as `exe.jpg`. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX_LENGTH = 120;

/**
 * The name a file is shown and delivered under: the last part of what the browser sent, without
 * control characters or direction overrides, spaces collapsed, at most 120 characters (the
 * extension kept). Never used as a path: blobs are stored under keys of their own.
 *
 * @example
 *   cleanFileName('C:\\Users\\amara\\payslip\u202ecod.pdf'); // 'payslipcod.pdf'
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  const characters = [...clean];
  if (characters.length <= MAX_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return characters.slice(0, MAX_LENGTH - [...extension].length).join('') + extension;
}
