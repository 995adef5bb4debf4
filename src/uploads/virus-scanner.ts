import type { Readable } from 'node:stream';

/** What a scanner says of a file it read to the end: clean, or infected with a named signature. */
export type ScanVerdict = 'clean' | { infected: string };

/**
 * A virus scanner: reads a whole file and gives its verdict. A scanner that cannot give one (down,
 * unreachable, timed out, answered something it does not understand) throws `ScannerUnavailable`:
 * a file is never taken as clean because the scanner could not look at it.
 *
 * @example
 *   const verdict = await scanner.scan(bytes);
 *   if (verdict !== 'clean') refuse(verdict.infected);
 */
export interface VirusScanner {
  scan(file: Buffer | Readable): Promise<ScanVerdict>;
  /** Resolves when the scanner answers (for start-up and health checks); throws `ScannerUnavailable`. */
  ping(): Promise<void>;
}

/** The scanner gave no verdict: the file must not be accepted ("try again later"). */
export class ScannerUnavailable extends Error {
  readonly code = 'SCANNER_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScannerUnavailable';
  }
}
