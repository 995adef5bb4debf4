import fs from 'node:fs';
import path from 'node:path';
import { startClamd, EICAR, type RunningClamd } from '../../support/clamd';
import {
  h1,
  inlineErrors,
  summaryErrors,
  tempDataDir,
  testApp,
  textOf,
  Visitor,
} from '../../support/agent';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { CivicFormsApp } from '../../../src/web/app';
import { startAppPurgeJob } from '../../../src/web/app-purge-job';
import type { FormDefinition } from '../../../src/definition/types';
import { answersPdf } from '../../../src/paper/answers-pdf';
import { webhookPayload } from '../../../src/delivery/webhook-payload';
import { createI18n, translator } from '../../../src/web/i18n';
import { pdfText, plain, plainText } from '../../support/pdf-text';
import { panelCode } from '../../support/panel-code';
import { signedInCaseworker } from '../../support/caseworker';
import { parseClamdAddress } from '../../../src/uploads/clamd-address';

const FORMS = path.join(__dirname, '..', '..', 'fixtures', 'upload-forms');
const UPLOADS = path.join(__dirname, '..', '..', 'fixtures', 'uploads');
const PAGE = '/council-tax-evidence/payslips';
const en = translator(createI18n(), 'en');
const fixture = (name: string) => fs.readFileSync(path.join(UPLOADS, name));
const PNG = fixture('damp-wall.png');
const JPEG = fixture('damp-wall.jpg');
const PDF = fixture('payslip.pdf');
const GIF = fixture('damp-wall.gif');
/** A PDF just over the question's 0.5 MB. */
/** A PDF carrying the EICAR test file: of a kind the question takes, so it reaches the scanner. */
const INFECTED_PDF = Buffer.concat([PDF, EICAR]);
const BIG_PDF = Buffer.concat([PDF, Buffer.alloc(512 * 1024 - PDF.length + 1, 0x20)]);

let clamd: RunningClamd;
let app: CivicFormsApp;

