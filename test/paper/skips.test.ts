import type { Condition, FormDefinition } from '../../src/definition/types';
import { holds } from '../../src/engine/conditions';
import { lookupIn, walk } from '../../src/engine/journey';
import { firstNumber, numberQuestions } from '../../src/paper/numbering';
import { paperForm, type PaperQuestion } from '../../src/paper/paper-form';
import { skipInstructions, type SkipTarget } from '../../src/paper/skips';
import { createI18n, translator } from '../../src/web/i18n';

type Page = FormDefinition['pages'][number];
const CHOICES = ['a', 'b', 'c'];

/** A page kind after the radios question `q`; `follow` is the id of the last follow-up before it. */
type Kind = (id: string, follow: string | undefined) => Page | undefined;

const ask = (id: string, condition?: Condition): Page => ({
  id,
  ...(condition && { condition }),
  questions: [{ id, type: 'yes-no', label: `Question ${id}?` }],
});
const stop = (id: string, condition: Condition): Page => ({
  id,
  kind: 'exit',
  title: `You cannot go on (${id})`,
  body: ['Call us.'],
  condition,
});

/** Every kind of page a condition on the radios (or on what came before) can skip or show. */
const KINDS: Record<string, Kind> = {
  'follow-up for a': (id) => ask(id, { question: 'q', equals: 'a' }),
  'follow-up for not a': (id) => ask(id, { question: 'q', notEquals: 'a' }),
  'follow-up for a or b': (id) => ask(id, { question: 'q', oneOf: ['a', 'b'] }),
  'follow-up for b and an earlier yes': (id) =>
    ask(id, {
      all: [
        { question: 'q', equals: 'b' },
        { question: 'earlier', equals: 'yes' },
      ],
    }),
  'exit for c': (id) => stop(id, { question: 'q', equals: 'c' }),
  'exit for a follow-up answer': (id, follow) =>
    follow ? stop(id, { question: follow, equals: 'yes' }) : undefined,
  'exit for an earlier no': (id) => stop(id, { question: 'earlier', equals: 'no' }),
  'question for everyone': (id) => ask(id),
  'question when a follow-up was skipped': (id, follow) =>
    follow ? ask(id, { question: follow, answered: false }) : undefined,
  'section for a': (id) => ({
    id,
    kind: 'repeat',
    title: `Items (${id})`,
    itemName: 'item',
    itemLabel: `${id}-name`,
    addAnotherLabel: 'Do you want to add another item?',
    condition: { question: 'q', equals: 'a' },
    pages: [{ id: `${id}-name`, questions: [{ id: `${id}-name`, type: 'text', label: 'Name' }] }],
  }),
};

/** A form: an earlier yes-no question, the radios, the pages of a shape, and a last question. */
function formOf(shape: string[]): FormDefinition | undefined {
  const pages: Page[] = [
    ask('earlier'),
    {
      id: 'q',
      questions: [
        {
          id: 'q',
          type: 'radios',
          label: 'Which one?',
          options: CHOICES.map((value) => ({ value, text: value.toUpperCase() })),
        },
      ],
    },
  ];
  let follow: string | undefined;
  for (const [i, kind] of shape.entries()) {
    const page = KINDS[kind]?.(`p${i + 1}`, follow);
    if (!page) return undefined;
    if (kind.startsWith('follow-up')) follow = page.id;
    pages.push(page);
  }
  pages.push(ask('last'));
  return {
    id: 'shape',
    title: 'Shape',
    version: '1',
    language: 'en',
    description: shape.join(', '),
    start: { body: ['Start.'] },
    help: { phone: '0306 999 0000', hours: 'Always', postalAddress: ['NB1 1AA'] },
    pages,
    confirmation: { title: 'Sent', whatHappensNext: ['Wait.'] },
  } as FormDefinition;
}

const names = Object.keys(KINDS);
const shapes = [
  ...names.map((a) => [a]),
  ...names.flatMap((a) => names.map((b) => [a, b])),
  ...names.flatMap((a) => names.flatMap((b) => names.map((c) => [a, b, c]))),
]
  .map((shape) => ({ shape, form: formOf(shape) }))
  .filter((s): s is { shape: string[]; form: FormDefinition } => s.form !== undefined);

