import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'civic-forms.js');

interface Run {
  code: number;
  stdout: string[];
  stderr: string;
}

/** Runs the real command line, as an author would, from the project folder. */
function civicForms(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: stdout.split('\n').filter((line) => line !== ''), stderr });
      },
    );
  });
}

/** Starts the service as `npm start` would (from the source), on a forms folder; stops it after 60 s. */
function startServer(formsDir: string): Promise<Run> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-start-'));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'src', 'server.ts')],
      {
        cwd: ROOT,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORT: '0',
          HOST: '127.0.0.1',
          FORMS_DIR: formsDir,
          DATA_DIR: dataDir,
        },
      },
      (error, stdout, stderr) => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: stdout.split('\n').filter((line) => line !== ''), stderr });
      },
    );
  });
}

const PERMIT = 'test/fixtures/forms/parking-permit.json';
/** "Petrol" is Welsh as well: the validator says so as a warning, which does not fail. */
const PETROL_WARNING =
  'warning: test/fixtures/forms/locales/cy/parking-permit.json: questions.fuel.options.petrol.text: is the same as in en ("Petrol") (expected a translation, unless the words really are the same)';
const broken = (name: string) => `test/fixtures/broken/${name}.json`;

describe('cli validate', () => {
  it('exits 0 and says ok for a valid definition', async () => {
    const run = await civicForms(['validate', PERMIT]);
    expect(run).toEqual({
      code: 0,
      stdout: [`ok  ${PERMIT}`, PETROL_WARNING, '1 of 1 definition(s) valid'],
      stderr: '',
    });
  });

  it('exits 1 and prints each problem as file: path: message for broken definitions', async () => {
    const run = await civicForms([
      'validate',
      PERMIT,
      broken('misspelt-type'),
      broken('min-above-max'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([
      `ok  ${PERMIT}`,
      PETROL_WARNING,
      `${broken('misspelt-type')}: pages[0].questions[0].type: is "yesno" (expected one of text, textarea, number, money, email, phone, date, radios, checkboxes, select, yes-no, name, address, file); did you mean "yes-no"?`,
      `${broken('min-above-max')}: pages[3].min: is 5, more than max (4) (expected min no greater than max)`,
      '1 of 3 definition(s) valid',
    ]);
  });

  it('reports a named file that does not exist', async () => {
    const run = await civicForms(['validate', 'forms/council-tax-discount.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([
      'forms/council-tax-discount.json: does not exist (expected a readable JSON file)',
      '0 of 1 definition(s) valid',
    ]);
  });

  it('checks every definition in FORMS_DIR when no file is named', async () => {
    const run = await civicForms(['validate'], { FORMS_DIR: 'test/fixtures/forms' });
    expect(run).toEqual({
      code: 0,
      stdout: [`ok  ${PERMIT}`, PETROL_WARNING, '1 of 1 definition(s) valid'],
      stderr: '',
    });
  });

  it('reports every broken definition in FORMS_DIR, one line each', async () => {
    const run = await civicForms(['validate'], { FORMS_DIR: 'test/fixtures/broken' });
    expect(run.code).toBe(1);
    const files = fs.readdirSync(path.join(ROOT, 'test/fixtures/broken')).sort();
    // Each broken fixture holds exactly one mistake, so the report has one line per file.
    expect(run.stdout.slice(0, -1).map((line) => line.split(':')[0])).toEqual(
      files.map((name) => `test/fixtures/broken/${name}`),
    );
    expect(run.stdout).toContain(
      `${broken('reserved-page-id')}: pages[5].id: is "check-answers", a name the runner keeps for its own pages (expected any id except check-answers, confirmation, start, paper, resume, save, clear, timeout, session-expired, remove, feedback)`,
    );
    expect(run.stdout).toContain(
      `${broken('caseworker')}: id: is "caseworker", an address the service keeps for itself (/caseworker: the caseworker area) (expected any id except health, assets, resume, caseworker, dashboard, preview, metrics, admin, agencies, accessibility, privacy, cookies, contact, session, api, favicon.ico); name the form after what people use it for, such as "apply-for-a-parking-permit", and its file to match`,
    );
    expect(run.stdout[run.stdout.length - 1]).toBe(`0 of ${files.length} definition(s) valid`);
  });

  it('says FORMS_DIR does not exist, without a stack trace', async () => {
    const run = await civicForms(['validate'], { FORMS_DIR: 'test/fixtures/no-such-folder' });
    expect(run).toEqual({
      code: 1,
      stdout: [
        'test/fixtures/no-such-folder: does not exist (expected a folder of form definitions (FORMS_DIR))',
      ],
      stderr: '',
    });
  });

  it('names a bad environment variable, without a stack trace', async () => {
    const run = await civicForms(['validate'], { FORMS_DIR: 'test/fixtures/forms', PORT: 'abc' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PORT: must be a number (found "abc")');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its usage for an unknown command and exits 2', async () => {
    const run = await civicForms(['check']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: civic-forms validate [files...]');
  });

  it('refuses, as start-up does, a form offering a language the framework has no words for', async () => {
    const folder = 'test/fixtures/framework-language';
    const expected = [
      // Its French translation is complete: only the framework's own words are missing.
      `${folder}/bus-pass.json: languages[1]: offers "fr", which the framework has no locale files for (expected one of ar, cy, en, es, or a translation of the framework's words in locales/fr/ (docs/translation.md))`,
      // A form written in French alone needs no translation file, and has the same problem.
      `${folder}/demande-carte-bus.json: language: offers "fr", which the framework has no locale files for (expected one of ar, cy, en, es, or a translation of the framework's words in locales/fr/ (docs/translation.md))`,
    ];
    const [validator, server] = await Promise.all([
      civicForms(['validate'], { FORMS_DIR: folder }),
      startServer(folder),
    ]);
    expect(validator).toEqual({
      code: 1,
      stdout: [...expected, '0 of 2 definition(s) valid'],
      stderr: '',
    });
    expect(server.code).toBe(1);
    expect(server.stderr.split('\n').filter((line) => line !== '')).toEqual([
      'civic-forms cannot start: 2 problem(s) in the form definitions:',
      ...expected.map((line) => `  ${line}`),
    ]);
  }, 120_000);
  it('checks the agencies beside the forms folder, as start-up does, and fails on one refused', async () => {
    const run = await civicForms(['validate'], { FORMS_DIR: 'forms' });
    expect(run.code).toBe(0);
    expect(run.stdout.slice(-3)).toEqual([
      'ok  agencies/northbrook-council/agency.json',
      'ok  agencies/northbrook-housing/agency.json',
      '2 of 2 agencies valid',
    ]);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agencies-'));
    fs.cpSync(
      path.join(ROOT, 'agencies', 'northbrook-council'),
      path.join(root, 'northbrook-council'),
      {
        recursive: true,
      },
    );
    const file = path.join(root, 'northbrook-council', 'agency.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...json, brandColour: '#ffdd00' }));
    const refused = await civicForms(['validate'], { FORMS_DIR: 'forms', AGENCIES_DIR: root });
    fs.rmSync(root, { recursive: true, force: true });
    expect(refused.code).toBe(1);
    expect(refused.stdout.slice(-2)).toEqual([
      expect.stringMatching(
        /northbrook-council\/agency\.json: brandColour: is "#ffdd00", whose contrast with white is 1\.\d\d:1: .*fail WCAG 2\.2 AA/,
      ),
      '0 of 1 agencies valid',
    ]);
  }, 120_000);
});
