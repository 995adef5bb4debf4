import type { Translate } from '../questions/question-type';
import type { PaperBlock, PaperForm, PaperGroup, PaperQuestion } from './paper-form';
import { drawFields } from './pdf-fields';
import { PdfPen } from './pdf-pen';
import { qrRuns } from './qr-code';

const TITLE = { size: 20, weight: 'bold' as const };
const HEADING = { size: 14, weight: 'bold' as const };
const SUBHEADING = { size: 12.5, weight: 'bold' as const };
const LABEL = { size: 11.5, weight: 'bold' as const };
const TEXT = { size: 11 };
const INSTRUCTION = { size: 10.5, weight: 'bold' as const };
const HINT = { size: 10, quiet: true };
/** Where a question's text starts, after its number. */
const INDENT = 30;

function question(pen: PdfPen, q: PaperQuestion, t: Translate): void {
  // A question taller than what is left of a page goes on to the next, which says so.
  pen.continued = t('paper:document.continued', { number: q.number });
  pen.room(pen.lineHeight(LABEL));
  const top = pen.y;
  pen.line(String(q.number), LABEL, 0, INDENT - 4);
  pen.y = top;
  pen.text(q.label, LABEL, INDENT);
  if (q.hint) pen.text(q.hint, HINT, INDENT);
  if (q.onlyIf) pen.text(q.onlyIf, INSTRUCTION, INDENT);
  pen.space(4);
  drawFields(pen, q.fields, INDENT, t);
  for (const line of q.goTo) pen.text(line, INSTRUCTION, INDENT);
  pen.space(12);
  pen.continued = undefined;
}

function groupHeading(pen: PdfPen, group: Pick<PaperGroup, 'title' | 'body' | 'onlyIf'>): void {
  pen.text(group.title, HEADING);
  for (const paragraph of group.body) pen.text(paragraph, TEXT);
  if (group.onlyIf) pen.text(group.onlyIf, INSTRUCTION);
  pen.space(8);
}

/** An entry (a question, or a group of them), its heading kept with its first question. */
function entry(pen: PdfPen, e: PaperQuestion | PaperGroup, t: Translate, before?: () => void) {
  const [first, ...rest] = e.kind === 'group' ? e.questions : [e];
  pen.keep(() => {
    before?.();
    if (e.kind === 'group') groupHeading(pen, e);
    if (first) question(pen, first, t);
  });
  for (const q of rest) pen.keep(() => question(pen, q, t));
}

function block(pen: PdfPen, b: PaperBlock, t: Translate): void {
  if (b.kind === 'question' || b.kind === 'group') return entry(pen, b, t);
  if (b.kind === 'exit') {
    return pen.keep(() => {
      if (b.instruction) pen.text(b.instruction, INSTRUCTION);
      pen.text(b.title, SUBHEADING);
      for (const paragraph of b.body) pen.text(paragraph, HINT);
      if (b.callNow) pen.text(b.callNow, INSTRUCTION);
      pen.space(14);
    });
  }
  b.items.forEach((item, i) => {
    const [first, ...rest] = item.entries;
    if (!first) return;
    entry(pen, first, t, () => {
      if (i === 0) groupHeading(pen, { title: b.title, body: [], onlyIf: b.onlyIf });
      pen.text(item.heading, SUBHEADING);
      pen.space(4);
    });
    for (const e of rest) entry(pen, e, t);
  });
  if (b.continuation) pen.keep(() => pen.text(b.continuation ?? '', INSTRUCTION));
  pen.space(12);
}

function online(pen: PdfPen, paper: PaperForm): void {
  const { size, runs } = qrRuns(paper.online.url);
  const module = 2.4;
  const side = size * module;
  const top = pen.y;
  pen.fill(
    runs.map((r) => ({
      start: r.column * module,
      top: r.row * module,
      width: r.length * module,
      height: module,
    })),
  );
  const start = side + 16;
  pen.text(paper.online.heading, SUBHEADING, start);
  pen.text(paper.online.body, TEXT, start);
  pen.text(paper.online.url, LABEL, start);
  pen.y = Math.max(pen.y, top + side) + 16;
}

function ending(pen: PdfPen, paper: PaperForm): void {
  const { declaration, send, help } = paper;
  if (declaration) {
    pen.keep(() => {
      pen.text(declaration.heading, HEADING);
      pen.text(declaration.text, TEXT);
      pen.space(6);
      pen.text(declaration.signature, TEXT);
      pen.writingLine(0, 260);
      pen.text(declaration.date, TEXT);
      pen.writingLine(0, 160);
      pen.space(16);
    });
  }
  pen.keep(() => {
    pen.text(send.heading, HEADING);
    pen.text(send.body, TEXT);
    for (const line of send.address) pen.text(line, LABEL, INDENT);
    pen.space(16);
  });
  pen.keep(() => {
    pen.text(help.heading, HEADING);
    pen.text(help.intro, TEXT);
    for (const c of help.contacts) pen.text(`${c.label} ${c.value}`, TEXT, INDENT);
    if (help.hours) pen.text(help.hours, TEXT, INDENT);
  });
}

/** The paper form as a printable PDF: fonts embedded and subset, every page numbered. */
export function paperPdf(paper: PaperForm, t: Translate): Promise<Buffer> {
  const pen = new PdfPen({ lang: paper.lang, dir: paper.dir, title: paper.title });
  pen.text(paper.title, TITLE);
  pen.text(t('paper:document.kind'), HINT);
  pen.text(paper.description, TEXT);
  pen.space(12);
  online(pen, paper);
  pen.text(paper.intro.heading, HEADING);
  for (const point of paper.intro.points) pen.text(point, TEXT);
  pen.space(16);
  for (const b of paper.blocks) block(pen, b, t);
  pen.space(8);
  ending(pen, paper);
  return pen.finish(paper.header, (page, pages) => t('paper:document.page', { page, pages }));
}
