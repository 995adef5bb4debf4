import { FILE_KIND_NAMES, type FileKind } from './file-kind';
import type { FileProblem } from './file-problem';

/** A file a person gave, as their answer keeps it: the bytes are in the blob store under `id`. */
export interface StoredFile {
  /** The blob store key (`newBlobKey()`), never derived from the name. */
  readonly id: string;
  /** The name the person's device gave it, cleaned (`cleanFileName`). */
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** What its content shows it is. */
  readonly kind: FileKind;
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
  /**
   * How the file reached the service when staff added it for a caller: the caller posted it or
   * emailed it. Absent for a file the person uploaded themselves.
   */
  readonly receivedBy?: ReceivedBy;
}

/** How a file staff added for a caller reached the service. */
export const RECEIVED_BY = ['post', 'email'] as const;
export type ReceivedBy = (typeof RECEIVED_BY)[number];

/**
 * What the upload handler gives a `file` question to parse in place of posted text: the files kept
 * after this post and the problems with those refused. Only the server makes it (a posted form
 * holds strings only), so a forged post cannot name another person's file.
 */
export interface FileUploadState {
  readonly files: readonly StoredFile[];
  readonly problems: readonly FileProblem[];
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Whether a value is a well-formed stored file (an answer read back from a draft is checked). */
export function isStoredFile(value: unknown): value is StoredFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    typeof file.id === 'string' &&
    typeof file.name === 'string' &&
    typeof file.size === 'number' &&
    FILE_KIND_NAMES.includes(file.kind as FileKind) &&
    typeof file.sha256 === 'string' &&
    SHA256.test(file.sha256) &&
    (file.receivedBy === undefined || RECEIVED_BY.includes(file.receivedBy as ReceivedBy))
  );
}

/** The stored files in an answer (none when it is not a list of files). */
export function storedFilesOf(value: unknown): StoredFile[] {
  return Array.isArray(value) ? value.filter(isStoredFile) : [];
}

/**
 * Every blob key an answers record refers to, repeating sections' items included: what must be kept
 * while the draft or submission that holds them is kept.
 *
 * @example
 *   fileIdsIn(draft.answers); // ['3f0c…', '9a1b…']
 */
export function fileIdsIn(answers: Readonly<Record<string, unknown>>): string[] {
  return storedFilesIn(answers).map((file) => file.id);
}

/** Every stored file an answers record holds, repeating sections' items included, in order. */
export function storedFilesIn(answers: Readonly<Record<string, unknown>>): StoredFile[] {
  const files: StoredFile[] = [];
  for (const value of Object.values(answers)) {
    if (!Array.isArray(value)) continue;
    for (const entry of value) {
      if (isStoredFile(entry)) files.push(entry);
      else if (typeof entry === 'object' && entry !== null && 'answers' in entry) {
        files.push(...storedFilesIn((entry as { answers: Record<string, unknown> }).answers));
      }
    }
  }
  return files;
}

/** The stored file with this id in an answers record (a submission's), if it holds one. */
export function findStoredFile(
  answers: Readonly<Record<string, unknown>>,
  id: string,
): StoredFile | undefined {
  return storedFilesIn(answers).find((file) => file.id === id);
}
