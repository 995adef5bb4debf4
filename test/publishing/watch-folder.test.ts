import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { openFormCatalogue } from '../../src/publishing/open-catalogue';
import type { CivicFormsApp } from '../../src/web/app';
import { FIXTURE_FORMS, h1, tempDataDir, testApp, Visitor } from '../support/agent';
import { openTestStore } from '../store/support/databases';

/** A logger whose lines a test can wait for: the watcher says when it reloaded or refused. */
function listeningLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const waiting: Array<{
    event: string;
    from: number;
    resolve: (line: Record<string, unknown>) => void;
  }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        for (const w of [...waiting]) {
          if (line.event === w.event && lines.length > w.from) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(line);
          }
        }
      }
      done();
    },
  });
  return {
    logger: pino({ level: 'info' }, stream),
    /** The next line with this event, after the lines logged so far. */
    next(event: string): Promise<Record<string, unknown>> {
      return new Promise((resolve) => waiting.push({ event, from: lines.length, resolve }));
    },
  };
}

/** A forms folder of its own: the fixture form and its Welsh translation. */
function formsFolder(): string {
  const dir = tempDataDir();
  fs.mkdirSync(path.join(dir, 'locales', 'cy'), { recursive: true });
  fs.copyFileSync(
    path.join(FIXTURE_FORMS, 'parking-permit.json'),
    path.join(dir, 'parking-permit.json'),
  );
  fs.copyFileSync(
    path.join(FIXTURE_FORMS, 'locales', 'cy', 'parking-permit.json'),
    path.join(dir, 'locales', 'cy', 'parking-permit.json'),
  );
  return dir;
}

/** Rewrites the folder's form with the full-name question worded anew. */
function rewordName(dir: string, label: string): void {
  const file = path.join(dir, 'parking-permit.json');
  const form = JSON.parse(fs.readFileSync(file, 'utf8'));
  form.pages.find((p: { id: string }) => p.id === 'full-name').questions[0].label = label;
  fs.writeFileSync(file, JSON.stringify(form, null, 2));
}

describe('the forms folder in development', () => {
  let app: CivicFormsApp | undefined;
  afterEach(() => app?.close());

  it('serves a changed file at the next request, and keeps the last good forms when a change breaks one', async () => {
    const dir = formsFolder();
    const { logger, next } = listeningLogger();
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
      logger,
    );
    app = testApp({ store, catalogue, formsDir: dir });
    const visitor = new Visitor(app);
    await visitor.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' });
    expect(h1((await visitor.get('/parking-permit/full-name')).text)).toBe(
      'What is your full name?',
    );

    const reloaded = next('forms-folder-reloaded');
    rewordName(dir, 'What is your name?');
    await reloaded;
    expect(h1((await visitor.get('/parking-permit/full-name')).text)).toBe('What is your name?');

    // A broken edit is reported as the validator would, and the page stays as it was.
    const refused = next('forms-folder-invalid');
    fs.writeFileSync(path.join(dir, 'parking-permit.json'), '{ "id": "parking-permit", ');
    const line = await refused;
    expect(String(line.msg)).toMatch(/^not reloaded: .*parking-permit\.json: is not valid JSON/);
    expect(h1((await visitor.get('/parking-permit/full-name')).text)).toBe('What is your name?');
  }, 60_000);
});
