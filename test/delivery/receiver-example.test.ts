import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WebhookDestination } from '../../src/delivery/destination';
import { sendWebhook } from '../../src/delivery/webhook-sender';

const ROOT = path.join(__dirname, '..', '..');
const SECRET = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

/** The receiver docs/delivery.md shows under "Verifying a webhook", as written there. */
function documentedReceiver(): string {
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'delivery.md'), 'utf8');
  const section = docs.slice(docs.indexOf('### Verifying a webhook'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('docs/delivery.md shows no receiver');
  return code;
}

describe('the receiver docs/delivery.md shows', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-receiver-'));
    fs.writeFileSync(path.join(dir, 'receiver.js'), documentedReceiver());
    child = spawn(process.execPath, [path.join(dir, 'receiver.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_PATH: path.join(ROOT, 'node_modules'),
        CIVIC_FORMS_WEBHOOK_SECRET: SECRET,
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<string>((resolve, reject) => {
      let said = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        const found = /Listening on port (\d+)/.exec(said);
        if (found?.[1]) resolve(found[1]);
      });
      child.on('exit', (code) => reject(new Error(`the receiver stopped (${code})`)));
    });
    url = `http://127.0.0.1:${port}/civic-forms`;
  });
  afterAll(() => {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const destination = (secret: string): WebhookDestination => ({
    id: 'housing-webhook',
    type: 'webhook',
    url,
    secret,
    includePdf: false,
    timeoutMs: 10_000,
  });
  const message = {
    id: 'msg_K7QM3XPD9C_housing-webhook',
    body: JSON.stringify({ version: 1, reference: 'K7QM-3XPD-9C', answers: [] }),
  };

  it('accepts what civic-forms signs, and again when the same message comes twice', async () => {
    expect(await sendWebhook(destination(SECRET), message)).toEqual({
      ok: true,
      detail: 'HTTP 204',
    });
    expect(await sendWebhook(destination(SECRET), message)).toEqual({
      ok: true,
      detail: 'HTTP 204',
    });
  });

  it('refuses a message signed with another secret', async () => {
    const other = `whsec_${Buffer.alloc(32, 4).toString('base64')}`;
    expect(await sendWebhook(destination(other), message)).toMatchObject({
      ok: false,
      failure: 'status',
      status: 400,
    });
  });

  it('refuses a message signed more than five minutes ago (a replay)', async () => {
    const old = () => new Date(Date.now() - 10 * 60_000);
    expect(await sendWebhook(destination(SECRET), message, old)).toMatchObject({ status: 400 });
  });
});
