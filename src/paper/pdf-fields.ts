import type { PaperBoxes, PaperField, PaperTicks, PaperWriting } from '../questions/paper-field';
import type { Translate } from '../questions/question-type';
import type { PdfPen } from './pdf-pen';
import { textWidth } from './pdf-text';

const LABEL = { size: 9.5 };
const TEXT = { size: 11 };
const QUIET = { size: 9.5, quiet: true };
const WIDTHS = { short: 130, medium: 230 };
const TICK = 11;

/** Draws something at the pen's line without moving the pen, so more can go on the same line. */
function beside(pen: PdfPen, draw: () => void): void {
  const y = pen.y;
  draw();
  pen.y = y;
}

function writing(pen: PdfPen, field: PaperWriting, start: number): void {
  const full = pen.width - start;
  const prefix = field.prefix ? textWidth(field.prefix, TEXT) + 4 : 0;
  const suffix = field.suffix ? textWidth(field.suffix, TEXT) + 6 : 0;
  const length = field.width === 'full' ? full - prefix - suffix : WIDTHS[field.width];
  // The label, the first line and what is written beside it stay together.
  pen.keep(() => {
    if (field.label) pen.text(field.label, LABEL, start);
    const top = pen.y;
    if (field.prefix) {
      pen.y = top + 8;
      beside(pen, () => pen.line(field.prefix ?? '', TEXT, start, prefix));
    }
    if (field.suffix) {
      pen.y = top + 8;
      beside(pen, () => pen.line(field.suffix ?? '', TEXT, start + prefix + length + 6, suffix));
    }
    pen.y = top;
    pen.writingLine(start + prefix, length);
  });
  for (let line = 1; line < field.lines; line++) pen.writingLine(start + prefix, length);
  if (field.note) pen.text(field.note, QUIET, start);
  pen.space(4);
}

function boxes(pen: PdfPen, field: PaperBoxes, start: number): void {
  const box = { width: 18, height: 22, gap: 3 };
  pen.keep(() => {
    let offset = start;
    const top = pen.y;
    let bottom = top;
    for (const part of field.parts) {
      pen.y = top;
      pen.line(part.label, LABEL, offset, part.boxes * (box.width + box.gap));
      pen.space(2);
      const marks = part.placeholder.includes(' ')
        ? part.placeholder.split(' ')
        : [...part.placeholder];
      for (let i = 0; i < part.boxes; i++) {
        const at = offset + i * (box.width + box.gap);
        pen.box(at, 0, box.width, box.height);
        if (marks.length === part.boxes) {
          beside(pen, () => {
            pen.space(3);
            pen.line(marks[i] ?? '', QUIET, at + 5, box.width - 5);
          });
        }
      }
      pen.space(box.height + 6);
      bottom = Math.max(bottom, pen.y);
      offset += part.boxes * (box.width + box.gap) + 14;
    }
    pen.y = bottom;
  });
}

/** One option: its tick box, its text and hint, and "or" before an option that excludes the others. */
function option(pen: PdfPen, o: PaperTicks['options'][number], start: number, t: Translate) {
  if (o.exclusive) pen.text(t('questions:checkboxes.or'), TEXT, start);
  pen.box(start, 3, TICK, TICK);
  pen.text(o.text, TEXT, start + TICK + 8);
  if (o.hint) pen.text(o.hint, QUIET, start + TICK + 8);
  pen.space(3);
}

/** Tick boxes, each option kept whole on a page, however many pages they take. */
function ticks(pen: PdfPen, field: PaperTicks, start: number, t: Translate): void {
  const [first, ...rest] = field.options;
  pen.keep(() => {
    pen.text(field.instruction, { size: 10, weight: 'bold' }, start);
    pen.space(2);
    if (first) option(pen, first, start, t);
  });
  for (const o of rest) pen.keep(() => option(pen, o, start, t));
}

/** Draws a question's fields (lines, boxes, tick boxes), `start` points in from the start edge. */
export function drawFields(pen: PdfPen, fields: PaperField[], start: number, t: Translate): void {
  for (const field of fields) {
    if (field.kind === 'write') writing(pen, field, start);
    else if (field.kind === 'boxes') boxes(pen, field, start);
    else ticks(pen, field, start, t);
  }
}
