import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { ResumeMessage } from '../../../src/resume/resume-sender';
import { resumePolicy } from '../../../src/resume/resume-policy';
import { purgeNow } from '../../../src/resume/purge-job';
import type { CivicFormsApp } from '../../../src/web/app';
import {
  h1,
  summaryErrors,
  testApp,
  textOf,
  Visitor,
  type TestAppOptions,
} from '../../support/agent';
import {
  answerFirstPages,
  chooseSecret,
  CODE_SHAPE,
  codeOn,
  DATE_OF_BIRTH,
  MEMORABLE_WORD,
  pressSave,
  type Fields,
} from '../../support/save-and-return';

const WRONG_DAY = { ...DATE_OF_BIRTH, 'date-of-birth-day': '28' };

/**
 * An app behind a proxy on this machine (the test client stands for it), so each test client can
 * come from the address its `X-Forwarded-For` gives.
 */
function proxiedApp(options: TestAppOptions = {}): CivicFormsApp {
  return testApp({ trustProxy: ['loopback'], ...options });
}

/** Saves a new application for later on its own browser; returns the code. */
async function savedCode(app: CivicFormsApp, secret: Fields = DATE_OF_BIRTH, email = '') {
  const visitor = new Visitor(app);
  const at = await answerFirstPages(visitor);
  return chooseSecret(
    visitor,
    await pressSave(visitor, at, { 'has-vehicles': 'no' }),
    secret,
    email,
  );
}

/** One try on the resume page from a client address, on a fresh browser. */
async function tryFrom(app: CivicFormsApp, ip: string, code: string, secret: Fields) {
  const visitor = new Visitor(app);
  const page = await visitor.agent.get('/resume').set('X-Forwarded-For', ip);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  return visitor.agent
    .post('/resume')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ _csrf: csrf, 'resume-code': code, ...secret });
}

function capturingLogger(lines: string[]) {
  return pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
}

