import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadForms } from '../../src/definition/load';
import type { FormDefinition } from '../../src/definition/types';
import { webhookPayload, withAnswersPdf } from '../../src/delivery/webhook-payload';
import type { Submission } from '../../src/store/store';
import schema from '../../schema/webhook-payload.schema.json';
import { EXAMPLE_FORMS } from '../support/agent';
import { amaraAnswers } from '../fixtures/amara-draft';
import { sampleSubmission } from './support/sample-submission';

const fixtures = loadForms(path.join(__dirname, '..', 'fixtures', 'forms'));
const examples = loadForms(EXAMPLE_FORMS);
const parking = fixtures.get('parking-permit') as FormDefinition;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const problems = (payload: unknown) =>
  validate(payload) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const amara: Submission = {
  reference: 'K7QM-3XPD-9C',
  transactionId: '0d9e6c1a-amara',
  formId: 'parking-permit',
  formVersion: '1.0',
  answers: amaraAnswers,
  language: 'cy',
  channel: 'online',
  submittedAt: Date.parse('2031-03-14T10:02:00.000Z'),
};

describe('webhookPayload', () => {
  it('sends every answer in the order asked, labelled in the form’s own language, values as stored', () => {
    expect(webhookPayload(parking, amara)).toEqual({
      version: 1,
      form: { id: 'parking-permit', version: '1.0', title: 'Apply for a resident parking permit' },
      reference: 'K7QM-3XPD-9C',
      channel: 'online',
      language: 'cy',
      submittedAt: '2031-03-14T10:02:00.000Z',
      answers: [
        {
          questionId: 'live-in-zone',
          label: 'Do you live in a resident parking zone?',
          type: 'yes-no',
          value: 'yes',
        },
        {
          questionId: 'full-name',
          label: 'What is your full name?',
          type: 'name',
          value: 'Amara Okafor',
        },
        { questionId: 'phone', label: 'Phone number', type: 'phone', value: '01632 960001' },
        {
          questionId: 'email',
          label: 'Email address',
          type: 'email',
          value: 'amara.okafor@example.com',
        },
        {
          questionId: 'has-vehicles',
          label: 'Do you own a vehicle?',
          type: 'yes-no',
          value: 'yes',
        },
        {
          sectionId: 'vehicles',
          label: 'Your vehicles',
          items: [
            {
              answers: [
                {
                  questionId: 'registration',
                  label: "What is the vehicle's registration number?",
                  type: 'text',
                  value: 'AB12CDE',
                },
                {
                  questionId: 'fuel',
                  label: 'What fuel does it use?',
                  type: 'radios',
                  value: 'electric',
                },
                {
                  questionId: 'charging',
                  label: 'Do you need a charging bay?',
                  type: 'yes-no',
                  value: 'yes',
                },
              ],
            },
            {
              answers: [
                {
                  questionId: 'registration',
                  label: "What is the vehicle's registration number?",
                  type: 'text',
                  value: 'LV19KTP',
                },
                {
                  questionId: 'fuel',
                  label: 'What fuel does it use?',
                  type: 'radios',
                  value: 'petrol',
                },
              ],
            },
          ],
        },
        {
          questionId: 'start-date',
          label: 'When do you want the permit to start?',
          type: 'date',
          value: '2031-04-01',
        },
      ],
    });
  });

  it('gives an optional question left empty as null, and names the caseworker and the day paper arrived', () => {
    const { email: _left, ...withoutEmail } = amaraAnswers;
    const paper = webhookPayload(parking, {
      ...amara,
      answers: withoutEmail,
      channel: 'paper',
      caseworkerId: 'a3f1c9e2-caseworker',
      receivedOn: '2031-03-12',
    });
    expect(paper.answers.find((a) => 'questionId' in a && a.questionId === 'email')).toEqual({
      questionId: 'email',
      label: 'Email address',
      type: 'email',
      value: null,
    });
    expect(paper).toMatchObject({ caseworkerId: 'a3f1c9e2-caseworker', receivedOn: '2031-03-12' });
    expect(problems(paper)).toEqual([]);
  });

  it('names the agency whose form it is, when it is given', () => {
    const payload = webhookPayload(parking, amara, 'northbrook-council');
    expect(payload.agency).toBe('northbrook-council');
    expect(problems(payload)).toEqual([]);
    expect('agency' in webhookPayload(parking, amara)).toBe(false);
    expect(problems({ ...payload, agency: 'Northbrook Council' })).toContain(
      '/agency must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"',
    );
  });

  it('still sends answers to questions the form no longer asks, labelled by their ids', () => {
    const payload = webhookPayload(parking, {
      ...amara,
      formVersion: '0.9',
      answers: {
        ...amaraAnswers,
        'blue-badge': 'yes',
        vehicles: [
          { id: 'v1', answers: { registration: 'AB12CDE', fuel: 'petrol', colour: 'red' } },
        ],
      },
    });
    expect(payload.form.version).toBe('0.9');
    expect(payload.answers).toContainEqual({
      questionId: 'blue-badge',
      label: 'blue-badge',
      value: 'yes',
    });
    const vehicles = payload.answers.find((a) => 'sectionId' in a && a.sectionId === 'vehicles');
    expect(vehicles && 'items' in vehicles && vehicles.items[0]?.answers).toContainEqual({
      questionId: 'colour',
      label: 'colour',
      value: 'red',
    });
    expect(problems(payload)).toEqual([]);
  });

  it('carries the answers PDF when the destination asks for it', () => {
    const pdf = Buffer.from('%PDF-1.7\n% a PDF\n');
    const payload = withAnswersPdf(webhookPayload(parking, amara), pdf);
    expect(payload.answersPdf).toEqual({
      filename: 'parking-permit-K7QM-3XPD-9C.pdf',
      contentType: 'application/pdf',
      base64: pdf.toString('base64'),
    });
    expect(problems(payload)).toEqual([]);
  });
});

