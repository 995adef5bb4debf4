import pino from 'pino';
import { loadForms } from '../../src/definition/load';
import type { CivicFormsApp } from '../../src/web/app';
import { createAppDeliveryWorker } from '../../src/web/app-delivery-worker';
import { EXAMPLE_FORMS, testApp } from '../support/agent';
import { DATABASES, openTestStore } from '../store/support/databases';
import { destinationsOf, submitJourney } from './support/outbox-fixture';
import { SmtpInbox } from './support/smtp-inbox';

describe.each(DATABASES)(
  "the email an agency's inbox receives, sent by the service's own worker, on %s",
  (kind) => {
    let inbox: SmtpInbox;
    let app: CivicFormsApp;
    beforeEach(async () => {
      inbox = new SmtpInbox({ disabledCommands: ['STARTTLS'] });
      const port = await inbox.start();
      const forms = new Map(loadForms(EXAMPLE_FORMS));
      for (const [id, inboxId] of [
        ['report-housing-repair', 'repairs-inbox'],
        ['council-tax-reduction', 'council-tax-inbox'],
      ] as const) {
        const form = forms.get(id);
        if (!form) throw new Error(`no example form ${id}`);
        forms.set(id, { ...form, destinations: [inboxId] });
      }
      const smtp = (id: string, to: string) => ({
        id,
        type: 'email-smtp' as const,
        host: '127.0.0.1',
        port,
        implicitTls: false,
        // A relay on the same host without TLS: the one case the operator may allow.
        allowInsecure: true,
        from: 'forms@northbrook.example',
        to: [to],
        attachmentLimitBytes: 10 * 1024 * 1024,
        timeoutMs: 10_000,
      });
      app = testApp({
        forms,
        formsDir: EXAMPLE_FORMS,
        store: await openTestStore(kind),
        destinations: destinationsOf(
          smtp('repairs-inbox', 'repairs@housing.northbrook.example'),
          smtp('council-tax-inbox', 'counciltax@northbrook.example'),
        ),
      });
    });
    afterEach(async () => {
      await app.close();
      await inbox.stop();
    });

    it('names the agency whose form it is, the form and the reference, on its first line', async () => {
      const repair = app.forms.get('report-housing-repair');
      const tax = app.forms.get('council-tax-reduction');
      if (!repair || !tax) throw new Error('the example forms did not load');
      const repairRef = await submitJourney(app.store, repair, app.destinations, 'tx-repair');
      const taxRef = await submitJourney(app.store, tax, app.destinations, 'tx-tax');
      const worker = createAppDeliveryWorker(app, pino({ level: 'silent' }));
      while ((await worker.runOnce()) > 0);

      const firstLine = (to: string) =>
        inbox.messages
          .find((m) => m.to && 'text' in m.to && m.to.text === to)
          ?.text?.split('\n')[0];
      expect(firstLine('repairs@housing.northbrook.example')).toBe(
        `For Northbrook Housing Service: someone sent “Report a repair in your council home”, reference ${repairRef}. Their answers are below.`,
      );
      expect(firstLine('counciltax@northbrook.example')).toBe(
        `For Northbrook Council: someone sent “Apply for council tax reduction”, reference ${taxRef}. Their answers are below.`,
      );
    }, 120_000);
  },
);
