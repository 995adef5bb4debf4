import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_FORMS, tempDataDir } from '../support/agent';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'civic-forms.js');
const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;

/** Runs `civic-forms validate` on a file, as an author would; its output lines and exit code. */
function validate(
  file: string,
  env: Record<string, string>,
): Promise<{ code: number; out: string[] }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'validate', file],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env } },
      (error, stdout) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, out: stdout.split('\n').filter((line) => line !== '') });
      },
    );
  });
}

/** The fixture parking permit, in a folder of its own, naming the destinations given. */
function permitNaming(...destinations: string[]): string {
  const dir = path.join(tempDataDir(), 'forms');
  fs.cpSync(FIXTURE_FORMS, dir, { recursive: true });
  const file = path.join(dir, 'parking-permit.json');
  const form = JSON.parse(fs.readFileSync(file, 'utf8')) as object;
  fs.writeFileSync(file, JSON.stringify({ ...form, destinations }, null, 2));
  return file;
}

describe('civic-forms validate with a destinations file', () => {
  const dir = tempDataDir();
  const destinationsFile = path.join(dir, 'destinations.json');
  fs.writeFileSync(
    destinationsFile,
    JSON.stringify({
      destinations: [
        {
          id: 'permits-webhook',
          type: 'webhook',
          url: 'https://permits.example.gov.uk/hook',
          secret: { env: 'PERMITS_WEBHOOK_SECRET' },
        },
        { id: 'permits-pull', type: 'pull-api' },
      ],
    }),
  );
  const env = { DESTINATIONS_FILE: destinationsFile, PERMITS_WEBHOOK_SECRET: SECRET };

  it('reports a form naming a destination the service does not have, with file, path and a guess', async () => {
    const file = permitNaming('permits-pull', 'permits-webhok');
    const run = await validate(file, env);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `${file}: destinations[1]: is "permits-webhok", which is not a destination the service has (expected one of permits-webhook, permits-pull); did you mean "permits-webhook"?`,
    );
    expect(run.out.at(-1)).toBe('0 of 1 definition(s) valid');
  }, 120_000);

  it('passes a form whose destinations are all in the file', async () => {
    const run = await validate(permitNaming('permits-webhook', 'permits-pull'), env);
    expect([run.code, run.out.at(-1)]).toEqual([0, '1 of 1 definition(s) valid']);
  }, 120_000);

  it('fails on a destinations file whose secret is not set, without printing any secret', async () => {
    const run = await validate(permitNaming('permits-pull'), {
      DESTINATIONS_FILE: destinationsFile,
    });
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `${destinationsFile}: destinations[0].secret: names PERMITS_WEBHOOK_SECRET, which is not set or is empty (expected a Standard Webhooks secret: whsec_ and 24 to 64 random bytes in base64)`,
    );
  }, 120_000);
});
