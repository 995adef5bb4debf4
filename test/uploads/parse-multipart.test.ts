import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MultipartError } from '../../src/uploads/multipart-error';
import type { MultipartLimits } from '../../src/uploads/multipart-limits';
import { parseMultipart, type ParsedMultipart } from '../../src/uploads/parse-multipart';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'uploads');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const LIMITS: MultipartLimits = {
  fileFields: {
    evidence: { maxBytes: 2000, maxFiles: 2 },
    photo: { maxBytes: 1000, maxFiles: 1 },
  },
  maxFields: 5,
  maxFieldBytes: 200,
};

type Outcome = ParsedMultipart | MultipartError;

/** A real HTTP server on 127.0.0.1 that parses each request and keeps what came of it. */
async function startServer(limits: MultipartLimits) {
  const outcomes: Promise<Outcome>[] = [];
  const arrivals = new EventEmitter();
  const server = http.createServer((req, res) => {
    const outcome = parseMultipart(req, limits).catch((error: unknown) => {
      if (error instanceof MultipartError) return error;
      throw error;
    });
    outcomes.push(outcome);
    arrivals.emit('request', outcomes.length - 1);
    void outcome.then((result) => {
      if (result instanceof MultipartError) {
        res.writeHead(result.status, { connection: 'close' }).end(result.code);
      } else {
        res.writeHead(200).end('ok');
      }
    });
  });
  const arrived = (n: number) =>
    new Promise<void>((resolve) => {
      if (outcomes[n]) return resolve();
      const onRequest = (m: number) => {
        if (m !== n) return;
        arrivals.off('request', onRequest);
        resolve();
      };
      arrivals.on('request', onRequest);
    });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    /** What the server made of the n-th request (from 0). */
    outcome: async (n: number): Promise<Outcome> => {
      await arrived(n);
      return outcomes[n] as Promise<Outcome>;
    },
    /** Resolves once the server is parsing the n-th request. */
    arrived,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function file(
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  type = 'application/octet-stream',
): File {
  return new File([bytes], name, { type });
}

describe('parseMultipart', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let sent = 0;

  beforeAll(async () => {
    server = await startServer(LIMITS);
  });
  afterAll(() => server.close());

  async function post(body: FormData): Promise<{ status: number; outcome: Outcome }> {
    const n = sent++;
    const response = await fetch(server.url, { method: 'POST', body });
    await response.text();
    return { status: response.status, outcome: await server.outcome(n) };
  }

  it('gives the fields and the files as they were sent, names in any script', async () => {
    const form = new FormData();
    form.append('_csrf', 'token-123');
    form.append('contact', 'email');
    form.append('contact', 'phone');
    form.append('evidence', file(fixture('payslip.pdf'), 'كشف الراتب.pdf', 'application/pdf'));
    form.append('evidence', file(fixture('damp-wall.jpg'), 'Tŷ — wal laith.jpg', 'image/jpeg'));
    form.append('photo', file(fixture('damp-wall.png'), 'damp.png', 'image/png'));

    const { status, outcome } = await post(form);

    expect(status).toBe(200);
    const parsed = outcome as ParsedMultipart;
    expect(parsed.fields).toEqual({ _csrf: 'token-123', contact: ['email', 'phone'] });
    expect(parsed.problems).toEqual([]);
    expect(
      parsed.files.map((f) => ({ ...f, bytes: sha256(f.bytes), size: f.bytes.length })),
    ).toEqual([
      {
        field: 'evidence',
        name: 'كشف الراتب.pdf',
        declaredType: 'application/pdf',
        bytes: sha256(fixture('payslip.pdf')),
        size: fixture('payslip.pdf').length,
      },
      {
        field: 'evidence',
        name: 'Tŷ — wal laith.jpg',
        declaredType: 'image/jpeg',
        bytes: sha256(fixture('damp-wall.jpg')),
        size: fixture('damp-wall.jpg').length,
      },
      {
        field: 'photo',
        name: 'damp.png',
        declaredType: 'image/png',
        bytes: sha256(fixture('damp-wall.png')),
        size: fixture('damp-wall.png').length,
      },
    ]);
  });

  it('gives nothing for a file input left empty', async () => {
    const form = new FormData();
    form.append('_csrf', 'token-123');
    form.append('evidence', new Blob([]), '');

    const { status, outcome } = await post(form);

    expect(status).toBe(200);
    expect(outcome).toEqual({ fields: { _csrf: 'token-123' }, files: [], problems: [] });
  });

  it('refuses a file over its field’s size, keeping the other files and fields', async () => {
    const form = new FormData();
    form.append('_csrf', 'token-123');
    form.append('photo', file(Buffer.alloc(1001, 1), 'big photo.jpg'));
    form.append('evidence', file(Buffer.alloc(1001, 2), 'fits.pdf'));

    const { status, outcome } = await post(form);

    expect(status).toBe(200);
    const parsed = outcome as ParsedMultipart;
    expect(parsed.problems).toEqual([{ field: 'photo', code: 'tooBig', name: 'big photo.jpg' }]);
    expect(parsed.files.map((f) => [f.field, f.name, f.bytes.length])).toEqual([
      ['evidence', 'fits.pdf', 1001],
    ]);
    expect(parsed.fields).toEqual({ _csrf: 'token-123' });
  });

  it('takes a file of exactly the largest size', async () => {
    const form = new FormData();
    form.append('photo', file(Buffer.alloc(1000, 7), 'just fits.jpg'));

    const parsed = (await post(form)).outcome as ParsedMultipart;

    expect(parsed.problems).toEqual([]);
    expect(parsed.files[0]?.bytes).toEqual(Buffer.alloc(1000, 7));
  });

  it('refuses the files past a field’s count, and an empty file chosen by name', async () => {
    const form = new FormData();
    form.append('evidence', file(fixture('damp-wall.jpg'), 'one.jpg'));
    form.append('evidence', file(new Uint8Array(0), 'empty.pdf'));
    form.append('evidence', file(fixture('damp-wall.webp'), 'three.webp'));

    const parsed = (await post(form)).outcome as ParsedMultipart;

    expect(parsed.files.map((f) => f.name)).toEqual(['one.jpg']);
    expect(parsed.problems).toEqual([
      { field: 'evidence', code: 'empty', name: 'empty.pdf' },
      { field: 'evidence', code: 'tooMany', name: 'three.webp' },
    ]);
  });

  it.each([
    [
      'a file in a field the page does not have',
      (form: FormData) => form.append('other', file(fixture('damp-wall.jpg'), 'x.jpg')),
      400,
      'unexpectedFile',
    ],
    [
      'more fields than the page has',
      (form: FormData) => {
        for (let i = 0; i < 6; i += 1) form.append(`field${i}`, 'x');
      },
      413,
      'tooManyFields',
    ],
    [
      'a field longer than allowed',
      (form: FormData) => form.append('story', 'x'.repeat(201)),
      413,
      'fieldTooLong',
    ],
  ])('refuses the whole request for %s', async (_what, fill, status, code) => {
    const form = new FormData();
    fill(form);

    const result = await post(form);

    expect(result.status).toBe(status);
    expect(result.outcome).toBeInstanceOf(MultipartError);
    expect((result.outcome as MultipartError).code).toBe(code);
  });

  it('refuses a body that is not multipart', async () => {
    const n = sent++;
    const response = await fetch(server.url, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: 'token-123' }),
    });

    expect(response.status).toBe(415);
    expect(((await server.outcome(n)) as MultipartError).code).toBe('notMultipart');
  });
});

