import { createHash } from 'node:crypto';
import { FILE_KINDS, sniffFileKind, type FileKind } from './file-kind';
import type { FileProblem } from './file-problem';
import type { ReceivedFile } from './parse-multipart';
import { ScannerUnavailable, type VirusScanner } from './virus-scanner';

/** A file that may be stored: of a kind the question takes, and scanned clean. */
export interface AcceptedFile {
  field: string;
  name: string;
  /** The kind its content shows, whatever its name says. */
  kind: FileKind;
  mimeType: string;
  size: number;
  /** Hex SHA-256 of the bytes, for delivery and for the receiver to check. */
  sha256: string;
  bytes: Buffer;
}

export type CheckedFile = { accepted: AcceptedFile } | { problem: FileProblem };

/**
 * Checks a received file in the GOV.UK order: its kind by content (wrong type), then the virus
 * scanner (infected; scanner down when it gives no verdict). A file is accepted only with a verdict
 * of clean.
 *
 * @example
 *   const checked = await checkUpload(file, ['jpeg', 'png', 'pdf'], scanner);
 *   if ('problem' in checked) showError(checked.problem);
 */
export async function checkUpload(
  file: ReceivedFile,
  types: readonly FileKind[],
  scanner: VirusScanner,
): Promise<CheckedFile> {
  const { field, name, bytes } = file;
  const kind = sniffFileKind(bytes);
  if (kind === undefined || !types.includes(kind)) {
    return { problem: { field, code: 'wrongType', name } };
  }
  let verdict;
  try {
    verdict = await scanner.scan(bytes);
  } catch (error) {
    if (error instanceof ScannerUnavailable) {
      return { problem: { field, code: 'scannerDown', name } };
    }
    throw error;
  }
  if (verdict !== 'clean') return { problem: { field, code: 'infected', name } };
  return {
    accepted: {
      field,
      name,
      kind,
      mimeType: FILE_KINDS[kind].mimeType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
    },
  };
}