const landing = (page: Page | undefined) => page?.id ?? 'end';

/** Where the journey online goes after the radios, for an earlier answer and a choice. */
function online(form: FormDefinition, earlier: string, choice: string): string {
  const { next } = walk(form, { answers: { earlier, q: choice }, done: ['earlier', 'q'] });
  if (next.kind === 'page') return next.section?.id ?? next.page.id;
  if (next.kind === 'exit') return next.page.id;
  return next.kind === 'summary' ? next.section.id : 'end';
}

/**
 * Where a person filling in the paper form goes after the radios: to where its instruction sends
 * them, then on past every page whose "Only answer this if" does not hold for what they wrote (the
 * questions they left out have no answer), to the first they answer or the exit notice that applies.
 */
function onPaper(form: FormDefinition, earlier: string, choice: string, to?: SkipTarget): string {
  const numbering = numberQuestions(form);
  const at = form.pages.findIndex((p) => p.id === 'q') + 1;
  const start =
    to === undefined
      ? at
      : to === 'end'
        ? form.pages.length
        : typeof to === 'number'
          ? form.pages.findIndex((p) => firstNumber(p, numbering) === to)
          : form.pages.findIndex((p) => firstNumber(p, numbering) === to.last) + 1;
  const lookup = lookupIn(form, { earlier, q: choice });
  const next = form.pages.slice(start).find((p) => !p.condition || holds(p.condition, lookup));
  return landing(next);
}

describe('"go to question N" on generated shapes of routing', () => {
  it(`sends the reader where the screen goes, for every skip an answer makes (${shapes.length} shapes)`, () => {
    const wrong: string[] = [];
    for (const { shape, form } of shapes) {
      const skips = skipInstructions(form, numberQuestions(form)).get('q') ?? [];
      const firstAfter = form.pages.findIndex((p) => p.id === 'q') + 1;
      const nextQuestion = form.pages.slice(firstAfter).find((p) => p.kind !== 'exit');
      for (const choice of CHOICES) {
        const skip = skips.find((s) => s.values.includes(choice));
        const screen = ['yes', 'no'].map((earlier) => online(form, earlier, choice));
        const paper = ['yes', 'no'].map((earlier) => onPaper(form, earlier, choice, skip?.target));
        const said = `${shape.join(' → ')}; ${choice}`;
        if (paper.join() !== screen.join()) {
          wrong.push(`${said}: screen ${screen.join('/')}, paper ${paper.join('/')}`);
        }
        // The answer alone takes the journey online past the next page of questions: paper says so.
        const indexOf = (id: string) => {
          const found = form.pages.findIndex((p) => p.id === id);
          return found < 0 ? form.pages.length : found;
        };
        const leftOut = screen.every(
          (id) => indexOf(id) > form.pages.indexOf(nextQuestion as Page),
        );
        if (leftOut && !skip) wrong.push(`${said}: no instruction`);
      }
    }
    expect(shapes.length).toBeGreaterThan(700);
    expect(wrong).toEqual([]);
  });

  it('words them: past a follow-up to the next question, or past it to an exit notice that may apply', () => {
    const t = translator(createI18n(), 'en');
    const goTo = (shape: string[]) => {
      const form = formOf(shape) as FormDefinition;
      const paper = paperForm(form, { t, lang: 'en', dir: 'ltr', onlineUrl: 'https://x.example' });
      const q = paper.blocks.find(
        (b): b is PaperQuestion => b.kind === 'question' && b.number === 2,
      );
      return q?.goTo;
    };
    // The shape of the defect: a follow-up for one answer, then an exit about the follow-up.
    expect(goTo(['follow-up for a', 'exit for a follow-up answer'])).toEqual([
      'If you answered anything other than ‘A’, go to question 4.',
    ]);
    expect(goTo(['follow-up for a', 'follow-up for a', 'exit for an earlier no'])).toEqual([
      'If you answered anything other than ‘A’, do not answer questions 3 to 4.',
    ]);
    expect(goTo(['follow-up for a', 'exit for c'])).toEqual([
      'If you answered ‘B’, go to question 4.',
      'If you answered ‘C’, do not answer question 3.',
    ]);
  });
});
