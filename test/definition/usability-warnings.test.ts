import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';

/** A form asking each question on a page of its own, or on the pages given. */
function form(
  questions: object[],
  pages: object[] = questions.map((q, i) => ({ id: `page-${i + 1}`, questions: [q] })),
) {
  return JSON.stringify({
    id: 'x',
    title: 'Apply for a thing',
    version: '1.0',
    description: 'Apply for a thing.',
    start: { body: ['Apply.'] },
    help: { phone: '0306 999 0123', hours: '9am to 5pm' },
    pages,
    confirmation: { title: 'Sent', whatHappensNext: ['We will write.'] },
  });
}

/** What `civic-forms validate` prints after "warning: " for the form, and whether it is valid. */
function check(questions: object[], pages?: object[]) {
  const result = parseDefinition(form(questions, pages), 'forms/x.json');
  return { ok: result.ok, warnings: (result.warnings ?? []).map(formatProblem) };
}

const options = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ value: `o${i + 1}`, text: `Option ${i + 1}` }));

describe('warnings on patterns that make a form hard to use', () => {
  it('warns on a question with a pattern and no hint, and the form stays valid', () => {
    const { ok, warnings } = check([
      {
        id: 'ni',
        type: 'text',
        label: 'National Insurance number',
        pattern: '^[A-Z]{2}\\d{6}[A-D]$',
      },
      {
        id: 'ref',
        type: 'text',
        label: 'Reference',
        pattern: '^[0-9]{8}$',
        hint: 'For example, 12345678',
      },
    ]);
    expect(ok).toBe(true);
    expect(warnings).toEqual([
      'forms/x.json: pages[0].questions[0].hint: is missing, but "ni" only accepts answers that match a pattern (expected a hint showing the format, such as "For example, QQ 12 34 56 C")',
    ]);
  });

  it('warns on radios with more than 10 options, suggesting a select', () => {
    const { ok, warnings } = check([
      { id: 'ten', type: 'radios', label: 'Ten', options: options(10) },
      { id: 'eleven', type: 'radios', label: 'Eleven', options: options(11) },
      { id: 'long', type: 'select', label: 'Long', options: options(30) },
    ]);
    expect(ok).toBe(true);
    expect(warnings).toEqual([
      'forms/x.json: pages[1].questions[0].options: has 11 options, a long list of radios to read through (expected 10 options or fewer); use "type": "select" for a long list',
    ]);
  });

  it('warns on a date question with rules and no hint, not on one without rules', () => {
    const { ok, warnings } = check([
      { id: 'dob', type: 'date', label: 'Date of birth', latest: '16 years ago', past: true },
      {
        id: 'start',
        type: 'date',
        label: 'Start date',
        after: 'today',
        hint: 'A date in the next 3 months, for example, 27 3 2031',
      },
      { id: 'any-day', type: 'date', label: 'Any date' },
    ]);
    expect(ok).toBe(true);
    expect(warnings).toEqual([
      'forms/x.json: pages[0].questions[0].hint: is missing, but "dob" only accepts some dates (latest, past) (expected a hint with an example date and the dates it takes, such as "For example, 27 3 2007")',
    ]);
  });

  it('warns on a select of 3 options or fewer, which radios show at once', () => {
    const { ok, warnings } = check([
      { id: 'three', type: 'select', label: 'Three', options: options(3) },
      { id: 'four', type: 'select', label: 'Four', options: options(4) },
    ]);
    expect(ok).toBe(true);
    expect(warnings).toEqual([
      'forms/x.json: pages[0].questions[0].type: is "select" with only 3 options, hidden until the list is opened (expected "radios" for 3 options or fewer); radios show every choice at once; a select suits long lists',
    ]);
  });

  it('warns on an address whose kind the person chooses sharing its page, not on one alone on its page', () => {
    const address = (id: string, choice: object) => ({
      id,
      type: 'address',
      label: 'Where can we send letters to you?',
      summaryLabel: 'Address',
      errorLabel: 'your address',
      ...choice,
    });
    const phone = {
      id: 'phone',
      type: 'phone',
      label: 'Phone number',
      errorLabel: 'your phone number',
    };
    const { ok, warnings } = check(
      [],
      [
        { id: 'alone', questions: [address('home', { variant: 'either' })] },
        {
          id: 'contact',
          title: 'How can we contact you?',
          questions: [address('letters', { noFixedAddress: true }), phone],
        },
        {
          id: 'previous',
          title: 'Your previous address',
          questions: [
            address('previous-address', { variant: 'uk' }),
            { ...phone, id: 'previous-phone' },
          ],
        },
      ],
    );
    expect(ok).toBe(true);
    expect(warnings).toEqual([
      `forms/x.json: pages[1].questions[0]: is "letters", an address whose kind the person chooses, on a page with 1 other question: it is then asked on that one page, each kind's boxes revealed under its radio (and all of them without JavaScript) (expected the address question alone on its page); alone on its page, it is asked over two pages: the kind of address, then only its boxes`,
    ]);
  });
});
