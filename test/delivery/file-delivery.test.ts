/**
 * A submission's uploaded files reach every kind of destination: a real HTTP receiver (signed
 * links it downloads, or the files inline), a real SMTP server (attached up to the limit, the rest
 * linked), the pull API (its own file route, with the key) and staff (the submission's page), each
 * download audited and each file's SHA-256 checked against what the person uploaded.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { apiKeyHint, hashApiKey, newApiKey } from '../../src/delivery/api-key';
import { deliveryFilesOf } from '../../src/delivery/delivery-files';
import { createFileLinks } from '../../src/delivery/file-links';
import type { WebhookPayload } from '../../src/delivery/webhook-payload';
import { createDeliveryWorker } from '../../src/delivery/worker';
import { loadForms } from '../../src/definition/load';
import type { CivicFormsApp } from '../../src/web/app';
import { createI18n } from '../../src/web/i18n';
import { tempDataDir, testApp, Visitor } from '../support/agent';
import { signedInCaseworker } from '../support/caseworker';
import { panelCode } from '../support/panel-code';
import { DATABASES, openTestStore } from '../store/support/databases';
import { destinationsOf, SECRET } from './support/outbox-fixture';
import { SmtpInbox } from './support/smtp-inbox';
import { WebhookReceiver } from './support/webhook-receiver';

const FORMS = path.join(__dirname, '..', 'fixtures', 'upload-forms');
const UPLOADS = path.join(__dirname, '..', 'fixtures', 'uploads');
const PNG = fs.readFileSync(path.join(UPLOADS, 'damp-wall.png'));
const PDF = fs.readFileSync(path.join(UPLOADS, 'payslip.pdf'));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const isPayload = ajv.compile(
  JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '..', '..', 'schema', 'webhook-payload.schema.json'),
      'utf8',
    ),
  ) as object,
);

/** Reads a response body as bytes, whatever its type. */
function bytesOf(call: request.Test): request.Test {
  return call.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** The path and query of a link under the service's address. */
function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** Sends the evidence form online with the two files, as a browser would; returns the reference. */
async function sendEvidence(app: CivicFormsApp): Promise<string> {
  const visitor = new Visitor(app);
  await visitor.get('/council-tax-evidence/payslips');
  const uploaded = await visitor.agent
    .post('/council-tax-evidence/payslips')
    .field('_csrf', visitor.csrf)
    .field('action', 'upload')
    .attach('payslips', PNG, 'damp-wall.png')
    .attach('payslips', PDF, 'payslip.pdf');
  expect(uploaded.status).toBe(303);
  await visitor.get('/council-tax-evidence/payslips');
  const onward = await visitor.agent
    .post('/council-tax-evidence/payslips')
    .field('_csrf', visitor.csrf)
    .attach('payslips', Buffer.alloc(0), '');
  expect(onward.headers.location).toBe('/council-tax-evidence/full-name');
  await visitor.answer('/council-tax-evidence/full-name', { 'full-name': 'Amara Okafor' });
  await visitor.get('/council-tax-evidence/check-answers');
  const sent = await visitor.post('/council-tax-evidence/check-answers', {});
  expect(sent.status).toBe(303);
  await visitor.get('/council-tax-evidence/confirmation');
  return panelCode(visitor.html) ?? '';
}

describe.each(DATABASES)('files delivered, on %s', (kind) => {
  let app: CivicFormsApp;
  let receiver: WebhookReceiver;
  let inbox: SmtpInbox;

  beforeEach(async () => {
    receiver = new WebhookReceiver();
    inbox = new SmtpInbox({ disabledCommands: ['STARTTLS'] });
    const [receiverUrl, smtpPort] = await Promise.all([receiver.start(), inbox.start()]);
    const forms = new Map(loadForms(FORMS));
    const evidence = forms.get('council-tax-evidence');
    if (!evidence) throw new Error('no council-tax-evidence fixture');
    forms.set(evidence.id, {
      ...evidence,
      destinations: ['tax-links', 'tax-inline', 'tax-inbox', 'tax-pull'],
    });
    app = testApp({
      forms,
      store: await openTestStore(kind),
      dataDir: tempDataDir(),
      logLevel: 'silent',
      baseUrl: 'https://forms.example.gov.uk',
      destinations: destinationsOf(
        {
          id: 'tax-links',
          type: 'webhook',
          url: `${receiverUrl}/links`,
          secret: SECRET,
          includePdf: false,
          timeoutMs: 10_000,
        },
        {
          id: 'tax-inline',
          type: 'webhook',
          url: `${receiverUrl}/inline`,
          secret: SECRET,
          includePdf: false,
          files: 'inline',
          timeoutMs: 10_000,
        },
        {
          id: 'tax-inbox',
          type: 'email-smtp',
          host: '127.0.0.1',
          port: smtpPort,
          implicitTls: false,
          allowInsecure: true,
          from: 'forms@example.gov.uk',
          to: ['counciltax@example.gov.uk'],
          attachmentLimitBytes: 10 * 1024 * 1024,
          // Room for the photo, not for the payslip after it: that one goes as a link.
          fileAttachmentLimitBytes: PNG.length + 10,
          timeoutMs: 10_000,
        },
        { id: 'tax-pull', type: 'pull-api' },
      ),
    });
  }, 60_000);

  afterEach(async () => {
    await app.close();
    await receiver.stop();
    await inbox.stop();
  });

  const deliverAll = () =>
    createDeliveryWorker({
      store: app.store,
      forms: app.forms,
      destinations: app.destinations,
      i18n: createI18n(),
      files: deliveryFilesOf(app.config, app.uploads?.blobs),
    }).runOnce();

  it('sends each file as a signed link that downloads the same bytes once, audited, and refuses a changed or expired link', async () => {
    const reference = await sendEvidence(app);
    expect(await deliverAll()).toBe(3);

    const arrived = receiver.received.find((r) => r.path === '/links');
    const payload = JSON.parse(arrived?.body ?? '{}') as WebhookPayload;
    expect(isPayload(payload) ? [] : isPayload.errors).toEqual([]);
    expect(payload.files?.map((f) => [f.name, f.contentType, f.size, f.sha256])).toEqual([
      ['damp-wall.png', 'image/png', PNG.length, sha256(PNG)],
      ['payslip.pdf', 'application/pdf', PDF.length, sha256(PDF)],
    ]);
    const expiresIn = Date.parse(payload.files?.[0]?.urlExpiresAt ?? '') - Date.now();
    expect(expiresIn).toBeGreaterThan(55 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(60 * 60_000);

    for (const [file, bytes] of [
      [payload.files?.[0], PNG],
      [payload.files?.[1], PDF],
    ] as const) {
      expect(file?.url).toMatch(
        new RegExp(
          `^https://forms\\.example\\.gov\\.uk/files/${reference}/[^?]+\\?destination=tax-links&expires=\\d+&signature=`,
        ),
      );
      const download = await bytesOf(request(app).get(pathOf(file?.url ?? '')));
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe(file?.contentType);
      // RFC 6266: a name of plain characters needs no quotes.
      expect(download.headers['content-disposition']).toBe(`attachment; filename=${file?.name}`);
      expect(sha256(download.body as Buffer)).toBe(file?.sha256);
      expect((download.body as Buffer).equals(bytes)).toBe(true);
    }

    const link = payload.files?.[0]?.url ?? '';
    const changed = await request(app).get(pathOf(link.replace(/signature=./, 'signature=A')));
    expect([changed.status, changed.body.error?.code]).toEqual([403, 'FILE_LINK_INVALID']);
    const otherDestination = await request(app).get(
      pathOf(link.replace('destination=tax-links', 'destination=tax-inline')),
    );
    expect(otherDestination.status).toBe(403);
    const expired = createFileLinks({
      baseUrl: app.config.baseUrl,
      secret: app.config.sessionSecret,
    }).sign(
      { reference, fileId: payload.files?.[0]?.id ?? '', destination: 'tax-links' },
      60 * 60_000,
      Date.now() - 2 * 60 * 60_000,
    );
    const late = await request(app).get(pathOf(expired.url));
    expect([late.status, late.body.error?.code]).toEqual([410, 'FILE_LINK_EXPIRED']);

    const audit = await app.store.staff.listAudit({ target: reference });
    expect(
      audit
        .filter((e) => e.action === 'download-file')
        .map((e) => [e.actorUsername, e.detail])
        .sort(),
    ).toEqual(
      [
        ['destination:tax-links', payload.files?.[0]?.id],
        ['destination:tax-links', payload.files?.[1]?.id],
      ].sort(),
    );
  }, 120_000);

  it('sends the files inline to a webhook that asks for them', async () => {
    await sendEvidence(app);
    await deliverAll();

    const arrived = receiver.received.find((r) => r.path === '/inline');
    const payload = JSON.parse(arrived?.body ?? '{}') as WebhookPayload;
    expect(isPayload(payload) ? [] : isPayload.errors).toEqual([]);
    expect(
      payload.files?.map((f) => [f.name, f.url, sha256(Buffer.from(f.base64 ?? '', 'base64'))]),
    ).toEqual([
      ['damp-wall.png', undefined, sha256(PNG)],
      ['payslip.pdf', undefined, sha256(PDF)],
    ]);
  }, 120_000);

  it('attaches files to the email up to the limit and links the rest', async () => {
    await sendEvidence(app);
    await deliverAll();

    expect(inbox.messages).toHaveLength(1);
    const mail = inbox.messages[0];
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [expect.stringMatching(/^council-tax-evidence-.+\.pdf$/), 'application/pdf'],
      ['damp-wall.png', 'image/png'],
    ]);
    expect(sha256(mail?.attachments[1]?.content ?? Buffer.alloc(0))).toBe(sha256(PNG));
    const text = mail?.text ?? '';
    expect(text).toContain('Files\ndamp-wall.png (1 kB, PNG): attached\n');
    const linked = /payslip\.pdf \([^)]+\): download it before .+ at (https:\/\/\S+)/.exec(text);
    expect(linked).not.toBeNull();
    const download = await bytesOf(request(app).get(pathOf(linked?.[1] ?? '')));
    expect(download.status).toBe(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(PDF));
  }, 120_000);

  it('serves the files to the pull API’s key, audited, and to no one without it', async () => {
    const reference = await sendEvidence(app);
    const key = newApiKey();
    await app.store.apiKeys.addKey({
      id: 'id-tax-crm',
      name: 'tax-crm',
      hash: hashApiKey(key),
      hint: apiKeyHint(key),
      forms: ['council-tax-evidence'],
      agency: 'default',
      createdAt: Date.now(),
    });
    const got = await request(app)
      .get(`/api/v1/submissions/${reference}`)
      .set('authorization', `Bearer ${key}`);
    const payload = got.body as WebhookPayload;
    expect(isPayload(payload) ? [] : isPayload.errors).toEqual([]);
    const file = payload.files?.[1];
    expect(file?.url).toBe(
      `https://forms.example.gov.uk/api/v1/submissions/${reference}/files/${file?.id}`,
    );

    const download = await bytesOf(
      request(app)
        .get(pathOf(file?.url ?? ''))
        .set('authorization', `Bearer ${key}`),
    );
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(sha256(download.body as Buffer)).toBe(file?.sha256);
    const refused = await request(app).get(pathOf(file?.url ?? ''));
    expect(refused.status).toBe(401);
    const unknown = await request(app)
      .get(`/api/v1/submissions/${reference}/files/not-a-file-of-it`)
      .set('authorization', `Bearer ${key}`);
    expect(unknown.status).toBe(404);

    const audit = await app.store.staff.listAudit({ target: reference });
    expect(
      audit.filter((e) => e.action === 'api-get-file').map((e) => [e.actorUsername, e.detail]),
    ).toEqual([['api-key:tax-crm', file?.id]]);
  }, 120_000);

  it('lets staff open each file from the submission’s page, audited', async () => {
    const reference = await sendEvidence(app);
    const staff = await signedInCaseworker(app);
    await staff.get(`/caseworker/submissions/${reference}`);
    const links = [
      ...staff.html.matchAll(
        new RegExp(
          `href="(/caseworker/submissions/${reference}/files/[^"]+)"><bdi>([^<]+)</bdi>`,
          'g',
        ),
      ),
    ].map((m) => [m[1] ?? '', m[2]]);
    expect(links.map(([, name]) => name)).toEqual(['damp-wall.png', 'payslip.pdf']);
    expect(staff.html).toContain('1 kB, PNG');

    const opened = await bytesOf(staff.agent.get(links[0]?.[0] ?? ''));
    expect(opened.status).toBe(200);
    expect(sha256(opened.body as Buffer)).toBe(sha256(PNG));
    const anonymous = await request(app).get(links[0]?.[0] ?? '');
    expect(anonymous.status).toBe(303);

    const audit = await app.store.staff.listAudit({ target: reference });
    expect(audit.filter((e) => e.action === 'open-file').map((e) => e.actorUsername)).toEqual([
      'sian.evans',
    ]);
  }, 120_000);
});