/** Sends a request by hand, to control its headers and how much of its body arrives. */
function rawRequest(port: number, headers: http.OutgoingHttpHeaders) {
  return http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers });
}

describe('parseMultipart on bodies too large or cut short', () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    server = await startServer({ ...LIMITS, maxRequestBytes: 64 * 1024 });
  });
  afterAll(() => server.close());

  const boundary = 'civic-forms-boundary';
  const head = (name: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${name}"\r\n` +
    'Content-Type: application/pdf\r\n\r\n';

  it('refuses a body declared larger than the largest before reading it', async () => {
    const req = rawRequest(server.port, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(10 * 1024 * 1024),
    });
    const response = new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    req.on('error', () => undefined);
    req.write(head('huge.pdf'));

    expect((await response).statusCode).toBe(413);
    expect(((await server.outcome(0)) as MultipartError).code).toBe('tooLarge');
    req.destroy();
  });

  it('stops reading a body sent without a length once it passes the largest', async () => {
    const req = rawRequest(server.port, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'transfer-encoding': 'chunked',
    });
    const response = new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    req.on('error', () => undefined);
    req.write(head('endless.pdf'));
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    // Five chunks pass 64 KiB; the server answers without waiting for the rest.
    for (let i = 0; i < 5; i += 1) req.write(chunk);

    expect((await response).statusCode).toBe(413);
    expect(((await server.outcome(1)) as MultipartError).code).toBe('tooLarge');
    req.destroy();
  });

  it('says a request cut short by the client was aborted', async () => {
    const req = rawRequest(server.port, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': '5000',
    });
    req.on('error', () => undefined);
    req.write(head('half.pdf'));
    req.write(Buffer.alloc(1000, 0x41));
    // The connection goes once the server has the request in hand, its body half sent.
    await server.arrived(2);
    req.destroy();

    expect(((await server.outcome(2)) as MultipartError).code).toBe('aborted');
  });
});
