import { randomUUID } from 'node:crypto';
import type { Draft } from '../../../src/engine/answers';
import type { CivicFormsApp } from '../../../src/web/app';
import { amaraAnswers } from '../../fixtures/amara-draft';
import { h1, inlineErrors, summaryErrors, testApp, textOf, title } from '../../support/agent';
import { groupedCode } from '../../support/grouped-code';
import { pdfText } from '../../support/pdf-text';
import { DISTINCTIVE_NAME, signedInCaseworker, submitPermitOnline } from '../../support/caseworker';

/** The rows of every summary list on a page, as "key: value". */
function summaryRows(html: string): string[] {
  return html
    .split('class="govuk-summary-list__row')
    .slice(1)
    .map(
      (row) =>
        `${textOf(row, /<dt[^>]*>([\s\S]*?)<\/dt>/)}: ${textOf(row, /<dd[^>]*>([\s\S]*?)<\/dd>/)}`,
    );
}

/** The rows of the history table: when, who, what. */
function historyRows(html: string): string[][] {
  const body = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/g;
  const tables = [...html.matchAll(body)].map((m) => m[1] ?? '');
  return [...(tables.at(-1) ?? '').matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      (cell[1] ?? '').replace(/\s+/g, ' ').trim(),
    ),
  );
}

/** Amara's permit, taken by phone in Welsh (as a later phase will record it). */
async function phoneSubmissionInWelsh(app: CivicFormsApp): Promise<string> {
  const draft: Draft = {
    id: randomUUID(),
    formId: 'parking-permit',
    formVersion: '1.0',
    answers: amaraAnswers,
    done: [],
    language: 'cy',
    channel: 'phone',
    createdAt: Date.parse('2025-06-16T10:02:00.000Z'),
    updatedAt: Date.parse('2025-06-16T10:09:00.000Z'),
  };
  const { submission } = await app.store.journeys.submit(
    draft,
    amaraAnswers,
    Date.parse('2025-06-16T10:09:30.000Z'),
  );
  return submission.reference;
}

// Each sign-in hashes with scrypt (0.3 s of a core), a PDF takes a second: on a busy shared machine.
jest.setTimeout(30_000);

