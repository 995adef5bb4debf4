import fs from 'node:fs';
import path from 'node:path';
import { buildCatalogue } from '../../src/definition/catalogue';
import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import { checkReachability } from '../../src/definition/reachability';
import type { Condition, FormDefinition, Page, Question } from '../../src/definition/types';
import { walk } from '../../src/engine/journey';
import type { Answers } from '../../src/engine/answers';

/** A whole definition around the given pages, as an author would write it. */
function definition(pages: unknown[]): string {
  return JSON.stringify({
    id: 'report-a-missed-bin',
    title: 'Report a missed bin collection',
    version: '1.0',
    language: 'en',
    description: 'Tell us when we did not collect your bin.',
    start: { body: ['Use this service to report a missed bin.'] },
    help: {
      phone: '0300 123 9876',
      hours: 'Monday to Friday, 8am to 6pm',
      postalAddress: ['Waste and Recycling', 'NB1 1AA'],
    },
    pages,
    confirmation: { title: 'Report sent', whatHappensNext: ['We will collect it.'] },
  });
}

/** What `civic-forms validate` says about a form of these pages (after `file: `). */
function report(pages: unknown[]): string[] {
  const result = parseDefinition(definition(pages), 'report-a-missed-bin.json');
  if (result.ok) return result.warnings.map((w) => `warning: ${formatProblem(w)}`);
  return result.problems.map((p) => formatProblem(p).replace(/^report-a-missed-bin\.json: /, ''));
}

const page = (id: string, type: string, extra: object = {}, condition?: Condition) => ({
  id,
  ...(condition && { condition }),
  questions: [{ id, type, label: `${id}?`, errorLabel: id, ...extra }],
});
const options = (...values: string[]) => ({
  options: values.map((value) => ({ value, text: value })),
});
const exit = (id: string, condition?: Condition) => ({
  id,
  kind: 'exit',
  title: 'You cannot use this service',
  body: ['Phone us instead.'],
  ...(condition && { condition }),
});
const text = (id: string, condition?: Condition) => page(id, 'text', {}, condition);

