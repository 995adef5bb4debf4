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

/** A box or a line a page strokes (a tick box, a line to write on), points from the bottom left. */
export interface PdfStroke {
  kind: 'box' | 'line';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
  /** Only when asked for (see `pdfText`). */
  strokes?: PdfStroke[];
}

export interface PdfText {
  info: Record<string, unknown>;
  pages: PdfPage[];
}

const HELPER = path.join(__dirname, 'extract-pdf-text.mjs');

/**
 * Extracts a PDF's text with pdfjs-dist (Mozilla's PDF reader), in a child process; with
 * `strokes`, also the boxes and lines each page strokes.
 */
export function pdfText(pdf: Buffer, { strokes = false } = {}): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [HELPER, ...(strokes ? ['--strokes'] : [])],
      { maxBuffer: 64 * 1024 * 1024, cwd: path.join(__dirname, '..', '..') },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as PdfText)),
    );
    child.stdin?.end(pdf);
  });
}

/** Whether something drawn at these points lies on its page, where a printer prints it. */
export function onPage(page: PdfPage, x0: number, y0: number, x1: number, y1: number): boolean {
  return x0 >= 0 && y0 >= 0 && x1 <= page.width && y1 <= page.height;
}

/** The text a reader sees on the pages, in order: what is drawn off a page is not there. */
export function visibleText(text: PdfText): string {
  return plain(
    text.pages
      .flatMap((page) =>
        page.items.filter((i) => onPage(page, i.x, i.y, i.x + i.width, i.y)).map((i) => i.text),
      )
      .join(''),
  );
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
