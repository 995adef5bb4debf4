import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { openFormCatalogue } from '../../src/publishing/open-catalogue';
import type { CivicFormsApp } from '../../src/web/app';
import { FIXTURE_FORMS, h1, tempDataDir, testApp } from '../support/agent';
import { openTestStore } from '../store/support/databases';

/** A forms folder of its own: the fixture parking permit form and its Welsh translation. */
function formsFolder(): string {
  const dir = tempDataDir();
  fs.mkdirSync(path.join(dir, 'locales', 'cy'), { recursive: true });
  for (const file of ['parking-permit.json', path.join('locales', 'cy', 'parking-permit.json')]) {
    fs.copyFileSync(path.join(FIXTURE_FORMS, file), path.join(dir, file));
  }
  return dir;
}

/** Rewrites the folder's form with its title worded anew. */
function retitle(dir: string, title: string): void {
  const file = path.join(dir, 'parking-permit.json');
  const form = JSON.parse(fs.readFileSync(file, 'utf8'));
  form.title = title;
  fs.writeFileSync(file, JSON.stringify(form, null, 2));
}

/** An app on the folder, watched as the composition root watches it in development. */
async function appOnWatchedFolder(
  dir: string,
  settings: Parameters<typeof testApp>[0] = {},
): Promise<CivicFormsApp> {
  const store = await openTestStore('sqlite');
  const catalogue = await openFormCatalogue(
    {
      formsSource: 'folder',
      formsDir: dir,
      formsPollSeconds: 0,
      formsPublishOnStart: false,
      env: 'development',
    },
    store,
  );
  return testApp({ store, catalogue, formsDir: dir, ...settings });
}

/** An event stream read over real HTTP: its status, headers and the text received so far. */
function openStream(port: number, streamPath: string) {
  let text = '';
  const waiting: Array<{ want: string; resolve: () => void }> = [];
  const settle = () => {
    for (const w of [...waiting]) {
      if (text.includes(w.want)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const req = http.get({ host: '127.0.0.1', port, path: streamPath });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        settle();
      });
      resolve(res);
    });
    req.on('error', reject);
  });
  return {
    response,
    /** Resolves once the stream has sent this text. */
    received: (want: string) =>
      new Promise<void>((resolve) => {
        waiting.push({ want, resolve });
        settle();
      }),
    close: () => req.destroy(),
  };
}

describe('live reload of the forms folder in development', () => {
  let app: CivicFormsApp | undefined;
  let server: http.Server | undefined;
  afterEach(async () => {
    app?.endStreams();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await app?.close();
    app = undefined;
    server = undefined;
  });

  it('tells open pages over an event stream when a file of the folder changes, and pages load the script that listens', async () => {
    const dir = formsFolder();
    app = await appOnWatchedFolder(dir, { env: 'development' });
    const listening = app.listen(0, '127.0.0.1');
    server = listening;
    await new Promise((resolve) => listening.once('listening', resolve));
    const { port } = listening.address() as AddressInfo;

    const page = await request(listening).get('/parking-permit');
    const script = /<script type="module" src="(\/assets\/live-reload-[0-9a-f]{12}\.js)">/.exec(
      page.text,
    )?.[1];
    expect(script).toBeDefined();
    const served = await request(listening).get(script as string);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.text).toContain("new EventSource('/__civic-forms/reload')");
    expect(served.text).toContain("addEventListener('forms-changed'");

    const stream = openStream(port, '/__civic-forms/reload');
    const response = await stream.response;
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await stream.received('retry: 1000\n\n');

    retitle(dir, 'Get a resident parking permit');
    await stream.received('event: forms-changed\n');
    // The page it reloads shows the change.
    expect(h1((await request(listening).get('/parking-permit')).text)).toBe(
      'Get a resident parking permit',
    );
    stream.close();
  }, 60_000);

  it('is never mounted in production, even on a watched folder served as the source', async () => {
    app = await appOnWatchedFolder(formsFolder(), {
      env: 'production',
      formsSource: 'folder',
      sessionSecret: 'a-production-secret-of-forty-characters-x',
      baseUrl: 'https://forms.example.gov.uk',
    });
    const stream = await request(app).get('/__civic-forms/reload');
    expect(stream.status).toBe(404);
    const page = await request(app).get('/parking-permit');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('live-reload');
  }, 60_000);

  it('is not mounted where the folder is not watched (tests, or published versions as the source)', async () => {
    app = testApp({ formsDir: FIXTURE_FORMS, env: 'development' });
    expect((await request(app).get('/__civic-forms/reload')).status).toBe(404);
    expect((await request(app).get('/parking-permit')).text).not.toContain('live-reload');
  }, 60_000);
});
