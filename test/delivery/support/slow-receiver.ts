import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { EXAMPLE_FORMS, tempDataDir } from '../../support/agent';

/** A receiver that takes 200 ms over each answer, so a worker killed has tries in flight. */
export class SlowReceiver {
  readonly received: Array<{ id: string; body: string; headers: http.IncomingHttpHeaders }> = [];
  readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      this.received.push({ id: String(req.headers['webhook-id']), body, headers: req.headers });
      setTimeout(() => res.writeHead(204).end(), 200);
    });
  });
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A forms folder whose housing repair form is delivered to `housing-webhook`. */
export function formsFolder(): string {
  const dir = path.join(tempDataDir(), 'forms');
  fs.cpSync(EXAMPLE_FORMS, dir, { recursive: true });
  const file = path.join(dir, 'report-housing-repair.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...json, destinations: ['housing-webhook'] }, null, 2));
  return dir;
}
