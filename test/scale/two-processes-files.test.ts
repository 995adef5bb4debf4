/**
 * Two real server processes on one PostgreSQL database and no shared disk (each its own DATA_DIR):
 * a photo uploaded through one is on the other's check answers, and the delivery made by either
 * carries a link that downloads the same bytes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpVisitor } from '../support/http-visitor';
import { panelCode } from '../support/panel-code';
import { REPAIR_FORM, reachRepairCheckAnswers, uniqueName } from '../support/repair-journey';
import { freePort, startService, type ServiceProcess } from '../support/service-process';
import { postgresSchemaUrl } from '../store/support/databases';
import { SECRET } from '../delivery/support/outbox-fixture';
import { WebhookReceiver } from '../delivery/support/webhook-receiver';

const ROOT = path.join(__dirname, '..', '..');
const PHOTO = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'uploads', 'damp-wall.jpg'));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The example forms in a folder of their own, the repair form sent to one webhook. */
function formsSendingTo(dir: string): string {
  const forms = path.join(dir, 'forms');
  fs.cpSync(path.join(ROOT, 'forms'), forms, { recursive: true });
  const file = path.join(forms, 'report-housing-repair.json');
  const repair = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...repair, destinations: ['housing-webhook'] }));
  return forms;
}

describe('files shared by two processes through PostgreSQL', () => {
  let processes: ServiceProcess[] = [];
  let receiver: WebhookReceiver;
  let dir: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-two-files-'));
    receiver = new WebhookReceiver();
    const receiverUrl = await receiver.start();
    const destinations = path.join(dir, 'destinations.json');
    fs.writeFileSync(
      destinations,
      JSON.stringify({
        destinations: [
          {
            id: 'housing-webhook',
            type: 'webhook',
            url: `${receiverUrl}/hook`,
            secret: { env: 'HOUSING_WEBHOOK_SECRET' },
            allowInsecure: true,
          },
        ],
      }),
    );
    const databaseUrl = await postgresSchemaUrl();
    const ports = [await freePort(), await freePort()];
    const forms = formsSendingTo(dir);
    processes = [];
    for (const [i, port] of ports.entries()) {
      processes.push(
        await startService({
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          // No shared disk: each process has a folder of its own.
          DATA_DIR: path.join(dir, `data-${i}`),
          FORMS_DIR: forms,
          DESTINATIONS_FILE: destinations,
          HOUSING_WEBHOOK_SECRET: SECRET,
          UPLOADS_KEY: Buffer.alloc(32, 5).toString('base64'),
          // Behind one address, as behind a load balancer: the links go to the first process.
          BASE_URL: `http://127.0.0.1:${ports[0]}`,
          DELIVERY_POLL_SECONDS: '0.5',
        }),
      );
    }
  }, 240_000);

  afterEach(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await receiver.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('shows a photo uploaded through one process on the other’s check answers, and delivers it', async () => {
    const [first, second] = processes as [ServiceProcess, ServiceProcess];
    const visitor = new HttpVisitor(() => first.url);
    await reachRepairCheckAnswers(visitor, uniqueName(3));

    // The photo goes up through the second process.
    const onSecond = visitor.tab(() => second.url);
    await onSecond.get(`${REPAIR_FORM}/damage-photos?change=1`);
    const uploaded = await onSecond.postFiles(
      `${REPAIR_FORM}/damage-photos?change=1`,
      { action: 'upload' },
      [{ field: 'damage-photos', name: 'damp-wall.jpg', type: 'image/jpeg', bytes: PHOTO }],
    );
    expect(uploaded.status).toBe(303);
    await onSecond.get(`${REPAIR_FORM}/damage-photos?change=1`);
    const onward = await onSecond.postFiles(`${REPAIR_FORM}/damage-photos?change=1`, {}, []);
    expect(onward.location).toBe(`${REPAIR_FORM}/check-answers`);

    // The first process shows it, and sends the form.
    const check = await visitor.get(`${REPAIR_FORM}/check-answers`);
    expect(check.html).toMatch(/<bdi>damp-wall\.jpg<\/bdi> \([^)]+, JPG\)/);
    const sent = await visitor.post(`${REPAIR_FORM}/check-answers`, {});
    expect(sent.status).toBe(303);
    const reference = panelCode((await visitor.get(`${REPAIR_FORM}/confirmation`)).html);

    // Whichever process delivers it, the link downloads the photo.
    const arrived = await new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const look = () => {
        const hook = receiver.received.find((r) => r.path === '/hook');
        if (hook) return resolve(hook.body);
        if (Date.now() - started > 60_000) return reject(new Error('nothing was delivered'));
        setTimeout(look, 200);
      };
      look();
    });
    const payload = JSON.parse(arrived) as {
      reference: string;
      files: Array<{ name: string; sha256: string; url: string }>;
    };
    expect(payload.reference).toBe(reference);
    expect(payload.files.map((f) => [f.name, f.sha256])).toEqual([
      ['damp-wall.jpg', sha256(PHOTO)],
    ]);
    const download = await fetch(payload.files[0]?.url ?? '');
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(PHOTO));
    // Neither process kept the file on its own disk.
    for (const i of [0, 1]) {
      expect(fs.existsSync(path.join(dir, `data-${i}`, 'uploads'))).toBe(false);
    }
  }, 240_000);
});
