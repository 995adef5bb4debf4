import { loadForms } from '../../src/definition/load';
import { createDeliveryWorker } from '../../src/delivery/worker';
import type { CivicFormsApp } from '../../src/web/app';
import { createI18n } from '../../src/web/i18n';
import { FIXTURE_FORMS, testApp } from '../support/agent';
import { DISTINCTIVE_NAME, submitPermitOnline } from '../support/caseworker';
import { pdfText, plain, plainText } from '../support/pdf-text';
import { DATABASES, openTestStore } from '../store/support/databases';
import { destinationsOf } from './support/outbox-fixture';
import { LocalNotifyApi } from './support/notify-api';
import { SmtpInbox } from './support/smtp-inbox';

const SERVICE = {
  id: '7c2b4a1e-3d5f-4e6a-9b8c-1d2e3f4a5b6c',
  secret: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
};
const TEMPLATE = {
  id: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  subject: 'New application: ((form_title)) ((reference))',
  body: 'Sent ((submitted_at)) (((channel))).\n\n((answers))',
};

describe.each(DATABASES)(
  'a submission made online, delivered by the worker by email, on %s',
  (kind) => {
    let inbox: SmtpInbox;
    let notify: LocalNotifyApi;
    let app: CivicFormsApp;
    beforeEach(async () => {
      // A relay on the same host that offers no TLS (the one case allowInsecure is for).
      inbox = new SmtpInbox({ disabledCommands: ['STARTTLS'] });
      notify = new LocalNotifyApi(SERVICE, [TEMPLATE]);
      const port = await inbox.start();
      const notifyUrl = await notify.start();
      const forms = new Map(loadForms(FIXTURE_FORMS));
      const permit = forms.get('parking-permit');
      if (!permit) throw new Error('no parking-permit fixture');
      forms.set('parking-permit', { ...permit, destinations: ['permits-inbox', 'permits-notify'] });
      app = testApp({
        forms,
        store: await openTestStore(kind),
        destinations: destinationsOf(
          {
            id: 'permits-inbox',
            type: 'email-smtp',
            host: '127.0.0.1',
            port,
            implicitTls: false,
            // A relay on the same host without TLS: the one case the operator may allow.
            allowInsecure: true,
            from: 'forms@example.gov.uk',
            to: ['permits@example.gov.uk'],
            attachmentLimitBytes: 10 * 1024 * 1024,
            timeoutMs: 10_000,
          },
          {
            id: 'permits-notify',
            type: 'notify',
            apiKey: `civic-forms-live-${SERVICE.id}-${SERVICE.secret}`,
            templateId: TEMPLATE.id,
            emailAddress: 'permits@example.gov.uk',
            baseUrl: notifyUrl,
            includePdf: false,
            timeoutMs: 10_000,
          },
        ),
      });
    });
    afterEach(async () => {
      await app.close();
      await inbox.stop();
      await notify.stop();
    });

    it('reaches a real SMTP server with the answers and the PDF, and a local server following GOV.UK Notify’s documented API (Notify itself cannot be reached from here)', async () => {
      const reference = await submitPermitOnline(app);
      // Nothing was sent from the request: the outbox holds both deliveries.
      expect(inbox.messages).toHaveLength(0);
      expect(notify.accepted).toHaveLength(0);
      const worker = createDeliveryWorker({
        store: app.store,
        forms: app.forms,
        destinations: app.destinations,
        i18n: createI18n(),
      });
      while ((await worker.runOnce()) > 0);
      const rows = await app.store.deliveries.listForSubmission(reference);
      expect(rows.map((d) => [d.destination, d.status, d.lastError])).toEqual([
        ['permits-inbox', 'delivered', undefined],
        ['permits-notify', 'delivered', undefined],
      ]);

      expect(inbox.messages).toHaveLength(1);
      const mail = inbox.messages[0];
      expect(mail?.subject).toBe(`Apply for a resident parking permit: ${reference}`);
      expect(mail?.to).toMatchObject({ text: 'permits@example.gov.uk' });
      expect(mail?.messageId).toBe(
        `<msg_${reference.replace(/-/g, '')}_permits-inbox@example.gov.uk>`,
      );
      expect(mail?.text).toContain(reference);
      expect(mail?.text).toContain(`What is your full name?\n${DISTINCTIVE_NAME}`);
      expect(mail?.text).toContain('AB12CDE');
      const [pdf] = mail?.attachments ?? [];
      expect(pdf?.filename).toBe(`parking-permit-${reference}.pdf`);
      const said = plainText(await pdfText(pdf?.content as Buffer));
      expect(said).toContain(plain(reference));
      expect(said).toContain(plain(`What is your full name? ${DISTINCTIVE_NAME}`));

      expect(notify.accepted).toHaveLength(1);
      const sent = notify.accepted[0];
      expect(sent?.body).toMatchObject({
        email_address: 'permits@example.gov.uk',
        template_id: TEMPLATE.id,
        reference,
      });
      expect(sent?.subject).toBe(
        `New application: Apply for a resident parking permit ${reference}`,
      );
      expect(sent?.text).toContain(DISTINCTIVE_NAME);
      expect(sent?.text).toContain('(Online)');
    });
  },
);
