import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ConfigError } from '../../../src/config';

import { DEVELOPMENT_KEY_FILE } from '../../../src/web/uploads/uploads-setup';
import { FIXTURE_FORMS, tempDataDir, testApp } from '../../support/agent';

const FORMS = path.join(__dirname, '..', '..', 'fixtures', 'upload-forms');
const KEY = Buffer.alloc(32, 9);

function capturingLogger(lines: string[]) {
  return pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(String(JSON.parse(chunk.toString()).msg));
        done();
      },
    }),
  );
}

const production = {
  env: 'production' as const,
  baseUrl: 'https://forms.example.gov.uk',
  sessionSecret: 'a-production-secret-of-at-least-32-characters',
};

describe('uploads from the configuration', () => {
  it('refuses to start in production with a file question and no scanner or key, naming both', () => {
    let error: unknown;
    try {
      testApp({ ...production, formsDir: FORMS, dataDir: tempDataDir(), logLevel: 'silent' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(
        /^CLAMD_ADDRESS: is required in production when a form has a file question/,
      ),
      expect.stringMatching(
        /^UPLOADS_KEY: is required in production when a form has a file question/,
      ),
    ]);
  });

  it('starts in production with a scanner address and a key', async () => {
    const app = testApp({
      ...production,
      formsDir: FORMS,
      dataDir: tempDataDir(),
      logLevel: 'silent',
      clamdAddress: { host: '127.0.0.1', port: 3310 },
      uploadsKey: KEY,
    });
    expect(app.uploads).toBeDefined();
    await app.close();
  });

  it('needs neither in production when no form asks for a file', async () => {
    const app = testApp({
      ...production,
      formsDir: FIXTURE_FORMS,
      dataDir: tempDataDir(),
      logLevel: 'silent',
    });
    expect(app.uploads).toBeUndefined();
    await app.close();
  });

  it('in development, says loudly that files are not scanned and keeps a key of its own', async () => {
    const lines: string[] = [];
    const dataDir = tempDataDir();
    const app = testApp({ formsDir: FORMS, dataDir, logger: capturingLogger(lines) });
    expect(lines).toEqual([
      expect.stringContaining('*** FILES ARE NOT VIRUS-SCANNED: CLAMD_ADDRESS is not set.'),
      expect.stringContaining(
        'UPLOADS_KEY is not set: uploaded files are encrypted with a development key',
      ),
    ]);
    const keyFile = path.join(dataDir, DEVELOPMENT_KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(keyFile, 'utf8'), 'base64')).toHaveLength(32);
    // The same key next time, so files stored before a restart can still be read.
    await app.uploads?.blobs.put('a-file-before-restart', Buffer.from('%PDF-1.4 payslip'));
    await app.close();
    const again = testApp({ formsDir: FORMS, dataDir, logLevel: 'silent' });
    expect((await again.uploads?.blobs.get('a-file-before-restart'))?.toString()).toBe(
      '%PDF-1.4 payslip',
    );
    await again.close();
  });
});
