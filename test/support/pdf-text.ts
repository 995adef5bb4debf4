import { execFile } from 'node:child_process';
import path from 'node:path';

/** A piece of text as a PDF reader extracts it, with its place on the page (points, from the bottom left). */
export interface PdfItem {
  text: string;
  x: number;
  y: number;
  width: number;
  font: string;
}

export interface PdfPage {
  number: number;
  width: number;
  items: PdfItem[];
}

export interface PdfText {
  info: Record<string, unknown>;
  pages: PdfPage[];
}

const HELPER = path.join(__dirname, 'extract-pdf-text.mjs');

/** Extracts a PDF's text with pdfjs-dist (Mozilla's PDF reader), in a child process. */
export function pdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [HELPER],
      { maxBuffer: 64 * 1024 * 1024, cwd: path.join(__dirname, '..', '..') },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as PdfText)),
    );
    child.stdin?.end(pdf);
  });
}

/** The page's text lines, top to bottom, each a list of items in the order the PDF draws them. */
export function linesOf(page: PdfPage): PdfItem[][] {
  const lines = new Map<number, PdfItem[]>();
  for (const item of page.items) {
    const y = Math.round(item.y);
    lines.set(y, [...(lines.get(y) ?? []), item]);
  }
  return [...lines.entries()].sort(([a], [b]) => b - a).map(([, items]) => items);
}

/**
 * Text made comparable whatever the line breaks: no white space or invisible characters, and no
 * marks on letters (the PDF draws Arabic vowel signs but leaves them out of its text).
 * `plain(extracted).includes(plain(expected))` is "the PDF says this".
 */
export function plain(text: string): string {
  return text.replace(/[\s\u200b-\u200f\u2066-\u2069\p{Mn}]+/gu, '');
}

/** Everything a PDF says, page after page, made comparable (see `plain`). */
export function plainText(text: PdfText): string {
  return plain(text.pages.flatMap((p) => p.items.map((i) => i.text)).join(''));
}
