import fs from 'node:fs';
import path from 'node:path';
import { checkDefinitions } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import type { CivicFormsApp } from '../../src/web/app';
import { tempDataDir, testApp, Visitor } from '../support/agent';

/** A small form whose help contact is the one given. */
function form(id: string, help: object) {
  return {
    id,
    title: 'Ask for a blue badge',
    version: '1.0',
    description: 'Ask for a parking badge.',
    start: { body: ['Use this service to ask for a badge.'] },
    help,
    pages: [
      { id: 'your-name', questions: [{ id: 'your-name', type: 'name', label: 'Your name' }] },
    ],
    confirmation: { title: 'Sent', whatHappensNext: ['We will write to you.'] },
  };
}

const PHONE_ONLY = { phone: '0306 999 0777', hours: 'Monday to Friday, 9am to 5pm' };
const POST_ONLY = { postalAddress: ['Badge Team', 'Town Hall', 'NB1 1AA'] };

function formsDir(forms: Record<string, object>): string {
  const dir = tempDataDir();
  for (const [id, help] of Object.entries(forms))
    fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(form(id, help)));
  return dir;
}

/** The page's text without tags, spaces collapsed. */
function words(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('a help contact with a phone number only, or a postal address only', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: formsDir({ 'phone-only': PHONE_ONLY, 'post-only': POST_ONLY }) });
  });
  afterAll(() => app.close());

  it('phone only: the start page gives the number and hours, never "write to us" or the paper form', async () => {
    const page = (await new Visitor(app).get('/phone-only')).text;
    const text = words(page);
    expect(text).toContain('Telephone: 0306 999 0777');
    expect(text).toContain('Monday to Friday, 9am to 5pm');
    expect(text).not.toMatch(/write to us/i);
    expect(page).not.toContain('/phone-only/paper');
  }, 60_000);

  it('post only: the start page gives the address and the paper form, and no telephone line', async () => {
    const page = (await new Visitor(app).get('/post-only')).text;
    const text = words(page);
    expect(text).toContain('Write to us: Badge Team Town Hall NB1 1AA');
    expect(text).not.toContain('Telephone:');
    expect(page).toContain('/post-only/paper.pdf');
  }, 60_000);

  it('phone only: the paper form says to phone, with the number, instead of an address to post it to', async () => {
    const text = words((await new Visitor(app).get('/phone-only/paper')).text);
    expect(text).toContain(
      'We do not take this form by post. Phone us and we will fill it in with you: 0306 999 0777',
    );
    expect(text).toContain('Telephone: 0306 999 0777 Monday to Friday, 9am to 5pm');
  }, 60_000);

  it('post only: the paper form gives the address to post it to, and no telephone', async () => {
    const text = words((await new Visitor(app).get('/post-only/paper')).text);
    expect(text).toContain('post this form to: Badge Team Town Hall NB1 1AA');
    expect(text).not.toContain('Telephone:');
  }, 60_000);
});

describe('checking a help contact', () => {
  function problems(help: object): string[] {
    const dir = formsDir({ badge: help });
    const [result] = checkDefinitions([path.join(dir, 'badge.json')]);
    return result && !result.ok ? result.problems.map(formatProblem) : [];
  }

  it('accepts a phone number alone and a postal address alone', () => {
    expect(problems(PHONE_ONLY)).toEqual([]);
    expect(problems(POST_ONLY)).toEqual([]);
  });

  it('refuses a contact with neither a phone number nor a postal address', () => {
    expect(problems({ email: 'badges@northbrook.example' })).toEqual([
      expect.stringMatching(
        /badge\.json: help: has none of phone, postalAddress \(expected one of phone, postalAddress\)/,
      ),
    ]);
  });

  it('refuses a phone number without its hours, and hours without a phone number', () => {
    expect(problems({ phone: '0306 999 0777' })).toEqual([
      expect.stringMatching(/badge\.json: help/),
    ]);
    expect(problems({ ...POST_ONLY, hours: '9am to 5pm' })).toEqual([
      expect.stringMatching(/badge\.json: help/),
    ]);
  });
});
