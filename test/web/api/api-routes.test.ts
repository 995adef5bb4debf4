import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import express from 'express';
import request from 'supertest';
import { apiKeyHint, hashApiKey, newApiKey } from '../../../src/delivery/api-key';
import type { WebhookPayload } from '../../../src/delivery/webhook-payload';
import type { Store } from '../../../src/store/store';
import type { CivicFormsApp } from '../../../src/web/app';
import { createApiRoutes } from '../../../src/web/api/api-routes';
import { destinationsOf, housingForm, submitJourney } from '../../delivery/support/outbox-fixture';
import { testApp } from '../../support/agent';

const SCHEMA_DIR = path.join(__dirname, '..', '..', '..', 'schema');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const isPayload = ajv.compile(
  JSON.parse(
    fs.readFileSync(path.join(SCHEMA_DIR, 'webhook-payload.schema.json'), 'utf8'),
  ) as object,
);

const PULL = destinationsOf({ id: 'housing-pull', type: 'pull-api' });

/** Makes a key for the forms named, as `api-keys add` does; returns the key. */
async function keyFor(store: Store, name: string, ...forms: string[]): Promise<string> {
  const key = newApiKey();
  await store.apiKeys.addKey({
    id: `id-${name}`,
    name,
    hash: hashApiKey(key),
    hint: apiKeyHint(key),
    forms,
    agency: undefined,
    createdAt: Date.now(),
  });
  return key;
}

