import path from 'node:path';
import { loadForms } from '../../src/definition/load';
import { languagesOf, localise } from '../../src/definition/translation';
import type { FormDefinition } from '../../src/definition/types';
import { textDirection } from '../../src/paper/direction';
import { missingGlyphs } from '../../src/paper/fonts';
import { paperForm, type PaperBlock, type PaperForm } from '../../src/paper/paper-form';
import { paperPdf } from '../../src/paper/paper-pdf';
import { createI18n, translator } from '../../src/web/i18n';
import {
  linesOf,
  onPage,
  pdfText,
  plain,
  plainText,
  visibleText,
  type PdfText,
} from '../support/pdf-text';
import { longForm, longRadios, longSelect } from './long-forms';
import { printedInOrder, strokesToDraw } from './printed-order';

const forms = [...loadForms(path.join(__dirname, '..', '..', 'forms')).values()];
const i18n = createI18n();
const cases = forms.flatMap((form) =>
  languagesOf(form).map((lang) => [`${form.id} (${lang})`, form, lang] as const),
);
// A select with 60 options, radios with 20 long options, 240 questions: each taller than a page.
const longCases = [longSelect, longRadios, longForm].map(
  (form) => [`${form.id} (en)`, form, 'en'] as const,
);

interface Printed {
  paper: PaperForm;
  text: PdfText;
  plain: string;
}
const printed = new Map<string, Printed>();

/** The paper form of a form in a language, and the text a PDF reader finds in its PDF (made once). */
async function print(form: FormDefinition, lang: string): Promise<Printed> {
  const key = `${form.id}|${lang}`;
  let found = printed.get(key);
  if (!found) {
    const t = translator(i18n, lang);
    const paper = paperForm(localise(form, lang), {
      t,
      lang,
      dir: textDirection(lang),
      onlineUrl: `https://forms.northbrook.example/${form.id}?lang=${lang}`,
    });
    const text = await pdfText(await paperPdf(paper, t), { strokes: true });
    found = { paper, text, plain: plainText(text) };
    printed.set(key, found);
  }
  return found;
}

