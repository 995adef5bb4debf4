import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { loadForms } from '../../src/definition/load';
import type { FormDefinition } from '../../src/definition/types';
import { agencyEmail } from '../../src/delivery/agency-email';
import type { SmtpDestination } from '../../src/delivery/destination';
import { sendSmtp } from '../../src/delivery/smtp-sender';
import type { Submission } from '../../src/store/store';
import { createI18n } from '../../src/web/i18n';
import { amaraAnswers } from '../fixtures/amara-draft';
import { pdfText, plain, plainText } from '../support/pdf-text';
import { silentServer, SmtpInbox } from './support/smtp-inbox';

const i18n = createI18n();
const parking = loadForms(path.join(__dirname, '..', 'fixtures', 'forms')).get(
  'parking-permit',
) as FormDefinition;

/** Llŷr sent the parking permit form in Welsh; the council reads its inbox in English. */
const llyr: Submission = {
  reference: 'K7QM-3XPD-9C',
  transactionId: '0d9e6c1a-llyr',
  formId: 'parking-permit',
  formVersion: '1.0',
  answers: { ...amaraAnswers, 'full-name': 'Llŷr ap Siôn', email: 'llyr@example.com' },
  language: 'cy',
  channel: 'paper',
  caseworkerId: 'a3f1c9e2-caseworker',
  receivedOn: '2031-03-12',
  submittedAt: Date.parse('2031-03-14T10:02:00.000Z'),
};
const MESSAGE_ID = '<msg_K7QM3XPD9C_housing-inbox@forms.example.gov.uk>';

