import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { localise } from '../../src/definition/translation';
import type { FormDefinition } from '../../src/definition/types';
import type { CivicFormsApp } from '../../src/web/app';
import { EXAMPLE_FORMS, FIXTURE_FORMS, h1, testApp, textOf, Visitor } from '../support/agent';
import { pdfText, plain, plainText } from '../support/pdf-text';
import { sendApplication } from '../paper/sent-application';

jest.setTimeout(60_000);
const FORM = '/council-tax-reduction';

/** A response body as bytes (supertest leaves binary bodies unparsed otherwise). */
function binary(req: request.Test): request.Test {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

describe('the paper form routes', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
  });
  afterAll(() => app.close());

  it('sends the blank form as a PDF to open in the browser, in the language asked for', async () => {
    const res = await binary(request(app).get(`${FORM}/paper.pdf?lang=cy`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'inline; filename="council-tax-reduction-cy.pdf"',
    );
    expect(String(res.headers['set-cookie'] ?? '')).not.toMatch(/civic\.sid/);
    const text = await pdfText(res.body as Buffer);
    expect(text.info.Language).toBe('cy');
    expect(plainText(text)).toContain(
      plain(localise(app.forms.get('council-tax-reduction') as FormDefinition, 'cy').title),
    );
    // The QR code and the short link open the online form in the same language, at the configured
    // address (in development, http://localhost:PORT), never the address the request came to.
    expect(plainText(text)).toContain('http://localhost:3000/council-tax-reduction?lang=cy');
  });

  it('never takes the printed link from the Host header, and makes one PDF whatever the Host', async () => {
    // Without BASE_URL (development only), the configured http://localhost:PORT, not the request's.
    const first = await binary(
      request(app).get(`${FORM}/paper.pdf?lang=en`).set('Host', 'evil.example'),
    );
    const second = await binary(
      request(app)
        .get(`${FORM}/paper.pdf?lang=en`)
        .set('Host', 'phish.example:8443')
        .set('X-Forwarded-Host', 'evil.example'),
    );
    expect([first.status, second.status]).toEqual([200, 200]);
    const text = plainText(await pdfText(first.body as Buffer));
    expect(text).toContain('http://localhost:3000/council-tax-reduction?lang=en');
    expect(text).not.toMatch(/evil|phish/);
    // The same bytes: one PDF was made and kept, not one per Host.
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
    const page = await request(app).get(`${FORM}/paper?lang=en`).set('Host', 'evil.example');
    expect(page.text).toContain('http://localhost:3000/council-tax-reduction?lang=en');
    expect(page.text).not.toContain('evil.example');
  }, 120_000);

  it('sends the same PDF again from memory, linking to BASE_URL when it is set', async () => {
    const published = testApp({
      formsDir: EXAMPLE_FORMS,
      baseUrl: 'https://forms.northbrook.example',
    });
    const first = await binary(request(published).get(`${FORM}/paper.pdf?lang=es`));
    // A PDF made again would carry a later creation time (to the second): the same bytes were kept.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await binary(request(published).get(`${FORM}/paper.pdf?lang=es`));
    await published.close();
    expect(first.status).toBe(200);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
    expect(plainText(await pdfText(first.body as Buffer))).toContain(
      'https://forms.northbrook.example/council-tax-reduction?lang=es',
    );
  });

  it('shows the printable page in the language asked for, without a session', async () => {
    const res = await request(app).get(`${FORM}/paper?lang=ar`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<html lang="ar" dir="rtl"/);
    expect(h1(res.text)).toBe('التقدم بطلب تخفيض ضريبة المجلس المحلي');
    expect(res.text).toContain('<svg class="cf-paper-qr"');
    expect(res.text).toContain(`href="${FORM}/paper.pdf?lang=ar"`);
    expect(String(res.headers['set-cookie'] ?? '')).not.toMatch(/civic\.sid/);
    const english = await request(app).get(`${FORM}/paper?lang=en`);
    expect(
      textOf(
        english.text,
        /<h2 class="govuk-heading-s[^"]*"><span class="cf-paper-number">1<\/span>([^<]*)</,
      ),
    ).toBe('Do you live in the Northbrook Council area?');
    expect(english.text).toContain('If you answered No, go to question 19.');
    expect(english.text).toContain(
      'Only answer this if you ticked ‘Universal Credit’ at question 8.',
    );
  });

  it('answers 404 for a form that does not exist', async () => {
    for (const url of ['/no-such-form/paper', '/no-such-form/paper.pdf']) {
      const res = await request(app).get(url);
      expect(res.status).toBe(404);
      expect(h1(res.text)).toBe('Page not found');
    }
  });

  it('offers the other ways to apply on the start page, in its language', async () => {
    const page = (await request(app).get(`${FORM}?lang=es`)).text;
    expect(page).toContain('Otras formas de solicitarlo');
    expect(page).toContain(`href="${FORM}/paper?lang=es"`);
    expect(page).toContain(`href="${FORM}/paper.pdf?lang=es"`);
    expect(page).toContain('0306 999 0123');
  });
});

