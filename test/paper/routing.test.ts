import { numberQuestions } from '../../src/paper/numbering';
import { instructionFor } from '../../src/paper/routing';
import { conditionWords } from '../../src/paper/routing-words';
import { createI18n, translator } from '../../src/web/i18n';
import { busPass, conditionOf } from './bus-pass-form';

const i18n = createI18n();
const numbering = numberQuestions(busPass);
const LANGUAGES = ['en', 'cy', 'es', 'ar'];

/** The condition of a page as the paper form words it, in a language. */
function words(pageId: string, lang = 'en'): string {
  const instruction = instructionFor(conditionOf(pageId), busPass, numbering);
  return conditionWords(instruction, { t: translator(i18n, lang), lang });
}

/** Every kind of condition the format allows, the page that has it, and its English words. */
const KINDS: Array<[string, string, string]> = [
  ['equals (yes or no)', 'equals-yes-no', 'you answered No at question 1'],
  ['equals (an option)', 'equals-radios', 'you answered ‘Rent’ at question 2'],
  ['notEquals (the other options named)', 'not-equals-short', 'you answered ‘South’ at question 4'],
  [
    'notEquals (too many others to name)',
    'not-equals-long',
    'you answered anything other than ‘Own’ at question 2',
  ],
  ['notEquals (free text)', 'not-equals-text', 'your answer to question 8 is not ‘NB123’'],
  ['oneOf', 'one-of', 'you answered ‘Own’ or ‘Rent’ at question 2'],
  ['contains', 'contains', 'you ticked ‘Personal Independence Payment’ at question 3'],
  ['greaterThan (money)', 'more-money', 'the amount at question 5 is more than £16,000.00'],
  ['lessThan (number)', 'less-number', 'your answer to question 6 is less than 3 trips'],
  ['lessThan (date)', 'before-date', 'the date at question 7 is before 6 April 1959'],
  ['greaterThan (today)', 'after-today', 'the date at question 7 is after today'],
  ['answered: true', 'answered', 'you answered question 8'],
  ['answered: false', 'not-answered', 'you did not answer question 8'],
  [
    'all',
    'all',
    'you answered Yes at question 1 and the amount at question 5 is less than £20,000.00',
  ],
  ['any (one question)', 'any-same-question', 'you answered ‘Own’ or ‘Rent’ at question 2'],
  [
    'all with a nested any',
    'nested',
    'you answered Yes at question 1 and either you ticked ‘Personal Independence Payment’ at question 3 or your answer to question 6 is more than 5 trips',
  ],
];

describe('routing written for paper', () => {
  it('numbers the questions in the order the form asks them', () => {
    expect([...numbering.entries()].slice(0, 8)).toEqual([
      ['blue-badge', 1],
      ['home', 2],
      ['benefits', 3],
      ['area', 4],
      ['income', 5],
      ['trips', 6],
      ['date-of-birth', 7],
      ['old-pass', 8],
    ]);
  });

  it.each(KINDS)('words %s in English', (_kind, pageId, expected) => {
    expect(words(pageId)).toBe(expected);
  });

  it('gives each kind as data: which sentence, which question, which answers', () => {
    expect(instructionFor(conditionOf('not-equals-short'), busPass, numbering)).toMatchObject({
      kind: 'leaf',
      key: 'answered',
      number: 4,
      values: ['south'],
    });
    expect(instructionFor(conditionOf('nested'), busPass, numbering)).toMatchObject({
      kind: 'group',
      join: 'and',
      parts: [
        { kind: 'leaf', key: 'answered', number: 1, values: ['yes'] },
        {
          kind: 'group',
          join: 'or',
          parts: [
            { key: 'ticked', number: 3 },
            { key: 'moreThan', number: 6, values: [5] },
          ],
        },
      ],
    });
  });

  describe.each(LANGUAGES.filter((lang) => lang !== 'en'))('in %s', (lang) => {
    it.each(KINDS)(
      'words %s in the language, with the question number and the answer',
      (_kind, pageId) => {
        const english = words(pageId);
        const translated = words(pageId, lang);
        expect(translated).not.toBe(english);
        expect(translated).not.toMatch(/\{\{|\}\}|paper:|routing\./);
        for (const number of english.match(/question (\d+)/g) ?? []) {
          expect(translated).toContain(number.replace('question ', ''));
        }
        // Option texts come from the form (English here) and stay whole inside the sentence.
        for (const quoted of english.match(/‘[^’]+’/g) ?? []) {
          expect(translated).toContain(quoted.slice(1, -1));
        }
      },
    );
  });

  it('words the same condition in every language, with the language’s own words', () => {
    expect(LANGUAGES.map((lang) => words('equals-yes-no', lang))).toEqual([
      'you answered No at question 1',
      'os gwnaethoch ateb Na yng nghwestiwn 1',
      'respondió No en la pregunta 1',
      'أجبت لا في السؤال 1',
    ]);
    expect(LANGUAGES.map((lang) => words('before-date', lang))).toEqual([
      'the date at question 7 is before 6 April 1959',
      'os yw’r dyddiad yng nghwestiwn 7 cyn 6 Ebrill 1959',
      'la fecha de la pregunta 7 es anterior a 6 de abril de 1959',
      'كان التاريخ في السؤال 7 قبل 6 أبريل 1959',
    ]);
  });
});
