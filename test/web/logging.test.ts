import { Writable } from 'node:stream';
import pino from 'pino';
import { testApp, Visitor } from '../support/agent';

function capturingLogger(lines: string[]) {
  return pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
}

describe('request logs', () => {
  it('write one line per request with its id, and never an answer, a cookie or a token', async () => {
    const lines: string[] = [];
    const app = testApp({ logger: capturingLogger(lines) });
    const visitor = new Visitor(app);
    await visitor.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' });
    await visitor.answer('/parking-permit/full-name?change=1', {
      'full-name': 'Zebedee Quiller-Smythe',
    });
    const failed = await visitor.post('/parking-permit/contact', { phone: '07700 900 982 extra' });
    expect(failed.status).toBe(400);
    await app.close();

    const all = lines.join('');
    expect(lines).toHaveLength(5);
    for (const secret of ['Zebedee', 'Quiller', '07700', visitor.csrf, 'civic.sid', 'change=1']) {
      expect(all).not.toContain(secret);
    }
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({
      msg: 'request',
      method: 'GET',
      path: '/parking-permit/live-in-zone',
      status: 200,
    });
    expect(typeof entry.reqId).toBe('string');
  });

  it('uses the request id a proxy sends, and returns it', async () => {
    const lines: string[] = [];
    const app = testApp({ logger: capturingLogger(lines) });
    const response = await new Visitor(app).agent.get('/').set('X-Request-Id', 'lb-1234');
    expect(response.headers['x-request-id']).toBe('lb-1234');
    await app.close();
    expect(lines.some((l) => (JSON.parse(l) as { reqId?: string }).reqId === 'lb-1234')).toBe(true);
  });
});