describe('the pull API (/api/v1)', () => {
  let app: CivicFormsApp;
  let key: string;
  const form = housingForm('housing-pull');
  const get = (url: string, bearer = key) =>
    request(app).get(`/api/v1${url}`).set('authorization', `Bearer ${bearer}`);

  beforeEach(async () => {
    app = testApp({ forms: new Map([[form.id, form]]), destinations: PULL });
    key = await keyFor(app.store, 'housing-crm', form.id);
  });
  afterEach(() => app.close());

  it('refuses a request without a valid key with 401 and WWW-Authenticate: Bearer', async () => {
    const revoked = await keyFor(app.store, 'old-crm', form.id);
    await app.store.apiKeys.revokeKey('old-crm', Date.now());
    for (const authorization of [
      undefined,
      'Bearer nonsense',
      `Bearer ${newApiKey()}`,
      `Bearer ${revoked}`,
      `Basic ${key}`,
    ]) {
      const call = request(app).get(`/api/v1/forms/${form.id}/submissions`);
      const response = await (authorization ? call.set('authorization', authorization) : call);
      expect([authorization, response.status, response.headers['www-authenticate']]).toEqual([
        authorization,
        401,
        'Bearer',
      ]);
      expect(response.body).toEqual({
        error: {
          code: 'API_KEY_INVALID',
          message: 'Send a valid API key as Authorization: Bearer <key>.',
        },
      });
    }
    // A key-shaped token that is not valid is in the audit trail; the key itself never is.
    const refused = (await app.store.staff.listAudit()).filter(
      (e) => e.action === 'api-key-refused',
    );
    expect(refused.map((e) => e.actorUsername)).toEqual(['api-key:unknown', 'api-key:old-crm']);
    expect(JSON.stringify(await app.store.inspect.rows('audit_events'))).not.toContain(revoked);
  });

  it('gives a form’s submissions oldest first, in the payload format, page by page from a cursor', async () => {
    const references = [];
    for (let i = 0; i < 3; i++)
      references.push(await submitJourney(app.store, form, PULL, `tx-${i}`));
    const first = await get(`/forms/${form.id}/submissions?limit=2`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const page = first.body as { submissions: WebhookPayload[]; cursor: string; hasMore: boolean };
    expect(page.submissions.map((s) => s.reference)).toEqual(references.slice(0, 2));
    expect(page.hasMore).toBe(true);
    for (const payload of page.submissions)
      expect([isPayload(payload), isPayload.errors]).toEqual([true, null]);
    const second = await get(`/forms/${form.id}/submissions?limit=2&after=${page.cursor}`);
    expect(second.body).toMatchObject({ hasMore: false });
    expect(second.body.submissions.map((s: WebhookPayload) => s.reference)).toEqual([
      references[2],
    ]);
    // Polling with the last cursor: nothing new, and the same cursor back; then the new one alone.
    const empty = await get(`/forms/${form.id}/submissions?after=${second.body.cursor}`);
    expect(empty.body).toEqual({ submissions: [], cursor: second.body.cursor, hasMore: false });
    const later = await submitJourney(app.store, form, PULL, 'tx-later');
    const polled = await get(`/forms/${form.id}/submissions?after=${second.body.cursor}`);
    expect(polled.body.submissions.map((s: WebhookPayload) => s.reference)).toEqual([later]);
    const audit = (await app.store.staff.listAudit()).filter(
      (e) => e.action === 'api-list-submissions',
    );
    expect(audit.map((e) => [e.actorUsername, e.target, e.detail])).toEqual([
      ['api-key:housing-crm', form.id, '2'],
      ['api-key:housing-crm', form.id, '1'],
      ['api-key:housing-crm', form.id, '0'],
      ['api-key:housing-crm', form.id, '1'],
    ]);
  });

  it('answers 400 for a limit out of range or a cursor it did not give', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'after=42', 'after=c_1']) {
      const response = await get(`/forms/${form.id}/submissions?${query}`);
      expect([query, response.status, response.body.error.code]).toEqual([
        query,
        400,
        'BAD_REQUEST',
      ]);
    }
  });

  it('gives one submission by its reference, typed in any case with or without dashes', async () => {
    const reference = await submitJourney(app.store, form, PULL, 'tx-one');
    const response = await get(`/submissions/${reference.replace(/-/g, '').toLowerCase()}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 1, reference, form: { id: form.id } });
    expect((await app.store.staff.listAudit()).at(-1)).toMatchObject({
      action: 'api-get-submission',
      target: reference,
      actorUsername: 'api-key:housing-crm',
    });
  });

  it('answers 404, the same way, for a form or submission the key is not for and for none at all', async () => {
    const reference = await submitJourney(app.store, form, PULL, 'tx-other');
    const other = await keyFor(app.store, 'parking-crm', 'parking-permit');
    for (const [url, bearer] of [
      [`/forms/${form.id}/submissions`, other],
      ['/forms/parking-permit/submissions', other],
      ['/forms/no-such-form/submissions', key],
      [`/submissions/${reference}`, other],
      ['/submissions/K7QM-3XPD-9C', key],
      ['/nothing-here', key],
    ] as const) {
      const response = await get(url, bearer);
      expect([url, response.status, response.body]).toEqual([
        url,
        404,
        { error: { code: 'NOT_FOUND', message: 'No such form or submission for this key.' } },
      ]);
    }
    const receipt = await request(app)
      .post(`/api/v1/submissions/${reference}/receipt`)
      .set('authorization', `Bearer ${other}`);
    expect(receipt.status).toBe(404);
    expect(await app.store.apiKeys.findReceipt(reference)).toBeUndefined();
  });

  it('records a receipt once, gives the first one’s time again, and marks the pull delivery done', async () => {
    const reference = await submitJourney(app.store, form, PULL, 'tx-receipt');
    const post = () =>
      request(app)
        .post(`/api/v1/submissions/${reference}/receipt`)
        .set('authorization', `Bearer ${key}`);
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ reference, receivedAt: expect.any(String) });
    expect((await post()).body).toEqual(first.body);
    expect(await app.store.deliveries.listForSubmission(reference)).toEqual([
      expect.objectContaining({
        destination: 'housing-pull',
        status: 'delivered',
        deliveredAt: Date.parse(first.body.receivedAt),
      }),
    ]);
    const receipts = (await app.store.staff.listAudit()).filter((e) => e.action === 'api-receipt');
    expect(receipts.map((e) => e.target)).toEqual([reference, reference]);
    expect((await app.store.apiKeys.listKeys())[0]?.lastUsedAt).toEqual(expect.any(Number));
  });
});

describe('the pull API’s rate limit', () => {
  it('answers 429 with Retry-After once a key has made its requests for the minute', async () => {
    const app = testApp();
    try {
      const now = Date.parse('2031-03-14T10:00:10Z');
      const api = express().use(
        createApiRoutes({
          store: app.store,
          forms: app.forms,
          agencies: app.agencies,
          requestsPerMinute: 2,
          clock: () => now,
        }),
      );
      const key = await keyFor(app.store, 'busy', 'parking-permit');
      const call = () =>
        request(api).get('/forms/parking-permit/submissions').set('authorization', `Bearer ${key}`);
      expect((await call()).headers['ratelimit-remaining']).toBe('1');
      expect((await call()).headers['ratelimit-remaining']).toBe('0');
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('60');
      expect(refused.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await app.close();
    }
  });
});
