import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'civic-forms.js');

/** What a run of the command line printed, and its exit code. */
export interface Run {
  code: number;
  stdout: string[];
  stderr: string;
}

/**
 * Runs the real command line on a data folder, as an operator would, with standard input piped
 * (not a terminal).
 */
export function civicFormsOn(
  dataDir: string,
  args: string[],
  stdin = '',
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: dataDir, ...env },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: stdout.split('\n').filter((line) => line !== ''), stderr });
      },
    );
    child.stdin?.end(stdin);
  });
}

/** Runs the real command line in a folder of the author's (a service team's own project). */
export function civicFormsIn(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: stdout.split('\n').filter((line) => line !== ''), stderr });
      },
    );
  });
}
