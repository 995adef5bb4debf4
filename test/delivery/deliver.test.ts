import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { loadForms } from '../../src/definition/load';
import type { FormDefinition } from '../../src/definition/types';
import { deliver, type SendingDestination } from '../../src/delivery/deliver';
import type { WebhookPayload } from '../../src/delivery/webhook-payload';
import type { Submission } from '../../src/store/store';
import { createI18n } from '../../src/web/i18n';
import { amaraAnswers } from '../fixtures/amara-draft';
import { pdfText, plain, plainText } from '../support/pdf-text';
import { LocalNotifyApi } from './support/notify-api';
import { SmtpInbox } from './support/smtp-inbox';
import { WebhookReceiver } from './support/webhook-receiver';

const i18n = createI18n();
const form = loadForms(path.join(__dirname, '..', 'fixtures', 'forms')).get(
  'parking-permit',
) as FormDefinition;
const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;
const SERVICE = {
  id: '7c2b4a1e-3d5f-4e6a-9b8c-1d2e3f4a5b6c',
  secret: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
};
const TEMPLATE = {
  id: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  subject: '((reference))',
  body: '((answers))',
};

const submission = (reference: string, name: string): Submission => ({
  reference,
  transactionId: `tx-${reference}`,
  formId: 'parking-permit',
  formVersion: '1.0',
  answers: { ...amaraAnswers, 'full-name': name },
  language: 'en',
  channel: 'online',
  submittedAt: Date.parse('2031-03-14T10:02:00.000Z'),
});
const amara = submission('K7QM-3XPD-9C', 'Amara Okafor');
const chidi = submission('M3RT-9CHW-4A', 'Chidi Okafor');

describe('deliver, one try to any kind of destination', () => {
  const receiver = new WebhookReceiver();
  const inbox = new SmtpInbox({ disabledCommands: ['STARTTLS'] });
  const notify = new LocalNotifyApi(SERVICE, [TEMPLATE]);
  let hook: string;
  let smtpPort: number;
  let notifyUrl: string;
  beforeAll(async () => {
    hook = `${await receiver.start()}/hook`;
    smtpPort = await inbox.start();
    notifyUrl = await notify.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await inbox.stop();
    await notify.stop();
  });

  const webhook = (includePdf: boolean): SendingDestination => ({
    id: 'parking-webhook',
    type: 'webhook',
    url: hook,
    secret: SECRET,
    includePdf,
    timeoutMs: 10_000,
  });

  it('posts the signed payload with the answers PDF in it when the webhook asks for it', async () => {
    expect(
      await deliver({ destination: webhook(true), submission: amara, form }, { i18n }),
    ).toEqual({
      ok: true,
      detail: 'HTTP 200',
    });
    const got = receiver.received.at(-1);
    if (!got) throw new Error('nothing arrived');
    expect(got.headers['webhook-id']).toBe('msg_K7QM3XPD9C_parking-webhook');
    const payload = new Webhook(SECRET).verify(
      got.body,
      got.headers as Record<string, string>,
    ) as WebhookPayload;
    expect(payload.reference).toBe('K7QM-3XPD-9C');
    expect(payload.answersPdf?.filename).toBe('parking-permit-K7QM-3XPD-9C.pdf');
    const pdf = Buffer.from(payload.answersPdf?.base64 ?? '', 'base64');
    expect(plainText(await pdfText(pdf))).toContain(plain('What is your full name? Amara Okafor'));
  });

  it('keeps each submission’s answers to itself when two go at once', async () => {
    await Promise.all(
      [amara, chidi].map((s) =>
        deliver({ destination: webhook(false), submission: s, form }, { i18n }),
      ),
    );
    const lastTwo = receiver.received.slice(-2).map((r) => {
      const payload = JSON.parse(r.body) as WebhookPayload;
      const name = payload.answers.find((a) => 'questionId' in a && a.questionId === 'full-name');
      return [
        r.headers['webhook-id'],
        payload.reference,
        name && 'value' in name ? name.value : '',
      ];
    });
    expect(lastTwo.sort()).toEqual([
      ['msg_K7QM3XPD9C_parking-webhook', 'K7QM-3XPD-9C', 'Amara Okafor'],
      ['msg_M3RT9CHW4A_parking-webhook', 'M3RT-9CHW-4A', 'Chidi Okafor'],
    ]);
  });

  it('emails through SMTP with a Message-ID that is the same on every try', async () => {
    const destination: SendingDestination = {
      id: 'parking-inbox',
      type: 'email-smtp',
      host: '127.0.0.1',
      port: smtpPort,
      implicitTls: false,
      allowInsecure: true,
      from: 'forms@forms.example.gov.uk',
      to: ['parking@example.gov.uk'],
      attachmentLimitBytes: 10 << 20,
      timeoutMs: 10_000,
    };
    for (let i = 0; i < 2; i++) {
      expect(await deliver({ destination, submission: amara, form }, { i18n })).toMatchObject({
        ok: true,
      });
    }
    expect(inbox.messages.map((m) => m.messageId)).toEqual([
      '<msg_K7QM3XPD9C_parking-inbox@forms.example.gov.uk>',
      '<msg_K7QM3XPD9C_parking-inbox@forms.example.gov.uk>',
    ]);
    expect(inbox.messages[0]?.text).toContain('What is your full name?\nAmara Okafor\n');
  });

  it('emails through Notify (a local server that follows Notify’s documented API)', async () => {
    const destination: SendingDestination = {
      id: 'parking-notify',
      type: 'notify',
      apiKey: `parking-${SERVICE.id}-${SERVICE.secret}`,
      templateId: TEMPLATE.id,
      emailAddress: 'parking@example.gov.uk',
      baseUrl: notifyUrl,
      includePdf: false,
      timeoutMs: 10_000,
    };
    expect(await deliver({ destination, submission: chidi, form }, { i18n })).toMatchObject({
      ok: true,
    });
    expect(notify.accepted.at(-1)?.subject).toBe('M3RT-9CHW-4A');
    expect(notify.accepted.at(-1)?.text).toContain('What is your full name?\nChidi Okafor\n');
  });
});
