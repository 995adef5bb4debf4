import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { civicFormsIn } from '../support/cli';

const TIMEOUT = 90_000;

/** A service team's empty project folder, removed after the test. */
function emptyProject(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-new-'));
}

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('civic-forms new', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const project = () => {
    const dir = emptyProject();
    made.push(dir);
    return dir;
  };

  it(
    'writes a starting form and its translations that civic-forms validate passes',
    async () => {
      const dir = project();
      const run = await civicFormsIn(dir, [
        'new',
        'apply-for-a-permit',
        '--languages',
        'en,cy,es,ar',
      ]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toEqual([
        'wrote forms/apply-for-a-permit.json',
        'wrote forms/locales/cy/apply-for-a-permit.json',
        'wrote forms/locales/es/apply-for-a-permit.json',
        'wrote forms/locales/ar/apply-for-a-permit.json',
        'Next: edit forms/apply-for-a-permit.json, then run civic-forms validate.',
      ]);
      const form = read(path.join(dir, 'forms', 'apply-for-a-permit.json'));
      expect(form).toMatchObject({
        id: 'apply-for-a-permit',
        title: 'Apply for a service',
        version: '1.0',
        languages: ['en', 'cy', 'es', 'ar'],
      });
      expect(
        read(path.join(dir, 'forms', 'locales', 'cy', 'apply-for-a-permit.json')),
      ).toMatchObject({
        title: 'Gwneud cais am wasanaeth',
        questions: { 'full-name': { label: 'Beth yw eich enw llawn?' } },
      });
      const validated = await civicFormsIn(dir, ['validate']);
      // No warning either: every string is translated.
      expect(validated).toEqual({
        code: 0,
        stdout: ['ok  forms/apply-for-a-permit.json', '1 of 1 definition(s) valid'],
        stderr: '',
      });
    },
    TIMEOUT,
  );

  it(
    'refuses to overwrite a form or a translation, and writes nothing',
    async () => {
      const dir = project();
      fs.mkdirSync(path.join(dir, 'forms', 'locales', 'cy'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'forms', 'locales', 'cy', 'bus-pass.json'), '{"mine":1}');
      const run = await civicFormsIn(dir, ['new', 'bus-pass', '--languages', 'en,cy']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'forms/locales/cy/bus-pass.json already exists: nothing was written.',
      );
      expect(fs.existsSync(path.join(dir, 'forms', 'bus-pass.json'))).toBe(false);
      expect(
        fs.readFileSync(path.join(dir, 'forms', 'locales', 'cy', 'bus-pass.json'), 'utf8'),
      ).toBe('{"mine":1}');
    },
    TIMEOUT,
  );

  it(
    'writes into FORMS_DIR when it is set',
    async () => {
      const dir = project();
      const run = await civicFormsIn(dir, ['new', 'bus-pass'], { FORMS_DIR: 'definitions' });
      expect(run.code).toBe(0);
      expect(fs.existsSync(path.join(dir, 'definitions', 'bus-pass.json'))).toBe(true);
    },
    TIMEOUT,
  );

  it.each([
    [['new'], 'Name one form id.'],
    [['new', 'Bus_Pass'], '"Bus_Pass" cannot be a form id'],
    [['new', 'dashboard'], '"dashboard" cannot be a form id'],
    [['new', 'bus-pass', '--languages', 'en,fr'], '--languages must list each language once'],
    [['new', 'bus-pass', '--colour', 'red'], "Unknown option '--colour'"],
  ])(
    '%j says what is wrong and exits 2, writing nothing',
    async (args, said) => {
      const dir = project();
      const run = await civicFormsIn(dir, args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(said);
      expect(fs.existsSync(path.join(dir, 'forms'))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'prints its usage with --help, writing nothing',
    async () => {
      const dir = project();
      const run = await civicFormsIn(dir, ['new', 'bus-pass', '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout[0]).toBe('Usage: civic-forms new <form id> [--languages en,cy,...]');
      expect(fs.existsSync(path.join(dir, 'forms'))).toBe(false);
    },
    TIMEOUT,
  );
});
