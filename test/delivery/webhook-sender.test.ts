import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { WebhookDestination } from '../../src/delivery/destination';
import { webhookId } from '../../src/delivery/webhook-id';
import { sendWebhook } from '../../src/delivery/webhook-sender';
import { deadUrl, WebhookReceiver } from './support/webhook-receiver';

const SECRET = `whsec_${Buffer.from('a secret of thirty-two bytes!!!!').toString('base64')}`;
const BODY = JSON.stringify({
  version: 1,
  reference: 'K7QM-3XPD-9C',
  answers: [{ value: 'Llŷr ap Siôn — مرحبا' }],
});

describe('sendWebhook, to a real receiver on 127.0.0.1', () => {
  const receiver = new WebhookReceiver({
    '/broken': { status: 500 },
    '/moved': { status: 302, headers: { location: '/hook' } },
    '/gone': { status: 410 },
    '/slow': 'never-answer',
  });
  let base: string;
  beforeAll(async () => {
    base = await receiver.start();
  });
  afterAll(() => receiver.stop());

  const to = (path: string, timeoutMs = 10_000): WebhookDestination => ({
    id: 'housing-webhook',
    type: 'webhook',
    url: `${base}${path}`,
    secret: SECRET,
    includePdf: false,
    timeoutMs,
  });
  const message = { id: webhookId('K7QM-3XPD-9C', 'housing-webhook'), body: BODY };
  const lastAt = (path: string) => receiver.received.filter((r) => r.path === path).at(-1);

  it('posts a body the receiver verifies with the Standard Webhooks library, and is done on a 2xx', async () => {
    const outcome = await sendWebhook(to('/hook'), message);
    expect(outcome).toEqual({ ok: true, detail: 'HTTP 200' });
    const got = lastAt('/hook');
    if (!got) throw new Error('nothing arrived');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['webhook-id']).toBe('msg_K7QM3XPD9C_housing-webhook');
    expect(got.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const verified = new Webhook(SECRET).verify(got.body, got.headers as Record<string, string>);
    expect(verified).toEqual(JSON.parse(BODY));
    expect(() =>
      new Webhook(SECRET).verify(
        got.body.replace('K7QM', 'K7QN'),
        got.headers as Record<string, string>,
      ),
    ).toThrow(WebhookVerificationError);
    const otherSecret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
    expect(() =>
      new Webhook(otherSecret).verify(got.body, got.headers as Record<string, string>),
    ).toThrow(WebhookVerificationError);
  });

  it('sends the same webhook-id on every try, with the time of each try signed', async () => {
    const times = [new Date('2031-03-14T10:02:00Z'), new Date('2031-03-14T10:05:30Z')];
    for (const at of times) await sendWebhook(to('/again'), message, () => at);
    const tries = receiver.received.filter((r) => r.path === '/again');
    expect(tries.map((t) => t.headers['webhook-id'])).toEqual([message.id, message.id]);
    expect(tries.map((t) => t.headers['webhook-timestamp'])).toEqual(
      times.map((at) => String(at.getTime() / 1000)),
    );
    expect(tries.map((t) => t.headers['webhook-signature'])).toEqual(
      times.map((at) => new Webhook(SECRET).sign(message.id, at, BODY)),
    );
    expect(tries.map((t) => t.body)).toEqual([BODY, BODY]);
  });

  it('fails on a 500 or a 410, and says the status', async () => {
    expect(await sendWebhook(to('/broken'), message)).toEqual({
      ok: false,
      failure: 'status',
      status: 500,
      detail: 'HTTP 500',
    });
    expect(await sendWebhook(to('/gone'), message)).toMatchObject({ ok: false, status: 410 });
  });

  it('fails on a redirect and does not follow it', async () => {
    const before = receiver.received.filter((r) => r.path === '/hook').length;
    expect(await sendWebhook(to('/moved'), message)).toEqual({
      ok: false,
      failure: 'redirect',
      status: 302,
      detail: 'HTTP 302, not followed',
    });
    expect(receiver.received.filter((r) => r.path === '/hook')).toHaveLength(before);
  });

  it('gives up on a receiver that never answers, at the time limit', async () => {
    const outcome = await sendWebhook(to('/slow', 300), message);
    expect(outcome).toEqual({ ok: false, failure: 'timeout', detail: 'no answer in 300 ms' });
    expect(lastAt('/slow')?.headers['webhook-id']).toBe(message.id);
  });

  it('fails as a network failure when nothing listens', async () => {
    const destination = { ...to('/hook'), url: await deadUrl() };
    expect(await sendWebhook(destination, message)).toEqual({
      ok: false,
      failure: 'network',
      detail: 'ECONNREFUSED',
    });
  });
});
