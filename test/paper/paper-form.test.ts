import path from 'node:path';
import { loadForms } from '../../src/definition/load';
import { localise } from '../../src/definition/translation';
import type { FormDefinition } from '../../src/definition/types';
import { formCode } from '../../src/paper/form-code';
import { numberQuestions } from '../../src/paper/numbering';
import {
  paperForm,
  PAPER_ITEM_BLOCKS,
  type PaperBlock,
  type PaperQuestion,
  type PaperRepeat,
} from '../../src/paper/paper-form';
import { decide, skipInstructions } from '../../src/paper/skips';
import { createI18n, translator } from '../../src/web/i18n';

const forms = loadForms(path.join(__dirname, '..', '..', 'forms'));
const i18n = createI18n();
const councilTax = forms.get('council-tax-reduction') as FormDefinition;

function paperOf(form: FormDefinition, lang = 'en') {
  return paperForm(localise(form, lang), {
    t: translator(i18n, lang),
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    onlineUrl: `https://forms.example/${form.id}?lang=${lang}`,
  });
}

function questions(blocks: PaperBlock[]): PaperQuestion[] {
  return blocks.flatMap((b) =>
    b.kind === 'question'
      ? [b]
      : b.kind === 'group'
        ? b.questions
        : b.kind === 'repeat'
          ? questions((b.items[0]?.entries ?? []) as PaperBlock[])
          : [],
  );
}

describe('the paper form of a definition', () => {
  const paper = paperOf(councilTax);

  it('numbers every question 1, 2, 3… in the order the form asks them', () => {
    const numbers = questions(paper.blocks).map((q) => q.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(questions(paper.blocks)[4]).toMatchObject({
      number: 5,
      label: 'What is your date of birth?',
    });
  });

  it('prints a repeating section as numbered blocks, with a continuation sheet beyond them', () => {
    const household = paper.blocks.find((b): b is PaperRepeat => b.kind === 'repeat');
    expect(household?.items.map((item) => item.heading)).toEqual([
      'Person 1',
      'Person 2',
      'Person 3',
      'Person 4',
    ]);
    expect(household?.items).toHaveLength(PAPER_ITEM_BLOCKS);
    expect(household?.onlyIf).toBe('Only fill in this part if you answered Yes at question 14.');
    expect(household?.continuation).toMatch(/space here for 4\b.*up to 8\./);
  });

  it('writes exit pages as instructions to stop', () => {
    const exits = paper.blocks.filter((b) => b.kind === 'exit');
    expect(exits[0]).toMatchObject({
      instruction: 'If you answered No at question 1, do not fill in the rest of this form.',
      title: 'You need to apply to a different council',
    });
    expect(exits[2]).toMatchObject({
      instruction:
        'If the amount at question 13 is more than £16,000, do not fill in the rest of this form.',
    });
  });

  it('tells the reader where to go when an answer skips the next questions', () => {
    const byNumber = new Map(questions(paper.blocks).map((q) => [q.number, q]));
    expect(byNumber.get(10)?.goTo).toEqual([
      'If you answered ‘No, I do not work’, go to question 13.',
    ]);
    expect(byNumber.get(14)?.goTo).toEqual(['If you answered No, go to question 19.']);
    expect(byNumber.get(1)?.goTo).toEqual([]);
  });

  it('marks optional questions and says how to send the form and get help', () => {
    expect(questions(paper.blocks).at(-1)?.label).toBe('Email address (optional)');
    expect(paper.send.address).toEqual(councilTax.help.postalAddress);
    expect(paper.help.contacts.map((c) => c.value)).toEqual([
      '0306 999 0123',
      '18001 then 0306 999 0123',
      'counciltax@northbrook-council.example',
    ]);
    expect(paper.header).toBe(
      `Apply for council tax reduction – version 1.0 – form ${formCode(councilTax)}`,
    );
  });

  it('has the form’s declaration to sign, and none when the form has no declaration', () => {
    expect(paper.declaration).toEqual({
      heading: 'Declaration',
      text: councilTax.checkAnswers?.declaration,
      signature: 'Signature',
      date: 'Date',
    });
    const { declaration: _, ...checkAnswers } = councilTax.checkAnswers ?? {};
    expect(paperOf({ ...councilTax, checkAnswers }).declaration).toBeUndefined();
  });

  it('is in the language asked for, with the form’s own translation', () => {
    const welsh = paperOf(councilTax, 'cy');
    expect(welsh.title).toBe(localise(councilTax, 'cy').title);
    expect(questions(welsh.blocks)[13]?.goTo).toEqual([
      'Os gwnaethoch ateb Na, ewch i gwestiwn 19.',
    ]);
  });
});

describe('formCode', () => {
  it('is short, stable, and changes with the version', () => {
    const code = formCode(councilTax);
    expect(code).toMatch(/^CTR-1\.0-[2-9A-HJ-NP-Z]{4}$/);
    expect(formCode({ id: councilTax.id, version: '1.0' })).toBe(code);
    expect(formCode({ id: councilTax.id, version: '1.1' })).not.toBe(code);
  });
});

describe('skip instructions', () => {
  it('decides a condition from one answer, or leaves it open', () => {
    const savings = councilTax.pages.find((p) => p.id === 'savings')?.condition;
    const earnings = councilTax.pages.find((p) => p.id === 'earnings')?.condition;
    if (!savings || !earnings) throw new Error('the example form changed');
    expect(decide(earnings, councilTax, new Map([['work', 'not-working']]))).toBe(false);
    expect(decide(earnings, councilTax, new Map([['work', 'employed']]))).toBe(true);
    expect(decide(savings, councilTax, new Map([['work', 'employed']]))).toBeUndefined();
  });

  it('names the few answers that go on as usual when most answers skip', () => {
    const repairs = forms.get('report-housing-repair') as FormDefinition;
    const skips = skipInstructions(repairs, numberQuestions(repairs));
    expect(skips.get('room')).toEqual([
      expect.objectContaining({ otherThan: ['more-than-one'], target: 4 }),
    ]);
  });
});
