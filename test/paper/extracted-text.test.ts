import path from 'node:path';
import { loadForms } from '../../src/definition/load';
import { languagesOf, localise } from '../../src/definition/translation';
import { textDirection } from '../../src/paper/direction';
import { paperForm, type PaperForm } from '../../src/paper/paper-form';
import { paperPdf } from '../../src/paper/paper-pdf';
import { createI18n, translator } from '../../src/web/i18n';
import { pdftotext } from '../support/pdftotext';

const forms = [...loadForms(path.join(__dirname, '..', '..', 'forms')).values()];
const i18n = createI18n();
const arabic = forms.filter((form) => languagesOf(form).includes('ar'));

/** Every string the paper PDF prints (the QR code's label and the date boxes' marks are not text). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) =>
      key === 'qrLabel' || key === 'placeholder' ? [] : strings(v),
    );
  }
  return [];
}

// pdftotext marks the direction of each run of a line with embedding controls (LRE, RLE, PDF).
const EMBEDDING = /[\u202a-\u202c]/gu;
const ARABIC_WORD = /^[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+$/u;

/**
 * Text as a search sees it: words, numbers and Latin words, in order. Vowel signs are dropped: the
 * PDF leaves them out of its text in right-to-left lines. Punctuation and spaces only separate:
 * pdftotext's own reordering of a right-to-left line moves the space beside a number or a Latin
 * word to its other side ("من 8 صباحًا" reads "من  8صباحا"), whatever the PDF.
 */
function words(text: string): string[] {
  return (
    text
      .replace(EMBEDDING, '')
      .replace(/\p{Mn}/gu, '')
      .match(/[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+|\p{N}+|(?:(?![\u0600-\u06ff])\p{L})+/gu) ??
    []
  );
}

/** The runs of Arabic words of a text, each as a phrase a reader may search for. */
function arabicPhrases(text: string): string[] {
  const phrases: string[][] = [[]];
  for (const word of words(text)) {
    if (ARABIC_WORD.test(word)) phrases[phrases.length - 1]?.push(word);
    else phrases.push([]);
  }
  return phrases.filter((p) => p.length > 0).map((p) => p.join(' '));
}

describe('Arabic text read back from the paper PDF with pdftotext (copy, paste and search)', () => {
  jest.setTimeout(120_000);

  it.each(arabic.map((form) => [form.id, form] as const))(
    '%s: has every phrase whole and in order, and no invisible characters',
    async (_id, form) => {
      const t = translator(i18n, 'ar');
      const paper: PaperForm = paperForm(localise(form, 'ar'), {
        t,
        lang: 'ar',
        dir: textDirection('ar'),
        onlineUrl: `https://forms.northbrook.example/${form.id}?lang=ar`,
      });
      const text = await pdftotext(await paperPdf(paper, t));
      const invisible = [...text.replace(EMBEDDING, '').matchAll(/\p{Cf}/gu)].map(
        ([c]) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`,
      );
      expect(new Set(invisible)).toEqual(new Set());
      const said = ` ${words(text).join(' ')} `;
      const phrases = strings(paper).flatMap(arabicPhrases);
      expect(phrases.length).toBeGreaterThan(100);
      expect(phrases.filter((phrase) => !said.includes(` ${phrase} `))).toEqual([]);
    },
  );
});
