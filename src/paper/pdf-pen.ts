import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { mirrorImage } from './bidi-pieces';
import { extractableFont, silentShapes } from './font-faces';
import { paperFont } from './fonts';
import { placeLine, wrapText, type TextStyle } from './pdf-text';

/** A4, in points. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 50;
/** Room kept at the top and the bottom of every page for the header and the page number. */
const HEADER = 28;
const FOOTER = 30;
const INK = '#0b0c0c';
const QUIET = '#505a5f';

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
  /** While true, nothing is drawn: the pen only moves, to measure what a block needs. */
  private dry = false;
  private readonly leading: number;
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

  /** Writes a paragraph, wrapped to `width`, and moves below it. */
  text(text: string, style: TextStyle, start = 0, width = this.width - start): void {
    for (const line of wrapText(text, style, width)) {
      this.line(line, style, start, width);
    }
  }

  /** Writes one line at the pen, aligned to the start edge, and moves below it. */
  line(line: string, style: TextStyle, start = 0, width = this.width - start): void {
    const height = this.lineHeight(style);
    if (!this.dry) {
      const placed = placeLine(line, this.dir, style);
      const left =
        this.dir === 'rtl'
          ? this.left(start, width) + width - placed.width
          : this.left(start, width);
      const baseline = this.y + style.size * (this.leading - 1) * 0.5 + style.size * 0.95;
      const weight = style.weight ?? 'regular';
      const colour = style.quiet ? QUIET : INK;
      for (const piece of placed.pieces) {
        const x = left + piece.x;
        this.doc
          .font(`${piece.family}-${weight}${piece.mirrored ? '-mirrored' : ''}`)
          .fontSize(style.size)
          .fillColor(colour)
          .text(piece.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
        const drawn = piece.mirrored ? mirrorImage(piece.text) : piece.text;
        this.shapes(paperFont(piece.family, weight), drawn, x, baseline, style.size, colour);
      }
    }
    this.y += height;
  }

  /** Draws the glyphs of a text that stand for no character (see `silentShapes`) as filled paths. */
  private shapes(
    font: Font,
    text: string,
    x: number,
    baseline: number,
    size: number,
    colour: string,
  ) {
    const scale = size / font.unitsPerEm;
    for (const shape of silentShapes(font, text)) {
      this.doc
        .save()
        .translate(x + shape.x * scale, baseline - shape.y * scale)
        .scale(scale, -scale)
        .path(shape.path)
        .fill(colour)
        .restore();
    }
  }

  /** Moves the pen down. */
  space(points: number): void {
    this.y += points;
  }

  /** A line to write on, `width` long, on the pen's current line; moves below it. */
  writingLine(start: number, width: number, height = 26): void {
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

  /** Draws a block on this page, or on a new one when it does not fit (and would fit on one). */
  keep(draw: () => void): void {
    const height = this.measure(draw);
    if (this.y + height > this.bottom && height <= this.bottom - MARGIN - HEADER) this.newPage();
    draw();
  }

  /** Starts a new page. */
  newPage(): void {
    if (this.dry) return;
    this.doc.addPage();
    this.y = MARGIN + HEADER;
  }

  /** Puts the header and "Page N of M" on every page, and gives the finished PDF. */
  finish(header: string, pageLabel: (page: number, pages: number) => string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let page = start; page < start + count; page++) {
      this.doc.switchToPage(page);
      this.y = MARGIN - 10;
      this.line(header, { size: 8.5, quiet: true });
      this.y = PAGE.height - MARGIN - 12;
      this.line(pageLabel(page - start + 1, count), { size: 9, quiet: true });
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