describe('caseworker: finding and viewing a submission', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('shows the home page: the reference search first, then the forms offered', async () => {
    const visitor = await signedInCaseworker(app);
    const home = await visitor.get('/caseworker');
    expect(home.headers['cache-control']).toBe('no-store');
    expect(h1(home.text)).toBe('Find a submission by reference');
    expect(home.text).toMatch(/<form method="get" action="\/caseworker\/search" novalidate>/);
    expect(home.text).toMatch(/<input[^>]*id="reference"[^>]*autocomplete="off"[^>]*autofocus/);
    expect(home.text).toContain('Apply for a resident parking permit');
    expect(home.text.indexOf('id="reference"')).toBeLessThan(home.text.indexOf('<table'));
  });

  it.each([
    ['as shown', (ref: string) => ref],
    ['in lower case with spaces', (ref: string) => ` ${ref.toLowerCase().replace(/-/g, ' ')} `],
    ['run together', (ref: string) => ref.replace(/-/g, '')],
    ['with other dashes', (ref: string) => ref.replace(/-/g, ' – ')],
  ])('finds a submission by its reference typed %s', async (_how, type) => {
    const reference = await submitPermitOnline(app);
    const visitor = await signedInCaseworker(app);
    const found = await visitor.get(
      `/caseworker/search?reference=${encodeURIComponent(type(reference))}`,
    );
    expect(found.status).toBe(303);
    expect(found.headers.location).toBe(`/caseworker/submissions/${reference}`);
  });

  it.each([
    ['', 400, 'Enter a reference number'],
    ['K7QM-3XPD', 400, 'Enter a reference number of 10 letters and numbers, like K7QM-3XPD-9C'],
    ['k7qm 3xpd 9c', 404, 'No submission has the reference K7QM-3XPD-9C'],
  ])('says what is wrong with %j, keeping what was typed', async (typed, status, message) => {
    const visitor = await signedInCaseworker(app);
    const response = await visitor.get(`/caseworker/search?reference=${encodeURIComponent(typed)}`);
    expect(response.status).toBe(status);
    expect(title(response.text)).toMatch(/^Error: Find a submission/);
    expect(summaryErrors(response.text)).toEqual([`#reference ${message}`]);
    expect(inlineErrors(response.text)).toEqual([message]);
    expect(response.text).toMatch(new RegExp(`id="reference"[^>]*value="${typed}"`));
    expect(response.text).not.toMatch(/autofocus/);
  });

  it('shows an online submission: answers as check answers shows them, channel, language, history', async () => {
    const reference = await submitPermitOnline(app);
    const visitor = await signedInCaseworker(app);
    const page = await visitor.get(`/caseworker/submissions/${reference}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(title(page.text)).toMatch(new RegExp(`^Submission ${reference} `));
    // The reference in the heading reads left to right and breaks only between its groups.
    expect(page.text).toContain(
      `<h1 class="govuk-heading-l">Submission ${groupedCode(reference)}</h1>`,
    );
    const rows = summaryRows(page.text);
    expect(rows.slice(0, 7)).toEqual([
      `Reference: ${reference}`,
      'Form: Apply for a resident parking permit',
      'Form version: 1.0',
      'Channel: Online',
      'Language: English',
      expect.stringMatching(/^Received: \d{1,2} \w+ \d{4} at \d\d:\d\d$/),
      'Caseworker: None',
    ]);
    expect(rows.slice(7)).toEqual(
      expect.arrayContaining([
        'Do you live in a resident parking zone?: Yes',
        `What is your full name?: ${DISTINCTIVE_NAME}`,
        'Email address: Not provided',
        "What is the vehicle's registration number?: AB12CDE",
        'What fuel does it use?: Electric',
      ]),
    );
    expect(page.text).toContain('<h3 class="govuk-heading-s">Vehicle 1</h3>');
    expect(page.text).not.toContain('Change');
    expect(historyRows(page.text)).toEqual([
      [expect.stringMatching(/\d{4} at \d\d:\d\d$/), 'sian.evans', 'Viewed the submission'],
    ]);
  });

  it('shows a phone submission in Welsh with its channel and language, and its caseworker', async () => {
    const reference = await phoneSubmissionInWelsh(app);
    await app.store.staff.appendAudit({
      at: Date.parse('2025-06-16T10:09:30.000Z'),
      actorId: '6a1f0c0e-2b6d-4a43-9f0e-0d6f4c1b2a77',
      actorUsername: 'tomasz.nowak',
      action: 'submit',
      target: reference,
      detail: undefined,
      agency: 'default',
      clientIp: '10.0.0.9',
      userAgent: undefined,
    });
    const visitor = await signedInCaseworker(app);
    const english = await visitor.get(`/caseworker/submissions/${reference}`);
    expect(summaryRows(english.text).slice(3, 7)).toEqual([
      'Channel: By phone, with a caseworker',
      'Language: Cymraeg',
      'Received: 16 June 2025 at 11:09',
      'Caseworker: tomasz.nowak',
    ]);
    expect(historyRows(english.text).map((row) => row.slice(1))).toEqual([
      ['tomasz.nowak', 'Sent the form'],
      ['sian.evans', 'Viewed the submission'],
    ]);

    const welsh = await visitor.get(`/caseworker/submissions/${reference}?lang=cy`);
    expect(welsh.text).toContain('<html lang="cy"');
    expect(summaryRows(welsh.text)).toEqual(
      expect.arrayContaining([
        'Sianel: Dros y ffôn, gyda gweithiwr achos',
        'Iaith: Cymraeg',
        'Dyddiad ei derbyn: 16 Mehefin 2025 am 11:09',
        "Ydych chi'n byw mewn parth parcio preswylwyr?: Ie",
      ]),
    );
  });

  it('links to a PDF copy of the answers in the language they were sent in, and sends it', async () => {
    const reference = await phoneSubmissionInWelsh(app);
    const visitor = await signedInCaseworker(app);
    const page = await visitor.get(`/caseworker/submissions/${reference}`);
    const href = `/caseworker/submissions/${reference}/answers.pdf`;
    expect(page.text).toContain(
      `<a class="govuk-link" href="${href}" download>Download a copy of the answers (PDF, Cymraeg)</a>`,
    );
    const pdf = await visitor.agent
      .get(href)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="parking-permit-${reference}.pdf"`,
    );
    const text = (await pdfText(pdf.body as Buffer)).pages
      .flatMap((p) => p.items.map((item) => item.text))
      .join(' ');
    expect(text).toContain(reference);
    expect(text).toContain('Amara Okafor');
    expect(text).toContain('Ie');
  });

  it('sends a messy reference in the address to the submission, and an unknown one to not found', async () => {
    const reference = await submitPermitOnline(app);
    const visitor = await signedInCaseworker(app);
    const messy = await visitor.get(`/caseworker/submissions/${reference.toLowerCase()}`);
    expect(messy.headers.location).toBe(`/caseworker/submissions/${reference}`);
    const unknown = await visitor.get('/caseworker/submissions/K7QM-3XPD-9C');
    expect(unknown.status).toBe(404);
    expect(h1(unknown.text)).toBe('Submission not found');
    expect(unknown.text).toContain('Signed in as Siân Evans');
  });
});
