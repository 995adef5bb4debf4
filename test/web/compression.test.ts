import zlib from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { chooseEncoding, createCompression } from '../../src/web/compression';
import { testApp } from '../support/agent';

const PAGE = `<!DOCTYPE html><main>${'<p class="govuk-body">You can apply for a council tax reduction.</p>'.repeat(60)}</main>`;

function serving(body: string, type = 'html', headers: Record<string, string> = {}) {
  const app = express();
  app.use(createCompression());
  app.all('/', (_req, res) => res.set(headers).type(type).send(body));
  return app;
}

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['br;q=0, *;q=0.1', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
  ])('chooses for Accept-Encoding %p: %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });

  it('chooses only among the encodings on offer', () => {
    expect(chooseEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBe('identity');
  });
});

describe('createCompression', () => {
  it('sends brotli when the browser accepts it, with its length and Vary', async () => {
    const response = await request(serving(PAGE)).get('/').set('Accept-Encoding', 'gzip, br');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(response.headers['content-length'])).toBeLessThan(PAGE.length / 10);
    expect(response.text).toBe(PAGE);
  });

  it('sends gzip when that is all the browser accepts', async () => {
    const response = await request(serving(PAGE)).get('/').set('Accept-Encoding', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.text).toBe(PAGE);
  });

  it('sends the page as it is to a client that accepts no compression', async () => {
    const response = await request(serving(PAGE)).get('/').set('Accept-Encoding', 'identity');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(response.headers['content-length'])).toBe(PAGE.length);
  });

  it('leaves alone small bodies, images, HEAD requests and no-transform responses', async () => {
    const asked = (app: express.Express, method: 'get' | 'head' = 'get') =>
      request(app)[method]('/').set('Accept-Encoding', 'br');
    const small = await asked(serving('<p>Saved</p>'));
    const image = await asked(serving(PAGE, 'png'));
    const head = await asked(serving(PAGE), 'head');
    const noTransform = await asked(serving(PAGE, 'html', { 'Cache-Control': 'no-transform' }));
    expect(
      [small, image, head, noTransform].map((r) => r.headers['content-encoding'] ?? 'none'),
    ).toEqual(['none', 'none', 'none', 'none']);
  });

  it('compresses a page the same for everyone once, and sends the same bytes again', async () => {
    const app = express();
    app.use(createCompression({ shared: (req) => req.path === '/shared' }));
    app.get(['/shared', '/personal'], (_req, res) => res.type('html').send(PAGE));
    const brotli = jest.spyOn(zlib, 'brotliCompressSync');
    try {
      const get = (url: string) => request(app).get(url).set('Accept-Encoding', 'br');
      const [first, second] = [await get('/shared'), await get('/shared')];
      expect(brotli).toHaveBeenCalledTimes(1);
      expect(second.headers['content-encoding']).toBe('br');
      expect(second.headers['content-length']).toBe(first.headers['content-length']);
      expect(second.text).toBe(PAGE);
      await get('/personal');
      await get('/personal');
      expect(brotli).toHaveBeenCalledTimes(3);
    } finally {
      brotli.mockRestore();
    }
  });

  it('refuses options out of range when it is created', () => {
    expect(() => createCompression({ brotliQuality: 12 })).toThrow(/brotliQuality/);
    expect(() => createCompression({ gzipLevel: 0 })).toThrow(/gzipLevel/);
    expect(() => createCompression({ threshold: -1 })).toThrow(/threshold/);
    expect(() => createCompression({ sharedEntries: 0.5 })).toThrow(/sharedEntries/);
  });
});

describe('compression in the service', () => {
  const app = testApp();
  afterAll(() => app.close());

  it('compresses the first page of a journey, which also saves a new session', async () => {
    const response = await request(app)
      .get('/parking-permit/live-in-zone')
      .set('Accept-Encoding', 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['set-cookie']).toBeDefined();
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.text).toContain('</html>');
  });

  it('compresses the form list once for everyone, and a question page for each request', async () => {
    const brotli = jest.spyOn(zlib, 'brotliCompressSync');
    try {
      const list = async () =>
        (await request(app).get('/').set('Accept-Encoding', 'br')).headers['content-encoding'];
      expect([await list(), await list()]).toEqual(['br', 'br']);
      expect(brotli).toHaveBeenCalledTimes(1);
      // A person's page holds their session's CSRF token: never kept, compressed every time.
      const agent = request.agent(app);
      await agent.get('/parking-permit/live-in-zone');
      brotli.mockClear();
      for (let i = 0; i < 2; i += 1) {
        const page = await agent.get('/parking-permit/live-in-zone').set('Accept-Encoding', 'br');
        expect(page.text).toContain('name="_csrf"');
      }
      expect(brotli).toHaveBeenCalledTimes(2);
    } finally {
      brotli.mockRestore();
    }
  });

  it('compresses the form list and the page not found', async () => {
    for (const url of ['/', '/no-such-page']) {
      const response = await request(app).get(url).set('Accept-Encoding', 'br');
      expect([url, response.headers['content-encoding'], response.headers.vary]).toEqual([
        url,
        'br',
        'Accept-Encoding',
      ]);
    }
  });
});