describe('pages no answers reach', () => {
  it('reports a condition asking one answer to be two values at once', () => {
    expect(
      report([
        page('bin', 'radios', options('general', 'recycling', 'garden')),
        text('subscription', {
          all: [
            { question: 'bin', equals: 'garden' },
            { question: 'bin', equals: 'recycling' },
          ],
        }),
      ]),
    ).toEqual([
      'pages[1].condition: is met by no answers at all, so the page "subscription" is never shown (expected a condition that some answers on the way to it meet)',
    ]);
  });

  it('accepts the same comparisons joined by any', () => {
    const pages = [
      page('bin', 'radios', options('general', 'recycling', 'garden')),
      text('subscription', {
        any: [
          { question: 'bin', equals: 'garden' },
          { question: 'bin', equals: 'recycling' },
        ],
      }),
    ];
    expect(report(pages)).toEqual([]);
  });

  it('reports pages after exit pages that every answer leads to, once', () => {
    expect(
      report([
        page('on-time', 'yes-no'),
        exit('too-late', { question: 'on-time', equals: 'no' }),
        exit('report-tomorrow', { question: 'on-time', equals: 'yes' }),
        text('address'),
        text('email'),
      ]),
    ).toEqual([
      'pages[3]: is never reached, nor is anything after it: every journey ends at an exit page before it ("too-late", "report-tomorrow") (expected exit pages whose conditions some answers get past)',
    ]);
  });

  it('lets an optional question left blank past the same exit pages', () => {
    expect(
      report([
        page('on-time', 'yes-no', { optional: true }),
        exit('too-late', { question: 'on-time', equals: 'no' }),
        exit('report-tomorrow', { question: 'on-time', equals: 'yes' }),
        text('address'),
      ]),
    ).toEqual([]);
  });

  it('reports every box of a checkboxes question leading to an exit page', () => {
    expect(
      report([
        page('bins', 'checkboxes', options('general', 'garden')),
        exit('general-missed', { question: 'bins', contains: 'general' }),
        exit('garden-missed', { question: 'bins', contains: 'garden' }),
        text('address'),
      ]),
    ).toEqual([
      'pages[3]: is never reached, nor is anything after it: every journey ends at an exit page before it ("general-missed", "garden-missed") (expected exit pages whose conditions some answers get past)',
    ]);
  });

  it('reports a form whose every journey ends at an exit page before check answers', () => {
    expect(report([text('address'), exit('closed')])).toEqual([
      'pages: end every journey at an exit page ("closed"): no one reaches check answers to send the form (expected some answers that get past every exit page)',
    ]);
  });

  it('reports a condition on an answer only given on journeys that have ended', () => {
    expect(
      report([
        page('on-time', 'yes-no'),
        exit('too-late', { question: 'on-time', equals: 'no' }),
        page('bin', 'radios', options('general', 'garden')),
        text('subscription', {
          all: [
            { question: 'bin', equals: 'garden' },
            { question: 'on-time', equals: 'no' },
          ],
        }),
      ]),
    ).toEqual([
      'pages[3].condition: is never met by the answers of a journey that gets this far, so the page "subscription" is never shown (expected a condition that some answers on the way to it meet)',
    ]);
  });

  it('reports a condition on an answer whose page is skipped whenever the condition needs it', () => {
    expect(
      report([
        page('garden', 'yes-no'),
        page('subscribed', 'yes-no', {}, { question: 'garden', equals: 'yes' }),
        text('why-not', {
          all: [
            { question: 'garden', equals: 'no' },
            { question: 'subscribed', equals: 'no' },
          ],
        }),
      ]),
    ).toEqual([
      'pages[2].condition: is never met by the answers of a journey that gets this far, so the page "why-not" is never shown (expected a condition that some answers on the way to it meet)',
    ]);
  });

  it('proves numbers apart: more than 10 and less than 5 never hold together', () => {
    const both = (greaterThan: number, lessThan: number) => ({
      all: [
        { question: 'bins', greaterThan },
        { question: 'bins', lessThan },
      ],
    });
    expect(report([page('bins', 'number'), text('many', both(10, 5))])).toEqual([
      'pages[1].condition: is met by no answers at all, so the page "many" is never shown (expected a condition that some answers on the way to it meet)',
    ]);
    // Between 5 and 6 there are numbers (5.5), even if the question takes whole numbers only.
    expect(report([page('bins', 'number'), text('many', both(5, 6))])).toEqual([]);
  });

  it('proves an amount past an exit page for more than £100 is never more than £200', () => {
    expect(
      report([
        page('cost', 'money'),
        exit('too-costly', { question: 'cost', greaterThan: 100 }),
        text('refund', { question: 'cost', greaterThan: 200 }),
      ]),
    ).toEqual([
      'pages[2].condition: is never met by the answers of a journey that gets this far, so the page "refund" is never shown (expected a condition that some answers on the way to it meet)',
    ]);
  });

  it('does not compare dates with each other, but knows a date equals itself', () => {
    const date = page('collection-date', 'date');
    const impossible = {
      all: [
        { question: 'collection-date', greaterThan: '2026-01-01' },
        { question: 'collection-date', lessThan: '2025-01-01' },
      ],
    };
    // Not proved (the check does not order dates), so not reported.
    expect(report([date, text('late', impossible)])).toEqual([]);
    expect(
      report([
        date,
        text('late', {
          all: [
            { question: 'collection-date', equals: '2026-01-01' },
            { question: 'collection-date', notEquals: '2026-01-01' },
          ],
        }),
      ]),
    ).toEqual([
      'pages[1].condition: is met by no answers at all, so the page "late" is never shown (expected a condition that some answers on the way to it meet)',
    ]);
  });

  it('reports a page of a repeating section that its own section rules out', () => {
    expect(
      report([
        page('others', 'yes-no'),
        {
          id: 'household',
          kind: 'repeat',
          title: 'People who live with you',
          itemName: 'person',
          itemLabel: 'name',
          addAnotherLabel: 'Do you need to add another person?',
          condition: { question: 'others', equals: 'yes' },
          pages: [
            page('name', 'name'),
            page('relationship', 'radios', options('partner', 'child')),
            text('partner-job', {
              all: [
                { question: 'relationship', equals: 'partner' },
                { question: 'others', equals: 'no' },
              ],
            }),
          ],
        },
      ]),
    ).toEqual([
      'pages[1].pages[2].condition: is never met by the answers of a journey that gets this far, so the page "partner-job" is never shown (expected a condition that some answers on the way to it meet)',
    ]);
  });

  it('finds every page of the example forms reachable', () => {
    const folder = path.join(__dirname, '..', '..', 'forms');
    const files = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const name of files) {
      const form = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as FormDefinition;
      expect(checkReachability(form, buildCatalogue(form), name)).toEqual({
        problems: [],
        warnings: [],
      });
    }
  });

  it('stops, with a warning naming where, when there are too many ways to try', () => {
    const radios = options('a', 'b', 'c', 'd', 'e');
    const pages: unknown[] = Array.from({ length: 10 }, (_, i) => page(`q${i}`, 'radios', radios));
    // Met by nearly every answer until the last two comparisons, which no answer meets together.
    pages.push(
      text('end', {
        all: [
          ...Array.from({ length: 9 }, (_, i) => ({
            any: [
              { question: `q${i}`, notEquals: 'a' },
              { question: `q${i + 1}`, notEquals: 'b' },
            ],
          })),
          { question: 'q9', equals: 'c' },
          { question: 'q9', equals: 'd' },
        ],
      }),
    );
    const form = JSON.parse(definition(pages)) as FormDefinition;
    const catalogue = buildCatalogue(form);
    expect(checkReachability(form, catalogue, 'f.json', 2_000)).toEqual({
      problems: [],
      warnings: [
        {
          file: 'f.json',
          path: 'pages[10]',
          message:
            'and the pages after it were not checked for answers that reach them: their conditions make too many ways through to try',
          expected: 'fewer conditions, or simpler ones',
        },
      ],
    });
    // With the time to try them all, the page is proved unreachable.
    expect(checkReachability(form, catalogue, 'f.json').problems.map((p) => p.path)).toEqual([
      'pages[10].condition',
    ]);
  });
});

