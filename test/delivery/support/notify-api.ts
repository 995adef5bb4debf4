import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** A template the local Notify knows: its id, subject and body with ((placeholders)). */
export interface Template {
  id: string;
  subject: string;
  body: string;
}

/** A notification the local Notify accepted, as its API received it. */
export interface Accepted {
  id: string;
  body: {
    email_address: string;
    template_id: string;
    personalisation?: Record<string, unknown>;
    reference?: string;
  };
  subject: string;
  text: string;
}

function error(res: http.ServerResponse, status: number, kind: string, message: string): void {
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify({ status_code: status, errors: [{ error: kind, message }] }));
}

/**
 * A local server that follows GOV.UK Notify's documented API for sending an email, since Notify
 * itself cannot be reached from here: `POST /v2/notifications/email` with a JSON body, a bearer
 * JWT signed HS256 with the API key's secret, its issuer the service id, issued within 30 seconds;
 * 201 with the notification, or `{ status_code, errors: [{ error, message }] }`: 400 for an unknown
 * template or a missing placeholder, 403 for a bad token. `answer` makes it fail as Notify can.
 */
export class LocalNotifyApi {
  readonly accepted: Accepted[] = [];
  answer: 'normally' | 429 | 500 | 'never' = 'normally';
  private readonly server: http.Server;
  private base = '';
  constructor(
    private readonly service: { id: string; secret: string },
    private readonly templates: Template[],
  ) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString()));
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, text: string): void {
    if (this.answer === 'never') return;
    if (req.method !== 'POST' || req.url !== '/v2/notifications/email') {
      return error(res, 404, 'NotFound', 'Not found');
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    try {
      const claims = jwt.verify(token ?? '', this.service.secret, {
        algorithms: ['HS256'],
        issuer: this.service.id,
        maxAge: 30,
      }) as jwt.JwtPayload;
      if (Math.abs(Date.now() / 1000 - (claims.iat ?? 0)) > 30) throw new Error('clock');
    } catch {
      return error(res, 403, 'AuthError', 'Invalid token: API key not found');
    }
    if (this.answer === 429) {
      return error(
        res,
        429,
        'RateLimitError',
        'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds',
      );
    }
    if (this.answer === 500) return error(res, 500, 'Exception', 'Internal server error');
    const body = JSON.parse(text) as Accepted['body'];
    const template = this.templates.find((t) => t.id === body.template_id);
    if (!template) return error(res, 400, 'BadRequestError', 'Template not found');
    const values = body.personalisation ?? {};
    const missing = [...`${template.subject}${template.body}`.matchAll(/\(\((\w+)\)\)/g)]
      .map((m) => m[1] as string)
      .filter((name) => !(name in values));
    if (missing.length > 0) {
      return error(res, 400, 'BadRequestError', `Missing personalisation: ${missing.join(', ')}`);
    }
    const fill = (s: string) =>
      s.replace(/\(\((\w+)\)\)/g, (_m, name: string) =>
        typeof values[name] === 'string' ? (values[name] as string) : `${this.base}/f/${name}`,
      );
    const id = randomUUID();
    const accepted = { id, body, subject: fill(template.subject), text: fill(template.body) };
    this.accepted.push(accepted);
    res.writeHead(201, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id,
        reference: body.reference ?? null,
        content: {
          subject: accepted.subject,
          body: accepted.text,
          from_email: 'forms@notifications.service.gov.uk',
        },
        uri: `${this.base}/v2/notifications/${id}`,
        template: { id: template.id, version: 1, uri: `${this.base}/v2/template/${template.id}` },
      }),
    );
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
