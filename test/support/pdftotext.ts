import { execFile } from 'node:child_process';

/**
 * The text poppler's `pdftotext` (Debian's poppler-utils) reads from a PDF, page after page in
 * reading order: what copy and paste or a search in a poppler-based reader (Evince, Okular) gets.
 */
export function pdftotext(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'pdftotext',
      ['-enc', 'UTF-8', '-', '-'],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
          reject(
            new Error('pdftotext is missing: install it with `apt-get install poppler-utils`'),
          );
        } else if (error) reject(error);
        else resolve(stdout);
      },
    );
    child.stdin?.end(pdf);
  });
}