describe('save and return: limits, expiry and what is kept', () => {
  let app: CivicFormsApp;
  afterEach(() => app.close());

  it('locks a code after 5 wrong tries, whoever makes them, and says when and whom to call', async () => {
    app = proxiedApp();
    const code = await savedCode(app);
    for (let i = 1; i <= 4; i += 1) {
      const wrong = await tryFrom(app, `203.0.113.${i}`, code, WRONG_DAY);
      expect(wrong.status).toBe(400);
      expect(summaryErrors(wrong.text)[0]).toContain(`You can try ${5 - i} more time`);
    }
    const fifth = await tryFrom(app, '203.0.113.5', code, WRONG_DAY);
    expect(fifth.status).toBe(429);
    expect(h1(fifth.text)).toBe('You cannot try again yet');
    expect(fifth.text).toMatch(/You can try again after \d\d:\d\d on \d{1,2} \w+ \d{4}\./);
    expect(fifth.text).toContain('0300 123 4567');
    // Locked means locked: the right secret from a new address does not open it either.
    const right = await tryFrom(app, '203.0.113.6', code, DATE_OF_BIRTH);
    expect(right.status).toBe(429);
  });

  it('slows a client after RESUME_CLIENT_MAX_ATTEMPTS wrong tries an hour across every code', async () => {
    app = proxiedApp({ resumeClientMaxAttempts: 4 });
    const mine = await savedCode(app);
    const theirs = await savedCode(app, MEMORABLE_WORD);
    const guesses = ['K7QM-3XPD-9C', 'AAAA-AAAA-AA', 'CCCC-DDDD-EE', 'FFFF-GGGG-HH'];
    for (const guess of guesses) {
      const response = await tryFrom(app, '198.51.100.7', guess, DATE_OF_BIRTH);
      expect(summaryErrors(response.text)[0]).toContain('We cannot find a saved form');
    }
    const fifth = await tryFrom(app, '198.51.100.7', theirs, DATE_OF_BIRTH);
    expect(fifth.status).toBe(429);
    expect(h1(fifth.text)).toBe('You cannot try again yet');
    expect((await tryFrom(app, '198.51.100.7', mine, DATE_OF_BIRTH)).status).toBe(429);
    // Another client, and the owner of the other code, are not affected.
    expect((await tryFrom(app, '198.51.100.8', mine, DATE_OF_BIRTH)).status).toBe(303);
    expect((await tryFrom(app, '198.51.100.9', theirs, MEMORABLE_WORD)).status).toBe(303);
  }, 60_000);

  it('gives one browser 5 codes an hour; the 6th save says when it can save again and keeps the answers', async () => {
    app = testApp();
    const visitor = new Visitor(app);
    for (let i = 0; i < 5; i += 1) {
      const at = await answerFirstPages(visitor);
      const code = await chooseSecret(
        visitor,
        await pressSave(visitor, at, { 'has-vehicles': 'no' }),
        DATE_OF_BIRTH,
      );
      expect(code).toMatch(CODE_SHAPE);
    }
    const at = await answerFirstPages(visitor);
    const saveUrl = await pressSave(visitor, at, { 'has-vehicles': 'no' });
    await visitor.get(saveUrl);
    const refused = await visitor.post(saveUrl, { ...DATE_OF_BIRTH, email: '' });
    expect(refused.status).toBe(429);
    expect(h1(refused.text)).toBe('You cannot save your form again yet');
    expect(textOf(refused.text, /<main[^>]*>([\s\S]*?)<\/main>/)).toMatch(
      /Your answers are still here and nothing has been lost\. You can save again after \d\d:\d\d on \d{1,2} \w+ \d{4}, or carry on with your form now\./,
    );
    expect(codeOn(refused.text)).toBeUndefined();
    // The way back leads to the form, with every answer still there.
    const back = /href="([^"]+)">Go back to your form</.exec(refused.text)?.[1];
    expect(back).toBe('/parking-permit/start-date');
    expect((await visitor.get(back ?? '')).status).toBe(200);
    expect((await visitor.get('/parking-permit/full-name')).text).toContain('value="Amara Okafor"');
    // In Welsh too.
    await visitor.get(`${saveUrl}?lang=cy`);
    const welsh = await visitor.post(saveUrl, { ...DATE_OF_BIRTH, email: '' });
    expect(welsh.status).toBe(429);
    expect(h1(welsh.text)).toBe('Ni allwch gadw eich ffurflen eto ar hyn o bryd');
    // Five codes were stored, not six.
    expect(await app.store.inspect.count('resume_codes')).toBe(5);
  }, 120_000);

  it('refuses an expired code, and the clean-up deletes expired drafts and codes', async () => {
    app = testApp({ resumeExpiryDays: 0.4 / 86_400 });
    const code = await savedCode(app);
    const kept = await savedCode(app, MEMORABLE_WORD);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const late = await tryFrom(app, '127.0.0.1', code, DATE_OF_BIRTH);
    expect(late.status).toBe(410);
    expect(h1(late.text)).toBe('Your saved answers have been deleted');
    expect(late.text).toContain('href="/parking-permit"');

    const count = (table: 'drafts' | 'resume_codes') => app.store.inspect.count(table);
    expect([await count('drafts'), await count('resume_codes')]).toEqual([2, 2]);
    const purged = await purgeNow(app.store, Date.now(), resumePolicy(app.config).expiryMs);
    expect(purged).toMatchObject({ drafts: 2, codes: 2 });
    expect([await count('drafts'), await count('resume_codes')]).toEqual([0, 0]);
    expect((await tryFrom(app, '127.0.0.2', kept, MEMORABLE_WORD)).status).toBe(400);
  });

  it('stores neither the code nor the secret nor the email address in the database', async () => {
    app = testApp();
    const code = await savedCode(app, MEMORABLE_WORD, 'amara.okafor@example.com');
    const born = await savedCode(app, DATE_OF_BIRTH);
    expect((await tryFrom(app, '127.0.0.1', code, MEMORABLE_WORD)).status).toBe(303);
    const files = fs
      .readdirSync(app.config.dataDir)
      .map((f) => fs.readFileSync(path.join(app.config.dataDir, f)).toString('latin1'));
    const everything = files.join('\n');
    expect(everything).toContain('Amara Okafor');
    for (const secret of [
      code,
      code.replace(/-/g, ''),
      born,
      born.replace(/-/g, ''),
      'Blue  Heron',
      'blue heron',
      '1985-03-27',
      'amara.okafor@example.com',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('writes nothing of the code, the secret or the email address to the log', async () => {
    const lines: string[] = [];
    app = testApp({ logger: capturingLogger(lines) });
    const code = await savedCode(app, MEMORABLE_WORD, 'amara.okafor@example.com');
    await tryFrom(app, '127.0.0.1', code, { ...MEMORABLE_WORD, 'memorable-word': 'Grey Heron' });
    expect((await tryFrom(app, '127.0.0.1', code, MEMORABLE_WORD)).status).toBe(303);
    const all = lines.join('');
    for (const secret of [code, code.replace(/-/g, ''), 'Heron', 'heron', 'amara.okafor']) {
      expect(all).not.toContain(secret);
    }
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.filter((e) => e.event === 'resume-attempt').map((e) => e.outcome)).toEqual([
      'wrong',
      'opened',
    ]);
    // Without a sender, a log line says a message would have been sent, and where it points.
    expect(events.find((e) => e.event === 'resume-message')).toMatchObject({
      lang: 'en',
      link: 'http://localhost:3000/parking-permit/resume',
    });
  });

  it('hands the email to the sender it is given: a link to the resume page, never the code', async () => {
    const sent: ResumeMessage[] = [];
    app = testApp({ resumeSender: { send: async (message) => void sent.push(message) } });
    const before = Date.now();
    await savedCode(app, DATE_OF_BIRTH, 'amara.okafor@example.com');
    expect(sent).toHaveLength(1);
    const [message] = sent;
    expect(message).toMatchObject({
      to: 'amara.okafor@example.com',
      link: 'http://localhost:3000/parking-permit/resume',
      lang: 'en',
      formTitle: 'Apply for a resident parking permit',
    });
    expect(message?.code).toBeUndefined();
    const days = ((message?.expiresAt.getTime() ?? 0) - before) / 86_400_000;
    expect(days).toBeGreaterThan(27.99);
    expect(days).toBeLessThan(28.01);
  });

  it('still shows the code when the email cannot be sent', async () => {
    app = testApp({
      resumeSender: {
        send: async () => {
          throw new Error('mail server refused amara.okafor@example.com');
        },
      },
    });
    const visitor = new Visitor(app);
    const at = await answerFirstPages(visitor);
    const saveUrl = await pressSave(visitor, at, { 'has-vehicles': 'no' });
    await chooseSecret(visitor, saveUrl, DATE_OF_BIRTH, 'amara.okafor@example.com');
    expect(visitor.html).toContain('We could not send the email. Write your code down instead.');
  });
});
