import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';

function form(wording: unknown, first: object = {}) {
  return JSON.stringify({
    id: 'x',
    title: 'Apply for a thing',
    version: '1.0',
    description: 'Apply for a thing.',
    start: { body: ['Apply.'] },
    help: { phone: '0306 999 0123', hours: '9am to 5pm' },
    pages: [
      {
        id: 'who-for',
        questions: [
          {
            id: 'who-for',
            type: 'radios',
            label: 'Who is it for?',
            options: [
              { value: 'me', text: 'Me' },
              { value: 'other', text: 'Someone else' },
            ],
            ...first,
          },
        ],
      },
      {
        id: 'name',
        questions: [{ id: 'full-name', type: 'name', label: 'Their full name', wording }],
      },
    ],
    confirmation: { title: 'Sent', whatHappensNext: ['We will write.'] },
  });
}

function problems(wording: unknown, first?: object): string[] {
  const result = parseDefinition(form(wording, first), 'forms/x.json');
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('checking wordings that follow earlier answers', () => {
  it('accepts a wording whose condition names an earlier question', () => {
    expect(
      problems([{ when: { question: 'who-for', equals: 'me' }, label: 'Your full name' }]),
    ).toEqual([]);
  });

  it('reports a condition on a question that is not asked earlier', () => {
    expect(
      problems([{ when: { question: 'full-name', answered: true }, label: 'Your full name' }]),
    ).toEqual([
      'forms/x.json: pages[1].questions[0].wording[0].when.question: names "full-name", which is not asked before this page (expected a question on an earlier page)',
    ]);
  });

  it('reports a wording on the first page, with nothing earlier to follow', () => {
    expect(
      problems(undefined, {
        wording: [{ when: { question: 'who-for', equals: 'me' }, label: 'For you?' }],
      }),
    ).toEqual([
      'forms/x.json: pages[0].questions[0].wording[0].when.question: names "who-for", which is not asked before this page (expected a question on an earlier page)',
    ]);
  });

  it('reports a misspelt question, a value that is not an option and an unknown error code', () => {
    expect(
      problems([
        { when: { question: 'who-fro', equals: 'me' }, label: 'Your full name' },
        {
          when: { question: 'who-for', equals: 'myself' },
          errors: { requird: 'Enter your full name' },
        },
      ]),
    ).toEqual([
      'forms/x.json: pages[1].questions[0].wording[0].when.question: names a question that does not exist ("who-fro") (expected the id of a question asked earlier in the form); did you mean "who-for"?',
      'forms/x.json: pages[1].questions[0].wording[1].when: compares "who-for" with "myself", which is not one of its options (expected one of me, other)',
      'forms/x.json: pages[1].questions[0].wording[1].errors.requird: is not an error a name question gives (expected one of required, tooLong); did you mean "required"?',
    ]);
  });

  it('reports a wording with no words in it', () => {
    expect(problems([{ when: { question: 'who-for', equals: 'me' } }])).toEqual([
      expect.stringContaining('pages[1].questions[0].wording[0]'),
    ]);
  });
});
