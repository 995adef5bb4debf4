import fs from 'node:fs';
import path from 'node:path';
import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import { readAloudScript } from '../../src/caseworker/read-aloud-script';
import type { FormDefinition, QuestionPage } from '../../src/definition/types';
import { paperForm, type PaperQuestion } from '../../src/paper/paper-form';
import { submissionsCsv } from '../../src/delivery/submissions-csv';
import { webhookPayload } from '../../src/delivery/webhook-payload';
import { summarise } from '../../src/engine/check-answers';
import type { CivicFormsApp } from '../../src/web/app';
import { createI18n, translator } from '../../src/web/i18n';
import { tempDataDir, testApp, Visitor } from '../support/agent';

/** A form whose tenancy reference the person may not have yet (the law lets them send without it). */
const definition = {
  id: 'deposit-claim',
  title: 'Claim back a tenancy deposit',
  version: '1.0',
  languages: ['en', 'cy'],
  description: 'Claim back the deposit you paid.',
  start: { body: ['Claim back your deposit.'] },
  help: { phone: '0306 999 0123', hours: 'Monday to Friday, 9am to 5pm' },
  pages: [
    {
      id: 'tenancy-reference',
      questions: [
        {
          id: 'tenancy-reference',
          type: 'text',
          label: 'What is your deposit protection reference?',
          summaryLabel: 'Deposit reference',
          errorLabel: 'your deposit protection reference',
          notYet: 'I do not have my reference yet',
        },
      ],
    },
    {
      id: 'full-name',
      questions: [{ id: 'full-name', type: 'name', label: 'What is your full name?' }],
    },
  ],
  confirmation: { title: 'Claim sent', whatHappensNext: ['We will write to you.'] },
};

const welsh = {
  title: 'Hawlio blaendal tenantiaeth yn ôl',
  description: 'Hawliwch y blaendal a daloch yn ôl.',
  start: { body: ['Hawliwch eich blaendal yn ôl.'] },
  help: { hours: 'Dydd Llun i ddydd Gwener, 9am i 5pm' },
  questions: {
    'tenancy-reference': {
      label: 'Beth yw cyfeirnod diogelu eich blaendal?',
      summaryLabel: 'Cyfeirnod y blaendal',
      errorLabel: 'cyfeirnod diogelu eich blaendal',
      notYet: 'Nid oes gen i fy nghyfeirnod eto',
    },
    'full-name': { label: 'Beth yw eich enw llawn?' },
  },
  confirmation: { title: 'Hawliad wedi’i anfon', whatHappensNext: ['Byddwn yn ysgrifennu atoch.'] },
};

function writeForms(): string {
  const dir = tempDataDir();
  fs.writeFileSync(path.join(dir, 'deposit-claim.json'), JSON.stringify(definition));
  fs.mkdirSync(path.join(dir, 'locales', 'cy'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'locales', 'cy', 'deposit-claim.json'), JSON.stringify(welsh));
  return dir;
}

const values = (html: string) =>
  [...html.matchAll(/govuk-summary-list__value">([\s\S]*?)<\/dd>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').trim(),
  );

describe('soft-required questions: "I do not have this yet"', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: writeForms() });
  });
  afterAll(() => app.close());

  it.each([
    ['en', 'I do not have my reference yet', 'Not provided yet'],
    ['cy', 'Nid oes gen i fy nghyfeirnod eto', 'Heb ei roi eto'],
  ])(
    'in %s, offers "%s", goes on without an answer and shows "%s"',
    async (lang, offer, shown) => {
      const visitor = new Visitor(app);
      await visitor.get(`/deposit-claim?lang=${lang}`);
      const page = (await visitor.get('/deposit-claim/tenancy-reference')).text;
      expect(page).toContain(offer);
      expect(page).toContain('name="tenancy-reference-not-yet"');
      // Left empty without the box ticked, it is still required.
      expect((await visitor.post('/deposit-claim/tenancy-reference', {})).status).toBe(400);
      await visitor.answer('/deposit-claim/tenancy-reference', {
        'tenancy-reference-not-yet': 'yes',
      });
      const back = (await visitor.get('/deposit-claim/tenancy-reference')).text;
      expect(back).toMatch(/name="tenancy-reference-not-yet" type="checkbox" value="yes" checked/);
      await visitor.answer('/deposit-claim/full-name', { 'full-name': 'Siân Morgan' });
      const check = (await visitor.get('/deposit-claim/check-answers')).text;
      expect(values(check)).toEqual([shown, 'Siân Morgan']);
      expect((await visitor.post('/deposit-claim/check-answers', {})).status).toBe(303);
    },
    120_000,
  );
});

describe('what a submission says is missing', () => {
  const result = parseDefinition(JSON.stringify(definition), 'forms/deposit-claim.json');
  const form = (result.ok ? result.form : undefined) as FormDefinition;
  const answers = { 'tenancy-reference': { notYet: 'true' }, 'full-name': 'Siân Morgan' };

  it('marks the answer and lists it in the webhook payload', () => {
    const payload = webhookPayload(form, {
      reference: 'K7QM-3XPD-9C',
      transactionId: 't1',
      formId: 'deposit-claim',
      formVersion: '1.0',
      answers,
      language: 'en',
      channel: 'online',
      submittedAt: Date.parse('2031-03-14T10:02:00.000Z'),
    });
    expect(payload.answers[0]).toEqual({
      questionId: 'tenancy-reference',
      label: 'What is your deposit protection reference?',
      type: 'text',
      value: null,
      notYet: true,
    });
    expect(payload.notYet).toEqual(['tenancy-reference']);
    const csv = submissionsCsv(form, [payload], translator(createI18n(), 'en'));
    expect(csv.split('\r\n')[1]).toMatch(/,Not provided yet,Siân Morgan$/);
  });

  it('says "Not provided yet" in the summary the staff view and the answers PDF are made from', () => {
    const t = translator(createI18n(), 'es');
    const [group] = summarise(
      form,
      { answers, done: ['tenancy-reference', 'full-name'] },
      { t, lang: 'es' },
    );
    expect(group?.rows[0]).toMatchObject({ lines: ['Todavía no facilitado'], notYet: true });
  });

  it('prints a box to tick on paper, and gives the caseworker the words to offer', () => {
    const t = translator(createI18n(), 'en');
    const paper = paperForm(form, { t, lang: 'en', dir: 'ltr', onlineUrl: 'https://x.test/d' });
    expect((paper.blocks[0] as PaperQuestion).fields.at(-1)).toEqual({
      kind: 'tick',
      instruction: 'If you do not have this yet, tick here:',
      multiple: false,
      options: [{ text: 'I do not have my reference yet' }],
    });
    const page = form.pages[0] as QuestionPage;
    expect(readAloudScript(page, t).questions[0]?.notYet).toBe('I do not have my reference yet');
  });

  it('refuses notYet on an optional question', () => {
    const both = structuredClone(definition) as { pages: Array<{ questions: object[] }> };
    Object.assign(both.pages[0]?.questions[0] ?? {}, { optional: true });
    const checked = parseDefinition(JSON.stringify(both), 'forms/deposit-claim.json');
    expect(checked.ok ? [] : checked.problems.map(formatProblem)).toEqual([
      'forms/deposit-claim.json: pages[0].questions[0].notYet: is set on an optional question, which can be left empty anyway (expected notYet or optional, not both)',
    ]);
  });
});
