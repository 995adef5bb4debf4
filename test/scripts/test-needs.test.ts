import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = path.resolve(__dirname, '../../scripts/test-needs.sh');

/** Runs the pretest step as `nobody` (not root, so it cannot install) with only these programs on PATH. */
function runAsNobody(programs: string[]): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'test-needs-'));
  fs.chmodSync(bin, 0o755);
  fs.symlinkSync('/usr/bin/id', path.join(bin, 'id'));
  for (const program of programs) {
    fs.writeFileSync(path.join(bin, program), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  }
  try {
    const result = spawnSync(
      '/usr/bin/setpriv',
      ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '/bin/bash', script],
      { env: { PATH: bin }, encoding: 'utf8', timeout: 30_000 },
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
}

describe('scripts/test-needs.sh (npm pretest)', () => {
  it('stops at once with the one command to run when a program is missing and it cannot install', () => {
    const result = runAsNobody(['pdftotext']);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sudo apt-get install -y chromium');
    expect(result.stderr).not.toContain('poppler-utils');
  });

  it('names every missing package in that one command', () => {
    const result = runAsNobody([]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sudo apt-get install -y chromium poppler-utils');
    expect(result.stderr).toMatch(/ clamav\n/);
  });

  it('lets the tests run when every program is there', () => {
    const result = runAsNobody(['chromium', 'pdftotext', 'clamd', 'sigtool']);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
