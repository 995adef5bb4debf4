import { Writable } from 'node:stream';
import pino from 'pino';
import type { CivicFormsApp } from '../../src/web/app';
import { h1, testApp, Visitor } from '../support/agent';
import { addAccount } from '../support/caseworker';

/** What must never reach a log: a caseworker's password, an answer, the CSRF token. */
const PASSWORD = 'Tr0ub4dor-and-3-caseworker-secret';
const ANSWER = 'Zebedee Quiller-Smythe';

/** A logger writing every line, at every level, into `lines`. */
function capturingLogger(lines: string[]) {
  return pino(
    { level: 'trace' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
}

/** 250 fields more than any page has (under the size limit), the password and an answer among them. */
function manyFields(csrf: string): Record<string, string> {
  const fields: Record<string, string> = {
    _csrf: csrf,
    username: 'sian.evans',
    password: PASSWORD,
  };
  fields['full-name'] = ANSWER;
  for (let i = 0; i < 250; i += 1) fields[`field-${i}`] = 'yes';
  return fields;
}

const formBody = (csrf: string) =>
  new URLSearchParams({
    _csrf: csrf,
    username: 'sian.evans',
    password: PASSWORD,
    'full-name': ANSWER,
  }).toString();

describe('the error page', () => {
  const lines: string[] = [];
  let app: CivicFormsApp;
  let visitor: Visitor;
  /** Each error path: what was sent, the status and the heading the person saw. */
  const seen: Array<[string, number, string | undefined]> = [];

  beforeAll(async () => {
    app = testApp({ logger: capturingLogger(lines), bodyLimit: 4096 });
    await addAccount(app.store, 'sian.evans');
    visitor = new Visitor(app);
    await visitor.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' });
    await visitor.get('/parking-permit/full-name');
    const post = (url: string) => visitor.agent.post(url);
    const record = (what: string, response: { status: number; text: string }) =>
      seen.push([what, response.status, h1(response.text)]);

    record(
      'too many fields',
      await post('/caseworker/sign-in').type('form').send(manyFields(visitor.csrf)),
    );
    record(
      'too many fields, in Welsh',
      await post('/parking-permit/full-name')
        .set('Accept-Language', 'cy')
        .type('form')
        .send(manyFields(visitor.csrf)),
    );
    record(
      'charset=utf-16',
      await post('/caseworker/sign-in')
        .set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-16')
        .send(formBody(visitor.csrf)),
    );
    record(
      'too large',
      await post('/parking-permit/full-name')
        .type('form')
        .send({ _csrf: visitor.csrf, password: PASSWORD, 'full-name': ANSWER.repeat(300) }),
    );
    record(
      'Content-Encoding: gzip that is not gzip',
      await post('/caseworker/sign-in')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .set('Content-Encoding', 'gzip')
        .send(formBody(visitor.csrf)),
    );
    record(
      'Content-Encoding: compress',
      await post('/caseworker/sign-in')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .set('Content-Encoding', 'compress')
        .send(formBody(visitor.csrf)),
    );
    record(
      'JSON (no route takes JSON)',
      await post('/caseworker/sign-in')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ _csrf: visitor.csrf, password: PASSWORD, 'full-name': ANSWER })),
    );
    record(
      'a wrong CSRF token',
      await post('/caseworker/sign-in')
        .type('form')
        .send({ _csrf: 'forged', username: 'sian.evans', password: PASSWORD }),
    );
    record(
      'a wrong password',
      await post('/caseworker/sign-in')
        .type('form')
        .send({ _csrf: visitor.csrf, username: 'sian.evans', password: `${PASSWORD}!` }),
    );
    record(
      'an unknown address',
      await post('/no-such-page').type('form').send({ _csrf: visitor.csrf, 'full-name': ANSWER }),
    );
    // A failure while answering: the database is gone from under the running service.
    await app.store.close();
    record(
      'the database failing',
      await post('/caseworker/sign-in')
        .type('form')
        .send({ _csrf: visitor.csrf, username: 'sian.evans', password: PASSWORD }),
    );
    await app.close();
  }, 120_000);

  it('refuses a body it cannot take with a 4xx page that says what happened, in the page’s language', () => {
    const cannotRead = 'Sorry, we could not read what you sent';
    expect(seen).toEqual([
      ['too many fields', 413, cannotRead],
      [
        'too many fields, in Welsh',
        413,
        'Mae’n ddrwg gennym, ni allem ddarllen yr hyn a anfonwyd gennych',
      ],
      ['charset=utf-16', 415, cannotRead],
      ['too large', 413, cannotRead],
      ['Content-Encoding: gzip that is not gzip', 400, cannotRead],
      ['Content-Encoding: compress', 415, cannotRead],
      ['JSON (no route takes JSON)', 403, 'Sorry, we could not accept that'],
      ['a wrong CSRF token', 403, 'Sorry, we could not accept that'],
      ['a wrong password', 400, 'Sign in'],
      ['an unknown address', 404, 'Page not found'],
      ['the database failing', 503, 'Sorry, the service is unavailable'],
    ]);
  });

  it('logs each refusal by its code', () => {
    const codes = lines.map((line) => (JSON.parse(line) as { code?: string }).code).filter(Boolean);
    expect(new Set(codes)).toEqual(
      new Set([
        'TOO_MANY_FIELDS',
        'BODY_UNSUPPORTED',
        'BODY_TOO_LARGE',
        'BODY_UNREADABLE',
        'CSRF_INVALID',
        'PAGE_NOT_FOUND',
        'DATABASE_UNAVAILABLE',
      ]),
    );
  });

  it('never writes a body, a password, an answer or a token to the log, on any path', () => {
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(1000);
    for (const secret of [PASSWORD, ANSWER, 'Zebedee', visitor.csrf, 'field-249', 'username=']) {
      expect(log).not.toContain(secret);
    }
    for (const line of lines) {
      const entry = JSON.parse(line) as { err?: Record<string, unknown> };
      expect(Object.keys(entry)).not.toContain('body');
      if (entry.err) expect(Object.keys(entry.err)).not.toContain('body');
    }
  });
});
