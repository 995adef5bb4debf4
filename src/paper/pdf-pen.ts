import PDFDocument from 'pdfkit';
import { extractableFont } from './font-faces';
import { paperFont } from './fonts';
import { drawLine } from './pdf-line';
import { wrapText, type TextStyle } from './pdf-text';

/** A4, in points. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 50;
/** Room kept at the top and the bottom of every page for the header and the page number. */
const HEADER = 28;
const FOOTER = 30;
const INK = '#0b0c0c';
const QUIET = '#505a5f';
/** A block taller than a page starts where it is when at least this part of the page is free. */
const TALL_BLOCK_START = 0.3;

/** What a document is about, for its properties and its language. */
export interface PenOptions {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
}

/**
 * Writes a PDF from the top of the first page down: text in any of the paper form's languages
 * (wrapped, shaped, right to left where the language is), lines, boxes and QR codes, starting a
 * new page when the next block does not fit. Positions are given from the line's start edge, the
 * left in a left-to-right language and the right in a right-to-left one.
 */
export class PdfPen {
  readonly doc: PDFKit.PDFDocument;
  readonly dir: 'ltr' | 'rtl';
  /** The width text and fields may use. */
  readonly width = PAGE.width - 2 * MARGIN;
  /** Where the next thing is drawn, from the top of the page. */
  y = MARGIN + HEADER;
  /** Said at the top of a page that a block goes on to ("Question 12 continued"), while it is drawn. */
  continued: string | undefined;
  /** While true, nothing is drawn: the pen only moves, to measure what a block needs. */
  private dry = false;
  private readonly leading: number;
  private readonly top = MARGIN + HEADER;
  private readonly bottom = PAGE.height - MARGIN - FOOTER;

  constructor(options: PenOptions) {
    this.dir = options.dir;
    this.leading = options.dir === 'rtl' ? 1.75 : 1.4;
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      lang: options.lang,
      displayTitle: true,
      info: { Title: options.title, Creator: 'civic-forms' },
    });
    for (const family of ['latin', 'arabic'] as const) {
      for (const weight of ['regular', 'bold'] as const) {
        for (const mirrored of [false, true]) {
          const font = extractableFont(paperFont(family, weight), mirrored);
          const name = `${family}-${weight}${mirrored ? '-mirrored' : ''}`;
          this.doc.registerFont(name, font as unknown as Buffer);
        }
      }
    }
  }

  /** The left edge of something `start` points from the start edge and `width` wide. */
  left(start: number, width: number): number {
    return this.dir === 'rtl' ? PAGE.width - MARGIN - start - width : MARGIN + start;
  }

  /** The height of one line of text in a style. */
  lineHeight(style: TextStyle): number {
    return style.size * this.leading;
  }

  /**
   * Writes a paragraph, wrapped to `width`, and moves below it; a page that is full goes on to the
   * next. `dir` orders the words of a text in another direction than the document's (an answer
   * someone typed), still set against the start edge.
   */
  text(
    text: string,
    style: TextStyle,
    start = 0,
    width = this.width - start,
    dir: 'ltr' | 'rtl' = this.dir,
  ): void {
    for (const line of wrapText(text, style, width)) this.line(line, style, start, width, dir);
  }

  /** Writes one line at the pen, aligned to the start edge, and moves below it. */
  line(
    line: string,
    style: TextStyle,
    start = 0,
    width = this.width - start,
    dir: 'ltr' | 'rtl' = this.dir,
  ): void {
    this.room(this.lineHeight(style));
    this.draw(line, style, start, width, dir);
  }

  /** Writes one line where the pen is, whatever room is left on the page. */
  private draw(line: string, style: TextStyle, start: number, width: number, dir: 'ltr' | 'rtl') {
    if (!this.dry) {
      drawLine(this.doc, line, style, {
        dir,
        align: this.dir === 'rtl' ? 'right' : 'left',
        left: this.left(start, width),
        width,
        baseline: this.y + style.size * (this.leading - 1) * 0.5 + style.size * 0.95,
        colour: style.quiet ? QUIET : INK,
      });
    }
    this.y += this.lineHeight(style);
  }

  /** Goes on to a new page unless `height` more points fit on this one (or the page is empty). */
  room(height: number): void {
    if (!this.dry && this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  /** Moves the pen down. */
  space(points: number): void {
    this.y += points;
  }

  /** A line to write on, `width` long, on the pen's current line; moves below it. */
  writingLine(start: number, width: number, height = 26): void {
    this.room(height);
    if (!this.dry) {
      const x = this.left(start, width);
      const y = this.y + height - 4;
      this.doc
        .moveTo(x, y)
        .lineTo(x + width, y)
        .lineWidth(0.6)
        .strokeColor(QUIET)
        .stroke();
    }
    this.y += height;
  }

  /** An empty box (a tick box, a box for one digit), `top` points below the pen. */
  box(start: number, top: number, width: number, height: number): void {
    if (this.dry) return;
    this.doc
      .rect(this.left(start, width), this.y + top, width, height)
      .lineWidth(0.9)
      .strokeColor(INK)
      .stroke();
  }

  /** Dark rectangles on the pen's line (a QR code's modules), filled at once. */
  fill(rects: Array<{ start: number; top: number; width: number; height: number }>): void {
    if (this.dry) return;
    for (const r of rects)
      this.doc.rect(this.left(r.start, r.width), this.y + r.top, r.width, r.height);
    this.doc.fillColor(INK).fill();
  }

  /** The height a block will take, measured without drawing it. */
  measure(draw: () => void): number {
    const [y, dry] = [this.y, this.dry];
    this.dry = true;
    draw();
    const height = this.y - y;
    [this.y, this.dry] = [y, dry];
    return height;
  }

  /**
   * Draws a block on this page, or on a new one when it does not fit and would fit on one. A block
   * taller than a page starts on a new page unless a good part of this one is free, and goes on
   * from page to page: nothing is ever left off.
   */
  keep(draw: () => void): void {
    // While measuring, only the height counts.
    if (this.dry) return draw();
    const height = this.measure(draw);
    const page = this.bottom - this.top;
    if (this.y + height > this.bottom) {
      if (height <= page || this.bottom - this.y < page * TALL_BLOCK_START) this.newPage();
    }
    draw();
  }

  /** Starts a new page, with the note that says what goes on there when there is one. */
  newPage(): void {
    if (this.dry) return;
    this.doc.addPage();
    this.y = this.top;
    if (this.continued) {
      this.draw(this.continued, { size: 9.5, quiet: true }, 0, this.width, this.dir);
      this.space(4);
    }
  }

  /** Puts the header and "Page N of M" on every page, and gives the finished PDF. */
  finish(header: string, pageLabel: (page: number, pages: number) => string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let page = start; page < start + count; page++) {
      this.doc.switchToPage(page);
      this.y = MARGIN - 10;
      this.draw(header, { size: 8.5, quiet: true }, 0, this.width, this.dir);
      this.y = PAGE.height - MARGIN - 12;
      this.draw(
        pageLabel(page - start + 1, count),
        { size: 9, quiet: true },
        0,
        this.width,
        this.dir,
      );
    }
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
