import path from 'node:path';
import { loadForms } from '../../src/definition/load';
import type { FormDefinition } from '../../src/definition/types';
import type { NotifyDestination } from '../../src/delivery/destination';
import { notifyEmail } from '../../src/delivery/notify-email';
import { sendNotify } from '../../src/delivery/notify-sender';
import type { Submission } from '../../src/store/store';
import { createI18n } from '../../src/web/i18n';
import { amaraAnswers } from '../fixtures/amara-draft';
import { pdfText, plain, plainText } from '../support/pdf-text';
import { LocalNotifyApi } from './support/notify-api';

const i18n = createI18n();
const parking = loadForms(path.join(__dirname, '..', 'fixtures', 'forms')).get(
  'parking-permit',
) as FormDefinition;
const SERVICE = {
  id: '7c2b4a1e-3d5f-4e6a-9b8c-1d2e3f4a5b6c',
  secret: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
};
const API_KEY = `civic-forms-live-${SERVICE.id}-${SERVICE.secret}`;
const TEMPLATE = {
  id: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  subject: 'New application for ((agency)): ((form_title)) ((reference))',
  body: 'Sent ((submitted_at)) (((channel))).\n\n((answers))',
};
const WITH_FILE = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  subject: '((form_title)) ((reference))',
  body: '((answers))\n\nDownload the answers: ((link_to_file))',
};

const amara: Submission = {
  reference: 'K7QM-3XPD-9C',
  transactionId: '0d9e6c1a-amara',
  formId: 'parking-permit',
  formVersion: '1.0',
  answers: amaraAnswers,
  language: 'ar',
  channel: 'phone',
  caseworkerId: 'a3f1c9e2-caseworker',
  submittedAt: Date.parse('2031-03-14T10:02:00.000Z'),
};

describe('sendNotify, with Notify’s official client, against a local server that follows Notify’s documented API', () => {
  const notify = new LocalNotifyApi(SERVICE, [TEMPLATE, WITH_FILE]);
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = await notify.start();
  });
  afterAll(() => notify.stop());
  afterEach(() => {
    notify.answer = 'normally';
  });

  const destination = (extra: Partial<NotifyDestination> = {}): NotifyDestination => ({
    id: 'parking-notify',
    type: 'notify',
    apiKey: API_KEY,
    templateId: TEMPLATE.id,
    emailAddress: 'parking@example.gov.uk',
    baseUrl,
    includePdf: false,
    timeoutMs: 10_000,
    ...extra,
  });

  it('sends the answers to the agency’s template, authenticated with the key, with the reference', async () => {
    const email = await notifyEmail(parking, amara, {
      i18n,
      agency: 'Northbrook Council',
      includePdf: false,
    });
    const outcome = await sendNotify(destination(), email);
    const sent = notify.accepted.at(-1);
    expect(outcome).toEqual({ ok: true, detail: `notification ${sent?.id}` });
    expect(sent?.body).toMatchObject({
      email_address: 'parking@example.gov.uk',
      template_id: TEMPLATE.id,
      reference: 'K7QM-3XPD-9C',
    });
    expect(sent?.subject).toBe(
      'New application for Northbrook Council: Apply for a resident parking permit K7QM-3XPD-9C',
    );
    expect(sent?.text).toContain(
      'Sent 2031-03-14T10:02:00.000Z (By phone, with a caseworker).\n\nFor Northbrook Council: someone sent “Apply for a resident parking permit”, reference K7QM-3XPD-9C. Their answers are below.\n',
    );
    expect(sent?.text).toContain('Reference: K7QM-3XPD-9C\n');
    expect(sent?.text).toContain('Language: العربية\n');
    expect(sent?.text).toContain('What is your full name?\nAmara Okafor\n');
    expect(sent?.text).toContain('Vehicle 2\n');
  });

  it('sends the answers PDF as Notify’s link_to_file when the destination asks for it', async () => {
    const email = await notifyEmail(parking, amara, {
      i18n,
      agency: 'Northbrook Council',
      includePdf: true,
    });
    const outcome = await sendNotify(
      destination({ templateId: WITH_FILE.id, includePdf: true }),
      email,
    );
    expect(outcome.ok).toBe(true);
    const file = notify.accepted.at(-1)?.body.personalisation?.link_to_file as Record<
      string,
      unknown
    >;
    expect(file).toMatchObject({
      filename: 'parking-permit-K7QM-3XPD-9C.pdf',
      confirm_email_before_download: true,
    });
    const said = plainText(await pdfText(Buffer.from(file.file as string, 'base64')));
    expect(said).toContain(plain('K7QM-3XPD-9C'));
    expect(said).toContain(plain('What is your full name? Amara Okafor'));
  });

  it('reports what Notify refuses: a template without the placeholders sent, a wrong key', async () => {
    const email = await notifyEmail(parking, amara, {
      i18n,
      agency: 'Northbrook Council',
      includePdf: false,
    });
    expect(await sendNotify(destination({ templateId: WITH_FILE.id }), email)).toEqual({
      ok: false,
      failure: 'rejected',
      status: 400,
      detail: 'HTTP 400 BadRequestError: Missing personalisation: link_to_file',
    });
    const wrongKey = `civic-forms-live-${SERVICE.id}-11111111-2222-4333-8444-555555555555`;
    expect(await sendNotify(destination({ apiKey: wrongKey }), email)).toEqual({
      ok: false,
      failure: 'rejected',
      status: 403,
      detail: 'HTTP 403 AuthError: Invalid token: API key not found',
    });
  });

  it('fails, to try again later, when Notify limits the rate or breaks', async () => {
    const email = await notifyEmail(parking, amara, {
      i18n,
      agency: 'Northbrook Council',
      includePdf: false,
    });
    notify.answer = 429;
    expect(await sendNotify(destination(), email)).toMatchObject({
      ok: false,
      failure: 'status',
      status: 429,
    });
    notify.answer = 500;
    expect(await sendNotify(destination(), email)).toEqual({
      ok: false,
      failure: 'status',
      status: 500,
      detail: 'HTTP 500 Exception: Internal server error',
    });
  });

  it('gives up on a Notify that never answers, at the time limit', async () => {
    const email = await notifyEmail(parking, amara, {
      i18n,
      agency: 'Northbrook Council',
      includePdf: false,
    });
    notify.answer = 'never';
    expect(await sendNotify(destination({ timeoutMs: 300 }), email)).toMatchObject({
      ok: false,
      failure: 'timeout',
    });
  });
});