describe('schema/webhook-payload.schema.json', () => {
  const channels = ['online', 'phone', 'phone-assisted', 'paper'] as const;
  const cases = [...examples.values()].flatMap((form) =>
    channels.map((channel) => [form.id, channel, form] as const),
  );

  it.each(cases)('describes the payload of %s sent %s', (_id, channel, form) => {
    const payload = webhookPayload(form, sampleSubmission(form, channel, 'ar'));
    expect(payload.answers.length).toBeGreaterThan(5);
    expect(problems(payload)).toEqual([]);
  });

  it('describes the files given for a file question, and refuses a file without its SHA-256', () => {
    const form = examples.get('report-housing-repair') as FormDefinition;
    const submission = sampleSubmission(form);
    const photo = {
      id: `${submission.transactionId}_0b6f2d3e-5a41-4c8e-9d7b-2e1f3a4b5c6d`,
      name: 'IMG_2041.jpg',
      size: 412_733,
      kind: 'jpeg' as const,
      sha256: '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b',
    };
    const payload = webhookPayload(form, {
      ...submission,
      answers: { ...submission.answers, 'damage-photos': [photo] },
    });
    const isPhotos = (a: (typeof payload.answers)[number]) =>
      'questionId' in a && a.questionId === 'damage-photos';
    expect(payload.answers.find(isPhotos)).toEqual({
      questionId: 'damage-photos',
      label: 'Add photos of the problem',
      type: 'file',
      value: [photo],
    });
    expect(problems(payload)).toEqual([]);
    const { sha256: _s, ...unhashed } = photo;
    const broken = webhookPayload(form, {
      ...submission,
      answers: { ...submission.answers, 'damage-photos': [unhashed] as never },
    });
    expect(problems(broken)).toContain(
      `/answers/${payload.answers.findIndex(isPhotos)}/value/0 must have required property 'sha256'`,
    );
  });

  it('covers a repeating section of an example form as a list of items', () => {
    const form = examples.get('council-tax-reduction') as FormDefinition;
    const payload = webhookPayload(form, sampleSubmission(form));
    const sections = payload.answers.filter((a) => 'sectionId' in a);
    expect(sections).toHaveLength(1);
    expect(sections[0] && 'items' in sections[0] && sections[0].items).toHaveLength(2);
    expect(problems(payload)).toEqual([]);
  });

  it('describes an address chosen abroad and each kind of "I have no fixed address"', () => {
    const form = examples.get('register-change-of-address') as FormDefinition;
    const base = webhookPayload(form, sampleSubmission(form));
    const at = base.answers.findIndex((a) => 'questionId' in a && a.questionId === 'new-address');
    expect(at).toBeGreaterThanOrEqual(0);
    const withValue = (value: Record<string, string>) => ({
      ...base,
      answers: base.answers.map((a, i) => (i === at ? { ...a, value } : a)),
    });
    const values: Array<Record<string, string>> = [
      { kind: 'international', line1: '4 Rue de la Paix', town: 'Paris', country: 'FR' },
      { kind: 'no-fixed-address', contact: 'collect' },
      { kind: 'no-fixed-address', contact: 'phone', phone: '07700 900 982' },
      {
        kind: 'no-fixed-address',
        contact: 'care-of',
        careOf: 'St Mungo’s',
        line1: '3 Thessaly Road',
        town: 'London',
        postcode: 'SW8 4XS',
      },
    ];
    for (const value of values) expect(problems(withValue(value))).toEqual([]);
    expect(problems(withValue({ kind: 'no-fixed-address', contact: 'pigeon' }))).toContain(
      `/answers/${at}/value/contact must be equal to one of the allowed values`,
    );
  });

  it('refuses payloads that break it, so the tests above can fail', () => {
    const good = webhookPayload(parking, amara);
    const { reference: _r, ...noReference } = good;
    expect(problems(noReference)).toContain(" must have required property 'reference'");
    expect(problems({ ...good, channel: 'fax' })).toContain(
      '/channel must be equal to one of the allowed values',
    );
    expect(problems({ ...good, submittedAt: '14/03/2031' })).toContain(
      '/submittedAt must match format "date-time"',
    );
    const badDate = {
      ...good,
      answers: [{ questionId: 'start-date', label: 'Start', type: 'date', value: '1 April' }],
    };
    expect(problems(badDate)).toContain('/answers/0/value must match format "date"');
    expect(problems({ ...good, caseworkerId: 'a3f1c9e2' })).toContain(
      '/caseworkerId boolean schema is false',
    );
    expect(problems({ ...good, channel: 'paper' })).toContain(
      " must have required property 'receivedOn'",
    );
  });
});
