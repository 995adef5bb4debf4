import type { FileQuestion } from '../definition/types';
import type { FileKind } from '../uploads/file-kind';
import { intlLocale } from './intl-locale';

/** The kinds a question takes when its definition names none. */
export const DEFAULT_FILE_KINDS: readonly FileKind[] = ['jpeg', 'png', 'pdf'];
/** The largest file when a definition gives no `maxSizeMB`, and the most it may give. */
export const DEFAULT_MAX_SIZE_MB = 10;
export const MOST_MAX_SIZE_MB = 50;
/** The longer side photos are scaled to in the browser when a definition gives no `scalePhotosTo`. */
export const DEFAULT_SCALE_PHOTOS_TO = 2000;

/** What people call each kind: the letters on the end of its name, the same in every language. */
const KIND_WORDS: Readonly<Record<FileKind, string>> = {
  jpeg: 'JPG',
  png: 'PNG',
  pdf: 'PDF',
  heic: 'HEIC',
  webp: 'WebP',
};

/** The kinds a question takes. */
export function kindsOf(question: FileQuestion): readonly FileKind[] {
  return question.accept ?? DEFAULT_FILE_KINDS;
}

/** A question's largest file, in bytes. */
export function maxBytesOf(question: FileQuestion): number {
  return (question.maxSizeMB ?? DEFAULT_MAX_SIZE_MB) * 1024 * 1024;
}

/** A question's most files. */
export function maxFilesOf(question: FileQuestion): number {
  return question.maxFiles ?? 1;
}

/** One kind's name as people know it: `JPG`. */
export function kindWord(kind: FileKind): string {
  return KIND_WORDS[kind];
}

/**
 * The kinds as a list in the language, joined with its "or".
 * @example kindsText(['jpeg', 'png', 'pdf'], 'cy') // 'JPG, PNG neu PDF'
 */
export function kindsText(kinds: readonly FileKind[], lang: string): string {
  return new Intl.ListFormat(intlLocale(lang), { type: 'disjunction' }).format(kinds.map(kindWord));
}

/**
 * A size in the language's words and digits: kilobytes under 1 MB, else megabytes to one decimal.
 * @example sizeText(1_572_864, 'en') // '1.5 MB'
 */
export function sizeText(bytes: number, lang: string): string {
  const megabytes = bytes / (1024 * 1024);
  const [unit, amount] =
    megabytes < 1
      ? (['kilobyte', Math.max(1, Math.round(bytes / 1024))] as const)
      : (['megabyte', megabytes] as const);
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'unit',
    unit,
    maximumFractionDigits: unit === 'megabyte' ? 1 : 0,
  }).format(amount);
}
