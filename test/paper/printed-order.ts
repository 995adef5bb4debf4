import type { PaperBlock, PaperForm, PaperQuestion } from '../../src/paper/paper-form';
import type { PaperField } from '../../src/questions/paper-field';

/** What a field prints, in the order the PDF draws it. */
function fieldStrings(field: PaperField, or: string): string[] {
  if (field.kind === 'tick') {
    return [
      field.instruction,
      ...field.options.flatMap((o) => [o.exclusive ? or : '', o.text, o.hint ?? '']),
    ];
  }
  if (field.kind === 'boxes') {
    return field.parts.flatMap((p) => [
      p.label,
      ...(p.placeholder.includes(' ') ? p.placeholder.split(' ') : [...p.placeholder]),
    ]);
  }
  return [field.label ?? '', field.prefix ?? '', field.suffix ?? '', field.note ?? ''];
}

function questionStrings(q: PaperQuestion, or: string): string[] {
  return [
    `${q.number}${q.label}`,
    q.hint ?? '',
    q.onlyIf ?? '',
    ...q.fields.flatMap((f) => fieldStrings(f, or)),
    ...q.goTo,
  ];
}

function blockStrings(b: PaperBlock, or: string): string[] {
  if (b.kind === 'question') return questionStrings(b, or);
  if (b.kind === 'group') {
    return [
      b.title,
      ...b.body,
      b.onlyIf ?? '',
      ...b.questions.flatMap((q) => questionStrings(q, or)),
    ];
  }
  if (b.kind === 'exit') return [b.instruction ?? '', b.title, ...b.body];
  return [
    ...b.items.flatMap((item, i) => [
      ...(i === 0 ? [b.title, b.onlyIf ?? ''] : []),
      item.heading,
      ...item.entries.flatMap((e) => blockStrings(e, or)),
    ]),
    b.continuation ?? '',
  ];
}

/**
 * Every string the paper PDF prints, in the order it prints them, from the title to the last way
 * to get help; `or` is the word before an option that excludes the others.
 */
export function printedInOrder(paper: PaperForm, or: string): string[] {
  const { declaration, send, help } = paper;
  return [
    paper.title,
    paper.description,
    paper.online.heading,
    paper.online.body,
    paper.online.url,
    paper.intro.heading,
    ...paper.intro.points,
    ...paper.blocks.flatMap((b) => blockStrings(b, or)),
    ...(declaration
      ? [declaration.heading, declaration.text, declaration.signature, declaration.date]
      : []),
    send.heading,
    send.body,
    ...send.address,
    help.heading,
    help.intro,
    ...help.contacts.map((c) => `${c.label} ${c.value}`),
    ...(help.hours ? [help.hours] : []),
  ].filter(Boolean);
}

function fieldsOf(blocks: PaperBlock[]): PaperField[] {
  return blocks.flatMap((b) =>
    b.kind === 'question'
      ? b.fields
      : b.kind === 'group'
        ? b.questions.flatMap((q) => q.fields)
        : b.kind === 'repeat'
          ? b.items.flatMap((item) => fieldsOf(item.entries))
          : [],
  );
}

/** The boxes (to tick, or for the digits of a date) and the lines to write on the PDF draws. */
export function strokesToDraw(paper: PaperForm): { box: number; line: number } {
  const fields = fieldsOf(paper.blocks);
  return {
    box: fields.reduce(
      (n, f) =>
        n +
        (f.kind === 'tick'
          ? f.options.length
          : f.kind === 'boxes'
            ? f.parts.reduce((sum, p) => sum + p.boxes, 0)
            : 0),
      0,
    ),
    // The declaration has a line to sign on and one for the date.
    line:
      fields.reduce((n, f) => n + (f.kind === 'write' ? f.lines : 0), 0) +
      (paper.declaration ? 2 : 0),
  };
}
