import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got, as it arrived: headers and the raw body. */
export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What the receiver does at a path: answer with a status (and headers), or never answer. */
export type Behaviour = { status: number; headers?: Record<string, string> } | 'never-answer';

/**
 * A real HTTP receiver on 127.0.0.1, as an agency would run one: it records every request and
 * answers as told for each path (200 elsewhere).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly server: http.Server;
  constructor(private readonly behaviours: Record<string, Behaviour> = {}) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString() });
        const behaviour = this.behaviours[path] ?? { status: 200 };
        if (behaviour === 'never-answer') return;
        res.writeHead(behaviour.status, behaviour.headers).end('{"echo":"not to be read"}');
      });
    });
  }

  /** Listens on a free port of 127.0.0.1; resolves with the base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening and drops every connection, answered or not. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A URL on 127.0.0.1 where nothing listens: a port that was just free. */
export async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hook`;
}