describe('sendSmtp, to a real SMTP server on 127.0.0.1', () => {
  const plainRelay = new SmtpInbox({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) =>
      auth.username === 'forms' && auth.password === 'correct horse battery'
        ? callback(null, { user: 'forms' })
        : callback(new Error('Invalid username or password')),
    onRcptTo: (address, _session, callback) =>
      address.address.endsWith('@example.gov.uk')
        ? callback()
        : callback(Object.assign(new Error('No such user here'), { responseCode: 550 })),
  });
  // smtp-server's own STARTTLS, with its built-in certificate: self-signed, and out of date.
  const selfSigned = new SmtpInbox();
  let relayPort: number;
  let selfSignedPort: number;
  beforeAll(async () => {
    relayPort = await plainRelay.start();
    selfSignedPort = await selfSigned.start();
  });
  afterAll(async () => {
    await plainRelay.stop();
    await selfSigned.stop();
  });

  const destination = (extra: Partial<SmtpDestination> = {}): SmtpDestination => ({
    id: 'housing-inbox',
    type: 'email-smtp',
    host: '127.0.0.1',
    port: relayPort,
    implicitTls: false,
    allowInsecure: true,
    from: 'forms@forms.example.gov.uk',
    to: ['parking@example.gov.uk', 'permits@example.gov.uk'],
    attachmentLimitBytes: 10 * 1024 * 1024,
    timeoutMs: 10_000,
    ...extra,
  });
  const email = (limit = 10 * 1024 * 1024) =>
    agencyEmail(parking, llyr, { i18n, agency: 'Northbrook Council', attachmentLimitBytes: limit });
  const last = (): ParsedMail => {
    const mail = plainRelay.messages.at(-1);
    if (!mail) throw new Error('nothing arrived');
    return mail;
  };

  it('delivers the answers as plain text in the form’s own language, with the answers PDF attached', async () => {
    const outcome = await sendSmtp(destination(), await email(), MESSAGE_ID);
    expect(outcome).toMatchObject({ ok: true, detail: expect.stringMatching(/^250 /) });
    const mail = last();
    expect(mail.subject).toBe('Apply for a resident parking permit: K7QM-3XPD-9C');
    expect(mail.messageId).toBe(MESSAGE_ID);
    expect(mail.from?.text).toBe('forms@forms.example.gov.uk');
    expect(mail.html).toBe(false);
    expect(mail.text).toBe(
      [
        'For Northbrook Council: someone sent “Apply for a resident parking permit”, reference K7QM-3XPD-9C. Their answers are below.',
        '',
        'Reference: K7QM-3XPD-9C',
        'Form: Apply for a resident parking permit (version 1.0)',
        'Channel: Paper form',
        'Language: Cymraeg',
        'Received: 14 March 2031 at 10:02',
        'Paper form arrived: 12 March 2031',
        'Caseworker: a3f1c9e2-caseworker',
        '',
        'Answers',
        '',
        'Do you live in a resident parking zone?',
        'Yes',
        '',
        'What is your full name?',
        'Llŷr ap Siôn',
        '',
        'Phone number',
        '01632 960001',
        '',
        'Email address',
        'llyr@example.com',
        '',
        'Do you own a vehicle?',
        'Yes',
        '',
        'Vehicle 1',
        '',
        "  What is the vehicle's registration number?",
        '  AB12CDE',
        '',
        '  What fuel does it use?',
        '  Electric',
        '',
        '  Do you need a charging bay?',
        '  Yes',
        '',
        'Vehicle 2',
        '',
        "  What is the vehicle's registration number?",
        '  LV19KTP',
        '',
        '  What fuel does it use?',
        '  Petrol',
        '',
        'When do you want the permit to start?',
        '1 April 2031',
        '',
        'The answers are also attached as a PDF.',
        '',
      ].join('\n'),
    );
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf?.filename).toBe('parking-permit-K7QM-3XPD-9C.pdf');
    expect(pdf?.contentType).toBe('application/pdf');
    const said = plainText(await pdfText(pdf?.content as Buffer));
    expect(said).toContain(plain('K7QM-3XPD-9C'));
    expect(said).toContain(plain('What is your full name? Llŷr ap Siôn'));
  });

  it('sends to every address the destination names', async () => {
    await sendSmtp(destination(), await email(), MESSAGE_ID);
    expect(last().to).toMatchObject({ text: 'parking@example.gov.uk, permits@example.gov.uk' });
  });

  it('leaves out a PDF over the size limit and says so in the text', async () => {
    await sendSmtp(destination(), await email(1024), MESSAGE_ID);
    const mail = last();
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toMatch(
      /The answers PDF \(\d+ KB\) is larger than this email may carry, so it is not attached\. Staff can download it from the submission’s page in the caseworker area\.\n$/,
    );
  });

  it('writes the email in the words of the form’s own language when that is Welsh', async () => {
    const welsh: FormDefinition = {
      ...parking,
      language: 'cy',
      languages: ['cy'],
      title: 'Gwneud cais am drwydded barcio i breswylwyr',
    };
    const message = await agencyEmail(welsh, llyr, {
      i18n,
      agency: 'Cyngor Northbrook',
      attachmentLimitBytes: 10 << 20,
    });
    await sendSmtp(destination(), message, MESSAGE_ID);
    const mail = last();
    expect(mail.subject).toBe('Gwneud cais am drwydded barcio i breswylwyr: K7QM-3XPD-9C');
    expect(mail.text).toMatch(
      /^Ar gyfer Cyngor Northbrook: mae rhywun wedi anfon “Gwneud cais am drwydded barcio i breswylwyr”, cyfeirnod K7QM-3XPD-9C\. Mae eu hatebion isod\.\n/,
    );
    expect(mail.text).toContain('Cyfeirnod: K7QM-3XPD-9C');
    expect(mail.text).toContain('Atebion\n\nDo you live in a resident parking zone?\nIe\n');
    expect(mail.text).toContain('1 Ebrill 2031');
    expect(mail.text).toContain('Mae’r atebion hefyd wedi’u hatodi fel PDF.');
  });

  it('signs in when the destination gives an account, and reports a refused password', async () => {
    const auth = { user: 'forms', pass: 'correct horse battery' };
    expect(await sendSmtp(destination({ auth }), await email(), MESSAGE_ID)).toMatchObject({
      ok: true,
    });
    const wrong = await sendSmtp(
      destination({ auth: { ...auth, pass: 'wrong' } }),
      await email(),
      MESSAGE_ID,
    );
    expect(wrong).toMatchObject({ ok: false, failure: 'rejected', status: 535 });
  });

  it('reports a recipient the server refuses, and sends nothing', async () => {
    const before = plainRelay.messages.length;
    const outcome = await sendSmtp(
      destination({ to: ['nobody@elsewhere.example'] }),
      await email(),
      MESSAGE_ID,
    );
    expect(outcome).toMatchObject({ ok: false, failure: 'rejected', status: 550 });
    expect(plainRelay.messages).toHaveLength(before);
  });

  it('refuses to send without TLS unless the destination allows a local relay', async () => {
    const before = plainRelay.messages.length;
    const outcome = await sendSmtp(
      destination({ allowInsecure: false }),
      await email(),
      MESSAGE_ID,
    );
    expect(outcome).toMatchObject({ ok: false, failure: 'tls' });
    expect(plainRelay.messages).toHaveLength(before);
  });

  it('checks the server’s certificate: smtp-server’s built-in one (self-signed, expired) is refused', async () => {
    const outcome = await sendSmtp(
      destination({ port: selfSignedPort, allowInsecure: false }),
      await email(),
      MESSAGE_ID,
    );
    expect(outcome).toEqual({ ok: false, failure: 'tls', detail: 'ESOCKET CERT_HAS_EXPIRED' });
    expect(selfSigned.messages).toEqual([]);
  });

  it('gives up on a server that never answers, at the time limit', async () => {
    const silent = await silentServer();
    try {
      const outcome = await sendSmtp(
        destination({ port: silent.port, timeoutMs: 300 }),
        await email(),
        MESSAGE_ID,
      );
      expect(outcome).toMatchObject({ ok: false, failure: 'timeout' });
    } finally {
      await silent.stop();
    }
  });
});