beforeAll(async () => {
  clamd = await startClamd();
  app = testApp({
    formsDir: FORMS,
    dataDir: tempDataDir(),
    logLevel: 'silent',
    clamdAddress: parseClamdAddress(clamd.tcp),
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await clamd?.stop();
});

/** Posts the page as a browser does: multipart, the CSRF token in its own field, the files chosen. */
async function post(
  visitor: Visitor,
  files: Array<[name: string, bytes: Buffer]>,
  fields: Record<string, string> = {},
  url = PAGE,
) {
  let request = visitor.agent.post(url).field('_csrf', visitor.csrf);
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
  for (const [name, bytes] of files) request = request.attach('payslips', bytes, name);
  if (files.length === 0) request = request.attach('payslips', Buffer.alloc(0), '');
  const response = await request;
  visitor.html = response.text;
  return response;
}

/** The files the page lists: each row's name and details. */
function listed(html: string): string[] {
  const list = /<dl class="govuk-summary-list cf-uploaded-files">([\s\S]*?)<\/dl>/.exec(html)?.[1];
  return [...(list ?? '').matchAll(/<div class="govuk-summary-list__row">([\s\S]*?)<\/div>/g)].map(
    (row) =>
      `${textOf(row[1] ?? '', /__key">([\s\S]*?)<\/dt>/)} | ${textOf(row[1] ?? '', /__value">([\s\S]*?)<\/dd>/)}`,
  );
}

async function draftFiles(visitor: Visitor) {
  const response = await visitor.get(PAGE);
  const ids = [...response.text.matchAll(/name="remove" value="([^"]+)"/g)].map((m) => m[1] ?? '');
  return ids;
}

async function newVisitor(lang = 'en'): Promise<Visitor> {
  const visitor = new Visitor(app);
  await visitor.get(`${PAGE}?lang=${lang}`);
  return visitor;
}

describe('a file question page', () => {
  it('is a multipart form with the file input, what it takes and the CSRF token', async () => {
    const visitor = await newVisitor();
    expect(visitor.html).toMatch(
      /<form method="post" action="\/council-tax-evidence\/payslips" enctype="multipart\/form-data" novalidate>/,
    );
    expect(visitor.html).toMatch(
      /<input class="govuk-file-upload" id="payslips" name="payslips" type="file" multiple/,
    );
    expect(visitor.html).toContain(
      'accept="image/jpeg,.jpg,image/png,.png,application/pdf,.pdf,.jpeg"',
    );
    expect(visitor.html).toContain('data-max-dimension="2000"');
    expect(h1(visitor.html)).toBe('Upload your payslips');
    expect(
      textOf(visitor.html, /<div id="payslips-hint" class="govuk-hint">([\s\S]*?)<\/div>/),
    ).toBe(
      'A photo or scan of each payslip from the last 3 months. Up to 3 files, each a JPG, PNG or PDF of up to 512 kB.',
    );
    expect(visitor.csrf).not.toBe('');
  });

  it('stores a file sent with the token from the multipart field, encrypted, and lists it', async () => {
    const visitor = await newVisitor();
    const response = await post(visitor, [['damp-wall.png', PNG]], { action: 'upload' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(PAGE);
    await visitor.get(PAGE);
    expect(listed(visitor.html)).toEqual(['damp-wall.png | 1 kB, PNG']);
    const [id] = await draftFiles(visitor);
    const stored = await app.uploads?.blobs.get(id as string);
    expect(stored?.equals(PNG)).toBe(true);
    // At rest it is not the file: the folder holds only its sealed form.
    const onDisk = fs
      .readdirSync(path.join(app.config.dataDir, 'uploads'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.blob'))
      .map((name) => fs.readFileSync(path.join(app.config.dataDir, 'uploads', name)));
    expect(onDisk.some((bytes) => bytes.includes(PNG.subarray(16, 64)))).toBe(false);
  });

  it('refuses a multipart post without the token, or with another, and keeps nothing', async () => {
    const visitor = await newVisitor();
    const before = await blobCount();
    const without = await visitor.agent.post(PAGE).attach('payslips', PNG, 'damp-wall.png');
    expect(without.status).toBe(403);
    const forged = await visitor.agent
      .post(PAGE)
      .field('_csrf', 'a'.repeat(64))
      .attach('payslips', PNG, 'damp-wall.png');
    expect(forged.status).toBe(403);
    // A token in the address is not read: only the form's own field is.
    const inUrl = await visitor.agent
      .post(`${PAGE}?_csrf=${visitor.csrf}`)
      .attach('payslips', PNG, 'damp-wall.png');
    expect(inUrl.status).toBe(403);
    expect(await blobCount()).toBe(before);
  });

  it('says what is wrong in the GOV.UK order, one message, and keeps the files already added', async () => {
    const visitor = await newVisitor();
    await post(visitor, [['payslip.pdf', PDF]], { action: 'upload' });
    const continued = await post(visitor, []);
    expect(continued.status).toBe(303);
    expect(continued.headers.location).toBe('/council-tax-evidence/full-name');

    const empty = await newVisitor();
    expect((await post(empty, [])).status).toBe(400);
    expect(summaryErrors(empty.html)).toEqual(['#payslips Select a payslip']);

    const cases: Array<[string, Array<[string, Buffer]>, string]> = [
      ['too big', [['march.pdf', BIG_PDF]], 'The file ‘march.pdf’ must be smaller than 512 kB'],
      ['wrong type', [['april.pdf', GIF]], 'The file ‘april.pdf’ must be a JPG, PNG or PDF'],
      ['infected', [['may.pdf', INFECTED_PDF]], 'The file ‘may.pdf’ contains a virus'],
      [
        'too big before wrong type before infected',
        [
          ['may.pdf', INFECTED_PDF],
          ['april.pdf', GIF],
          ['march.pdf', BIG_PDF],
        ],
        'The file ‘march.pdf’ must be smaller than 512 kB',
      ],
      [
        'wrong type before infected',
        [
          ['may.pdf', INFECTED_PDF],
          ['april.pdf', GIF],
        ],
        'The file ‘april.pdf’ must be a JPG, PNG or PDF',
      ],
    ];
    for (const [, files, message] of cases) {
      const response = await post(visitor, files, { action: 'upload' });
      expect({ status: response.status, summary: summaryErrors(visitor.html) }).toEqual({
        status: 400,
        summary: [`#payslips ${message}`],
      });
      expect(inlineErrors(visitor.html)).toEqual([message]);
      expect(visitor.html).toMatch(/<title>Error: /);
      // The payslip sent first is still there, and nothing refused was added.
      expect(listed(visitor.html)).toEqual(['payslip.pdf | 1 kB, PDF']);
    }
  });

  it('keeps the good files of a post that also had a bad one', async () => {
    const visitor = await newVisitor();
    await post(
      visitor,
      [
        ['damp-wall.jpg', JPEG],
        ['virus.pdf', INFECTED_PDF],
      ],
      { action: 'upload' },
    );
    expect(summaryErrors(visitor.html)).toEqual([
      '#payslips The file ‘virus.pdf’ contains a virus',
    ]);
    expect(listed(visitor.html)).toEqual(['damp-wall.jpg | 1 kB, JPG']);
  });

  it('refuses a file past the most a question takes, counting those already added', async () => {
    const visitor = await newVisitor();
    await post(
      visitor,
      [
        ['1.pdf', PDF],
        ['2.pdf', PDF],
      ],
      { action: 'upload' },
    );
    await visitor.get(PAGE);
    await post(
      visitor,
      [
        ['3.png', PNG],
        ['4.jpg', JPEG],
      ],
      { action: 'upload' },
    );
    expect(summaryErrors(visitor.html)).toEqual(['#payslips You can only select up to 3 files']);
    expect(listed(visitor.html).map((row) => row.split(' | ')[0])).toEqual([
      '1.pdf',
      '2.pdf',
      '3.png',
    ]);
  });

  it('removes one file at a time, deleting its blob, and stays on the page', async () => {
    const visitor = await newVisitor();
    await post(
      visitor,
      [
        ['1.pdf', PDF],
        ['2.png', PNG],
      ],
      { action: 'upload' },
    );
    const [first, second] = await draftFiles(visitor);
    const response = await post(visitor, [], { remove: first as string });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(PAGE);
    await visitor.get(PAGE);
    expect(listed(visitor.html).map((row) => row.split(' | ')[0])).toEqual(['2.png']);
    expect(visitor.html).toContain(
      'Remove<span class="govuk-visually-hidden"> <bdi>2.png</bdi></span>',
    );
    expect(await app.uploads?.blobs.get(first as string)).toBeUndefined();
    expect(await app.uploads?.blobs.get(second as string)).toBeDefined();
  });

  it('cannot remove or claim another person’s file', async () => {
    const owner = await newVisitor();
    await post(owner, [['mine.pdf', PDF]], { action: 'upload' });
    const [id] = await draftFiles(owner);
    const other = await newVisitor();
    await post(other, [], { remove: id as string });
    // A posted form holds text only: a file's details sent as text are not an answer.
    await other.post(PAGE, { payslips: JSON.stringify({ id, name: 'mine.pdf' }) });
    expect(summaryErrors(other.html)).toEqual(['#payslips Select a payslip']);
    expect(await app.uploads?.blobs.get(id as string)).toBeDefined();
  });

  it('lists each file on check answers with its size and type, a Remove button and a way to change them', async () => {
    const visitor = await newVisitor();
    await post(visitor, [
      ['payslip.pdf', PDF],
      ['damp-wall.png', PNG],
    ]);
    await visitor.answer('/council-tax-evidence/full-name', { 'full-name': 'Amara Okafor' });
    const response = await visitor.get('/council-tax-evidence/check-answers');
    const row = textOf(response.text, /Payslips\s*<\/dt>([\s\S]*?)<\/div>/);
    expect(row).toBe(
      'payslip.pdf (1 kB, PDF) Remove payslip.pdf damp-wall.png (1 kB, PNG) Remove damp-wall.png Change Payslips',
    );
    expect(response.text).toContain('href="/council-tax-evidence/payslips?change=1"');
  });

  it('deletes the files with the answers when they are cleared', async () => {
    const visitor = await newVisitor();
    await post(visitor, [['payslip.pdf', PDF]], { action: 'upload' });
    const [id] = await draftFiles(visitor);
    await visitor.get('/council-tax-evidence/clear');
    await visitor.post('/council-tax-evidence/clear', {});
    expect(await app.uploads?.blobs.get(id as string)).toBeUndefined();
  });

  it('deletes the files of a draft the clean-up finds expired', async () => {
    const visitor = await newVisitor();
    await post(visitor, [['payslip.pdf', PDF]], { action: 'upload' });
    const [id] = await draftFiles(visitor);
    const logged: Array<Record<string, unknown>> = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    );
    // Long after the session and the draft's time to be resumed have run out.
    const later = Date.now() + (app.config.resumeExpiryDays + 1) * 24 * 60 * 60_000;
    const job = startAppPurgeJob(app, logger, () => later);
    try {
      while (!logged.some((line) => line.event === 'purge')) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      job.stop();
    }
    expect(logged.find((line) => line.event === 'purge')).toMatchObject({
      files: expect.any(Number),
    });
    expect(await app.uploads?.blobs.get(id as string)).toBeUndefined();
  });

  it('takes no file while the scanner gives no verdict: try again later', async () => {
    // Nothing listens on port 1: the scanner is down.
    const down = testApp({
      formsDir: FORMS,
      dataDir: tempDataDir(),
      logLevel: 'silent',
      clamdAddress: parseClamdAddress('127.0.0.1:1'),
    });
    try {
      const visitor = new Visitor(down);
      await visitor.get(PAGE);
      const response = await post(visitor, [['payslip.pdf', PDF]]);
      expect(response.status).toBe(400);
      expect(summaryErrors(visitor.html)).toEqual([
        '#payslips The file ‘payslip.pdf’ could not be uploaded – try again later',
      ]);
      expect(listed(visitor.html)).toEqual([]);
      expect(fs.existsSync(path.join(down.config.dataDir, 'uploads'))).toBe(false);
    } finally {
      await down.close();
    }
  });

  it('shows the page and its errors in Arabic', async () => {
    const visitor = await newVisitor('ar');
    await post(visitor, [['نيسان.pdf', GIF]], { action: 'upload' });
    expect(summaryErrors(visitor.html)).toEqual([
      '#payslips يجب أن يكون الملف «نيسان.pdf» بصيغة JPG أو PNG أو PDF',
    ]);
  });
});

async function blobCount(): Promise<number> {
  const dir = path.join(app.config.dataDir, 'uploads');
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.blob')).length;
}

describe('a file question in the answers PDF', () => {
  it('lists each file sent, with its size and type', async () => {
    const visitor = await newVisitor();
    await post(visitor, [
      ['payslip-march.pdf', PDF],
      ['damp-wall.png', PNG],
    ]);
    await visitor.answer('/council-tax-evidence/full-name', { 'full-name': 'Amara Okafor' });
    await visitor.get('/council-tax-evidence/check-answers');
    const sent = await visitor.post('/council-tax-evidence/check-answers', {});
    expect(sent.status).toBe(303);
    const confirmation = await visitor.get('/council-tax-evidence/confirmation');
    const submission = await app.store.journeys.findSubmission(panelCode(confirmation.text) ?? '');
    expect(submission).toBeDefined();
    const form = app.forms.get('council-tax-evidence') as FormDefinition;
    const text = plainText(await pdfText(await answersPdf(form, submission!, 'en', en)));
    expect(text).toContain(plain('payslip-march.pdf (1 kB, PDF)'));
    expect(text).toContain(plain('damp-wall.png (1 kB, PNG)'));
  });
});

describe('multipart posts the page cannot have sent', () => {
  it('refuses a file sent to a page without a file question, storing nothing', async () => {
    const visitor = await newVisitor();
    await visitor.get('/council-tax-evidence/full-name');
    const response = await visitor.agent
      .post('/council-tax-evidence/full-name')
      .field('_csrf', visitor.csrf)
      .attach('full-name', PNG, 'damp-wall.png');
    expect(response.status).toBe(400);
    expect(h1(response.text)).toBe('Sorry, we could not read what you sent');
  });

  it('reads a multipart post without files on a page without a file question', async () => {
    const visitor = await newVisitor();
    await post(visitor, [['payslip.pdf', PDF]]);
    await visitor.get('/council-tax-evidence/full-name');
    const response = await visitor.agent
      .post('/council-tax-evidence/full-name')
      .field('_csrf', visitor.csrf)
      .field('full-name', 'Amara Okafor');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/council-tax-evidence/check-answers');
  });

  it('refuses a body far past what the page takes, without reading it all', async () => {
    const visitor = await newVisitor();
    const response = await visitor.agent
      .post(PAGE)
      .field('_csrf', visitor.csrf)
      .field('padding', 'x'.repeat(70 * 1024));
    expect(response.status).toBe(413);
  });
});

describe('a file question in a caseworker’s call', () => {
  it('takes the file the caller sent with how it came, shown on check answers, the staff page, the payload and the PDF', async () => {
    const caseworker = await signedInCaseworker(app, 'sian.evans');
    const consent = '/caseworker/start/council-tax-evidence/en';
    await caseworker.get(consent);
    const started = await caseworker.post(consent, { agrees: 'yes' });
    const first = started.headers.location as string;
    expect(first).toMatch(/^\/caseworker\/call\/council-tax-evidence\/payslips$/);
    await caseworker.get(first);
    expect(caseworker.html).toContain(
      'The caller can send this to us by email or by post. Tell them we will add it to their application when it arrives.',
    );
    expect(caseworker.html).toContain('How did the caller send this file?');

    // Without saying how it came, the file is refused and nothing is kept.
    const before = await blobCount();
    const unsaid = await post(caseworker, [['payslip.pdf', PDF]], { action: 'upload' }, first);
    expect(unsaid.status).toBe(400);
    expect(summaryErrors(unsaid.text)).toEqual([
      '#payslips-received-by Select how the caller sent the file',
    ]);
    expect(unsaid.text).toContain('id="payslips-received-by"');
    expect(await blobCount()).toBe(before);

    await caseworker.get(first);
    const response = await post(
      caseworker,
      [['payslip.pdf', PDF]],
      { action: 'upload', 'payslips-received-by': 'post' },
      first,
    );
    expect(response.status).toBe(303);
    await caseworker.get(first);
    expect(listed(caseworker.html)).toEqual(['payslip.pdf | 1 kB, PDF – received by post']);

    await post(caseworker, [], {}, first);
    await caseworker.answer('/caseworker/call/council-tax-evidence/full-name', {
      'full-name': 'Amara Okafor',
    });
    const check = await caseworker.get('/caseworker/call/council-tax-evidence/check-answers');
    expect(check.text).toContain('<bdi>payslip.pdf</bdi> (1 kB, PDF) – received by post');
    await caseworker.post('/caseworker/call/council-tax-evidence/check-answers', {});
    const rows = await app.store.inspect.rows('submissions');
    const reference = String(rows[rows.length - 1]?.reference);
    const submission = await app.store.journeys.findSubmission(reference);
    if (!submission) throw new Error('not sent');

    await caseworker.get(`/caseworker/submissions/${reference}`);
    expect(caseworker.html).toContain('1 kB, PDF – received by post');
    const form = app.forms.get('council-tax-evidence') as FormDefinition;
    expect(webhookPayload(form, submission).files).toEqual([
      expect.objectContaining({ name: 'payslip.pdf', receivedBy: 'post' }),
    ]);
    const text = plainText(await pdfText(await answersPdf(form, submission, 'en', en)));
    expect(text).toContain(plain('payslip.pdf (1 kB, PDF) – received by post'));
  });
});
