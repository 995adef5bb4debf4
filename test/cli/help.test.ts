import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { civicFormsOn, type Run } from '../support/cli';

/** A data folder that does not exist: asking for help must not create a database in it. */
function untouchedDataDir(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-help-'));
  return path.join(parent, 'data');
}

async function help(args: string[]): Promise<Run & { dataDirCreated: boolean }> {
  const dataDir = untouchedDataDir();
  const run = await civicFormsOn(dataDir, args);
  const dataDirCreated = fs.existsSync(dataDir);
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  return { ...run, dataDirCreated };
}

const TIMEOUT = 90_000;

describe('civic-forms --help', () => {
  it(
    'prints every command and how to start the service, on standard output, and exits 0',
    async () => {
      for (const flag of ['--help', '-h']) {
        const run = await help([flag]);
        expect(run).toMatchObject({ code: 0, stderr: '', dataDirCreated: false });
        expect(run.stdout[0]).toBe('civic-forms: public services from JSON form definitions.');
        const text = run.stdout.join('\n');
        for (const command of [
          'new',
          'validate',
          'users',
          'audit',
          'purge',
          'migrate',
          'migrate-data',
          'publish',
          'unpublish',
        ])
          expect(text).toContain(`Usage: civic-forms ${command}`);
        expect(text).toContain('npm start');
        expect(text).toContain('node dist/server.js');
        for (const setting of ['PORT=', 'NODE_ENV=production', 'SESSION_SECRET=', 'FORMS_DIR='])
          expect(text).toContain(setting);
        expect(text).toContain('docs/configuration.md');
      }
    },
    TIMEOUT,
  );

  it.each([
    [['new', '--help'], 'Usage: civic-forms new <form id>'],
    [['new', 'bus-pass', '-h'], 'Usage: civic-forms new <form id>'],
    [['validate', '--help'], 'Usage: civic-forms validate [files...]'],
    [['validate', '-h'], 'Usage: civic-forms validate [files...]'],
    [['validate', 'forms/report-housing-repair.json', '--help'], 'Usage: civic-forms validate'],
    [['users', '--help'], 'Usage: civic-forms users add <username>'],
    [['users', '-h'], 'Usage: civic-forms users add <username>'],
    [['users', 'add', 'a.jones', '--help'], 'Usage: civic-forms users add <username>'],
    [['audit', '--help'], 'Usage: civic-forms audit [--since'],
    [['audit', '-h'], 'Usage: civic-forms audit [--since'],
    [['purge', '--help'], 'Usage: civic-forms purge'],
    [['purge', '-h'], 'Usage: civic-forms purge'],
    [['help', 'audit'], 'Usage: civic-forms audit [--since'],
    [['migrate', '--help'], 'Usage: civic-forms migrate'],
    [['migrate-data', '--help'], 'Usage: civic-forms migrate-data --from'],
  ])(
    '%j prints that command’s usage on standard output, exits 0 and opens no database',
    async (args, usage) => {
      const run = await help(args);
      expect(run).toMatchObject({ code: 0, stderr: '', dataDirCreated: false });
      expect(run.stdout[0]?.startsWith(usage)).toBe(true);
      // Only that command's usage: no other command's.
      const command = args[0] === 'help' ? args[1] : args[0];
      const others = ['validate', 'users', 'audit', 'purge'].filter((c) => c !== command);
      for (const other of others)
        expect(run.stdout.join('\n')).not.toContain(`Usage: civic-forms ${other}`);
    },
    TIMEOUT,
  );

  it(
    'refuses an option validate does not have, with its usage on standard error (exit 2)',
    async () => {
      const run = await help(['validate', '--strict']);
      expect(run.code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).toContain("Unknown option '--strict'");
      expect(run.stderr).toContain('Usage: civic-forms validate [files...]');
    },
    TIMEOUT,
  );

  it(
    'names a command it does not have, with the usage on standard error (exit 2)',
    async () => {
      const run = await help(['help', 'serve']);
      expect(run.code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).toContain('There is no command "serve".');
      expect(run.stderr).toContain('npm start');
    },
    TIMEOUT,
  );
});