/** A small pseudo-random generator (mulberry32), so every run tries the same forms. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A form of choice questions and exit pages with random conditions on earlier answers. */
function randomForm(next: () => number): FormDefinition {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const asked: Question[] = [];
  const comparison = (): Condition => {
    const question = pick(asked);
    const values =
      question.type === 'yes-no'
        ? ['yes', 'no']
        : 'options' in question
          ? question.options.map((o) => o.value)
          : [];
    if (next() < 0.15) return { question: question.id, answered: next() < 0.5 };
    if (question.type === 'checkboxes') return { question: question.id, contains: pick(values) };
    const kind = pick(['equals', 'notEquals', 'oneOf'] as const);
    if (kind === 'oneOf') return { question: question.id, oneOf: [pick(values), pick(values)] };
    return kind === 'equals'
      ? { question: question.id, equals: pick(values) }
      : { question: question.id, notEquals: pick(values) };
  };
  const condition = (depth: number): Condition => {
    if (depth > 1 || next() < 0.5) return comparison();
    const parts = [condition(depth + 1), condition(depth + 1)];
    return next() < 0.5 ? { all: parts } : { any: parts };
  };
  const pages: Page[] = [];
  const count = 3 + Math.floor(next() * 4);
  for (let i = 0; i < count; i += 1) {
    const conditioned = asked.length > 0 && next() < 0.7;
    if (asked.length > 0 && next() < 0.3) {
      pages.push({
        id: `exit-${i}`,
        kind: 'exit',
        title: 'Stop',
        body: ['Stop.'],
        ...(conditioned && { condition: condition(0) }),
      });
      continue;
    }
    const type = pick(['radios', 'yes-no', 'checkboxes'] as const);
    const base = { id: `q${i}`, label: 'Q', optional: next() < 0.3 };
    const opts = ['a', 'b', 'c'].slice(0, 2 + Math.floor(next() * 2));
    const question: Question =
      type === 'yes-no'
        ? { ...base, type }
        : { ...base, type, options: opts.map((value) => ({ value, text: value })) };
    pages.push({
      id: `q${i}`,
      questions: [question],
      ...(conditioned && { condition: condition(0) }),
    });
    asked.push(question);
  }
  return { pages } as unknown as FormDefinition;
}

/** Every answer a question can be given, with none when it is optional. */
function everyAnswer(question: Question): Array<string | string[] | undefined> {
  const none = question.optional ? [undefined] : [];
  if (question.type === 'yes-no') return ['yes', 'no', ...none];
  const values = 'options' in question ? question.options.map((o) => o.value) : [];
  if (question.type !== 'checkboxes') return [...values, ...none];
  const subsets = values.reduce<string[][]>(
    (all, v) => [...all, ...all.map((s) => [...s, v])],
    [[]],
  );
  return [...subsets.filter((s) => s.length > 0), ...none];
}

/** The pages (and check answers) some answers reach, by trying every answer with the engine. */
function reachedByTheEngine(form: FormDefinition): Set<string> {
  const questions = form.pages.flatMap((p) => ('questions' in p ? p.questions : []));
  const reached = new Set<string>();
  const done = form.pages.map((p) => p.id);
  const tryFrom = (q: number, answers: Answers) => {
    const question = questions[q];
    if (!question) {
      for (const step of walk(form, { answers, done }).steps) reached.add(step.key);
      return;
    }
    for (const value of everyAnswer(question)) {
      tryFrom(q + 1, value === undefined ? answers : { ...answers, [question.id]: value });
    }
  };
  tryFrom(0, {});
  return reached;
}

/** The pages (and check answers) the check does not report. */
function reachedByTheCheck(form: FormDefinition): Set<string> {
  const { problems, warnings } = checkReachability(form, buildCatalogue(form), 'f.json');
  expect(warnings).toEqual([]);
  const never = new Set<string>();
  for (const { path: at } of problems) {
    const index = Number(/^pages\[(\d+)\]/.exec(at)?.[1] ?? form.pages.length);
    const after = at === 'pages' || !at.endsWith('.condition');
    never.add(index === form.pages.length ? 'check-answers' : (form.pages[index]?.id ?? ''));
    if (after) {
      form.pages.slice(index).forEach((p) => never.add(p.id));
      never.add('check-answers');
    }
  }
  return new Set([...form.pages.map((p) => p.id), 'check-answers'].filter((k) => !never.has(k)));
}

describe('pages no answers reach, against the journey engine', () => {
  it('reports exactly the pages no answer reaches, on 300 generated forms of choices', () => {
    const next = random(11);
    let unreachable = 0;
    for (let n = 0; n < 300; n += 1) {
      const form = randomForm(next);
      const engine = reachedByTheEngine(form);
      expect({ form: n, reached: [...reachedByTheCheck(form)].sort() }).toEqual({
        form: n,
        reached: [...engine].sort(),
      });
      if (engine.size < form.pages.length + 1) unreachable += 1;
    }
    // The generated forms include plenty of unreachable pages, so both answers are tested.
    expect(unreachable).toBeGreaterThan(30);
  });
});
