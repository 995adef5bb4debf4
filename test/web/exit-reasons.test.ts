import fs from 'node:fs';
import path from 'node:path';
import { checkDefinitions } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import type { CivicFormsApp } from '../../src/web/app';
import { tempDataDir, testApp, Visitor } from '../support/agent';

const HELP = {
  phone: '0306 999 0456',
  hours: 'Every day, 24 hours',
  email: 'repairs@northbrook.example',
  postalAddress: ['Repairs Team', 'Town Hall', 'NB1 1AA'],
};

function exit(id: string, reason: string | undefined, title: string) {
  return {
    id,
    kind: 'exit',
    ...(reason && { reason }),
    title,
    body: ['Read this.'],
    condition: { question: 'problem', equals: id },
  };
}

function definition(help: object = HELP) {
  return {
    id: 'repairs',
    title: 'Report a repair',
    version: '1.0',
    description: 'Report a repair to your council home.',
    start: { body: ['Report a repair.'] },
    help,
    pages: [
      {
        id: 'problem',
        questions: [
          {
            id: 'problem',
            type: 'radios',
            label: 'What is the problem?',
            options: [
              { value: 'gas-leak', text: 'I can smell gas' },
              { value: 'not-tenant', text: 'I do not rent from the council' },
              { value: 'landlord', text: 'My landlord fixes it' },
              { value: 'leak', text: 'A leaking tap' },
            ],
          },
        ],
      },
      exit('gas-leak', 'urgent', 'Call us now'),
      exit('not-tenant', undefined, 'You cannot use this service'),
      exit('landlord', 'elsewhere', 'Ask your landlord'),
      { id: 'where', questions: [{ id: 'where', type: 'text', label: 'Where is it?' }] },
    ],
    confirmation: { title: 'Repair reported', whatHappensNext: ['We will call you.'] },
  };
}

function formsDir(form: object): string {
  const dir = tempDataDir();
  fs.writeFileSync(path.join(dir, 'repairs.json'), JSON.stringify(form));
  return dir;
}

function words(html: string): string {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('exit pages of different kinds', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: formsDir(definition()) });
  });
  afterAll(() => app.close());

  async function exitPage(problem: string): Promise<string> {
    const visitor = new Visitor(app);
    const at = await visitor.answer('/repairs/problem', { problem });
    expect(at).toBe(`/repairs/${problem}`);
    return words((await visitor.get(at)).text);
  }

  it('urgent: "Call us now" with the phone number and hours, and no email or "write to us"', async () => {
    const text = await exitPage('gas-leak');
    expect(text).toContain('Call us now Phone us straight away on: 0306 999 0456');
    expect(text).toContain('Every day, 24 hours');
    expect(text).not.toMatch(/write to us/i);
    expect(text).not.toContain('repairs@northbrook.example');
    expect(text).not.toContain('NB1 1AA');
  }, 60_000);

  it('ineligible (the default): every way to contact us, for people who think it is wrong', async () => {
    const text = await exitPage('not-tenant');
    expect(text).toContain('If you think this is wrong, or you need advice, contact us:');
    expect(text).toContain('repairs@northbrook.example');
    expect(text).toContain('You can also write to us: Repairs Team Town Hall NB1 1AA');
  }, 60_000);

  it('done elsewhere: contact us with a question', async () => {
    const text = await exitPage('landlord');
    expect(text).toContain('If you have a question about this, contact us:');
    expect(text).not.toContain('If you think this is wrong');
  }, 60_000);

  it('urgent, on paper: the exit tells people to call now, with the number', async () => {
    const visitor = new Visitor(app);
    const text = words((await visitor.get('/repairs/paper')).text);
    expect(text).toContain('Call us now Read this. Call us now on 0306 999 0456.');
    expect(text).not.toContain('Ask your landlord Read this. Call us now');
  }, 60_000);
});

describe('checking exit reasons', () => {
  function problems(form: object): string[] {
    const [result] = checkDefinitions([path.join(formsDir(form), 'repairs.json')]);
    return result && !result.ok ? result.problems.map(formatProblem) : [];
  }

  it('refuses an urgent exit in a form with no phone number to call', () => {
    expect(problems(definition({ postalAddress: HELP.postalAddress }))).toEqual([
      expect.stringContaining(
        'repairs.json: pages[1].reason: is "urgent", which tells people to call, but help has no phone',
      ),
    ]);
  });

  it('refuses a reason that is not one of the three', () => {
    const form = definition();
    (form.pages[1] as { reason?: string }).reason = 'emergency';
    expect(problems(form)).toEqual([expect.stringContaining('pages[1].reason')]);
  });
});