/** Every string the paper form prints. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function questionsOf(blocks: PaperBlock[]) {
  return blocks.flatMap((b) =>
    b.kind === 'question'
      ? [b]
      : b.kind === 'group'
        ? b.questions
        : b.kind === 'repeat'
          ? b.items.flatMap((item) =>
              item.entries.flatMap((e) => (e.kind === 'group' ? e.questions : [e])),
            )
          : [],
  );
}

const ARABIC_WORD = /^[\u0600-\u06ff]+[.،:؟]?$/u;

describe('the paper form as a PDF', () => {
  jest.setTimeout(180_000);

  it.each([...cases, ...longCases])(
    '%s: prints every label, option, line and box, in order, on its pages',
    async (_name, form, lang) => {
      const { paper, text } = await print(form, lang);
      const said = visibleText(text);
      const missing: string[] = [];
      let at = 0;
      const or = translator(i18n, lang)('questions:checkboxes.or');
      for (const expected of printedInOrder(paper, or)) {
        const found = said.indexOf(plain(expected), at);
        if (found < 0) missing.push(expected);
        else at = found + plain(expected).length;
      }
      expect(missing).toEqual([]);
      const drawn = { box: 0, line: 0 };
      for (const page of text.pages) {
        for (const s of page.strokes ?? []) {
          if (onPage(page, s.x0, s.y0, s.x1, s.y1)) drawn[s.kind] += 1;
        }
      }
      expect(drawn).toEqual(strokesToDraw(paper));
    },
  );

  it.each(cases)('%s: prints every routing instruction', async (_name, form, lang) => {
    const { paper, plain: text } = await print(form, lang);
    const instructions = paper.blocks.flatMap((b) => [
      ...(b.kind === 'exit' ? [b.instruction ?? '', b.title] : []),
      ...('onlyIf' in b && b.onlyIf ? [b.onlyIf] : []),
      ...(b.kind === 'repeat' ? [b.continuation ?? ''] : []),
      ...questionsOf([b]).flatMap((q) => [q.onlyIf ?? '', ...q.goTo]),
    ]);
    expect(instructions.filter(Boolean).length).toBeGreaterThan(3);
    expect(instructions.filter((i) => !text.includes(plain(i)))).toEqual([]);
  });

  it.each(cases)(
    '%s: says how to send it back and get help, with the online address',
    async (_name, form, lang) => {
      const { paper, plain: text } = await print(form, lang);
      const localised = localise(form, lang);
      for (const line of localised.help.postalAddress ?? []) expect(text).toContain(plain(line));
      for (const part of [localised.help.phone, localised.help.textRelay, localised.help.hours]) {
        if (part) expect(text).toContain(plain(part));
      }
      expect(text).toContain(plain(paper.online.url));
    },
  );

  it.each(cases)(
    '%s: heads every page with the form code and numbers it',
    async (_n, form, lang) => {
      const { paper, text } = await print(form, lang);
      const t = translator(i18n, lang);
      const pages = text.pages.length;
      expect(pages).toBeGreaterThan(2);
      for (const page of text.pages) {
        const onPage = plain(page.items.map((i) => i.text).join(''));
        expect(onPage).toContain(plain(paper.header));
        expect(onPage).toContain(plain(t('paper:document.page', { page: page.number, pages })));
      }
      expect(text.info.Title).toBe(paper.title);
      expect(text.info.Language).toBe(lang);
    },
  );

  it.each([...cases, ...longCases])(
    '%s: has a declaration and lines to sign and date it only when the form has one',
    async (_n, form, lang) => {
      const { text } = await print(form, lang);
      const t = translator(i18n, lang);
      const said = visibleText(text);
      const declaration = localise(form, lang).checkAnswers?.declaration;
      const printed = [t('paper:declaration.heading'), t('paper:declaration.signature')].map(
        (words) => said.includes(plain(words)),
      );
      expect(printed).toEqual(declaration ? [true, true] : [false, false]);
      if (declaration) expect(said).toContain(plain(declaration));
    },
  );

  it.each(cases)('%s: has a glyph for every character it prints', async (_n, form, lang) => {
    const { paper } = await print(form, lang);
    expect(missingGlyphs(strings(paper).join(' '))).toEqual([]);
  });

  it('prints Welsh ŵ and ŷ as letters, in the fonts it embeds', async () => {
    const welsh = forms.filter((form) => languagesOf(form).includes('cy'));
    const found = new Set<string>();
    for (const form of welsh) {
      const { plain: text } = await print(form, 'cy');
      const source = JSON.stringify(localise(form, 'cy'));
      for (const letter of ['ŵ', 'ŷ']) {
        if (source.includes(letter)) {
          expect(text).toContain(letter);
          found.add(letter);
        }
      }
    }
    expect([...found].sort()).toEqual(['ŵ', 'ŷ']);
    expect(missingGlyphs('ŵŷŴŶ')).toEqual([]);
  });

  it.each(cases.filter(([, , lang]) => textDirection(lang) === 'rtl'))(
    '%s: reads right to left: each Arabic word left of the one before it, lines set to the right',
    async (_n, form, lang) => {
      const { text } = await print(form, lang);
      const wrong: string[] = [];
      let lines = 0;
      for (const page of text.pages) {
        for (const line of linesOf(page)) {
          const words = line.filter((item) => ARABIC_WORD.test(item.text.trim()));
          if (words.length < 2) continue;
          lines += 1;
          words.slice(1).forEach((word, i) => {
            const before = words[i];
            if (before && word.x >= before.x) wrong.push(`${before.text} then ${word.text}`);
          });
        }
        // Lines end on the right margin (50 points in from the edge).
        const rightmost = Math.max(...page.items.map((item) => item.x + item.width));
        expect(Math.abs(page.width - 50 - rightmost)).toBeLessThan(1);
      }
      expect(lines).toBeGreaterThan(50);
      expect(wrong).toEqual([]);
    },
  );

  it('extracts Arabic exactly as written: shaped letters map back to their own characters', async () => {
    const form = forms.find((f) => f.id === 'council-tax-reduction') as FormDefinition;
    const { plain: text } = await print(form, 'ar');
    const localised = localise(form, 'ar');
    expect(text).toContain(plain(localised.title));
    expect(text).toContain(plain(localised.description));
    expect(text).toContain(plain(translator(i18n, 'ar')('paper:online.body')));
  });
});