describe('the copy of the answers', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
  });
  afterAll(() => app.close());

  it('is offered on the confirmation page and sent to the session that sent the form', async () => {
    const { visitor, reference } = await sendApplication(app, 'cy');
    const confirmation = (await visitor.get(`${FORM}/confirmation`)).text;
    expect(confirmation).toContain(`href="${FORM}/confirmation/answers.pdf?lang=cy"`);
    expect(confirmation).toContain('Lawrlwytho copi o’ch atebion (PDF)');
    const res = await binary(visitor.agent.get(`${FORM}/confirmation/answers.pdf?lang=cy`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="council-tax-reduction-${reference}.pdf"`,
    );
    const said = plainText(await pdfText(res.body as Buffer));
    expect(said).toContain(plain(reference));
    expect(said).toContain(plain('Eich atebion'));
    expect(said).toContain(plain('Amara Okafor'));
  });

  it('is refused (404) to another session and to a visitor who sent nothing', async () => {
    await sendApplication(app, 'en');
    const stranger = new Visitor(app);
    await stranger.get(`${FORM}/your-area`);
    for (const res of [
      await stranger.agent.get(`${FORM}/confirmation/answers.pdf`),
      await request(app).get(`${FORM}/confirmation/answers.pdf`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('names no reference in its address: one cannot be guessed', async () => {
    const { reference } = await sendApplication(app, 'en');
    const res = await request(app).get(`${FORM}/confirmation/answers.pdf?reference=${reference}`);
    expect(res.status).toBe(404);
    expect((await request(app).get(`${FORM}/confirmation/${reference}.pdf`)).status).toBe(404);
  });
});

describe('the paper form of a form with no declaration', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    // The fixture form, in English only, without its declaration.
    const formsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-no-declaration-'));
    const form = JSON.parse(
      fs.readFileSync(path.join(FIXTURE_FORMS, 'parking-permit.json'), 'utf8'),
    ) as FormDefinition;
    const { declaration: _, ...checkAnswers } = form.checkAnswers ?? {};
    fs.writeFileSync(
      path.join(formsDir, 'parking-permit.json'),
      JSON.stringify({ ...form, languages: ['en'], checkAnswers }),
    );
    app = testApp({ formsDir });
  });
  afterAll(() => app.close());

  it('has no declaration and no line to sign, on the page or in the PDF', async () => {
    const page = await request(app).get('/parking-permit/paper?lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Send us this form');
    expect(page.text).not.toMatch(/Declaration|Signature|cf-paper-end/);
    const pdf = await binary(request(app).get('/parking-permit/paper.pdf?lang=en'));
    const said = plainText(await pdfText(pdf.body as Buffer));
    expect(said).toContain(plain('Send us this form'));
    expect(said).not.toMatch(/Declaration|Signature/);
  });
});
