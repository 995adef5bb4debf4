import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { tempDataDir } from './support/agent';

const ROOT = path.join(__dirname, '..');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('server', () => {
  it('refuses to start on a broken definition, printing the same lines as the validator', () => {
    const broken = path.join('test', 'fixtures', 'broken');
    const server = start({ FORMS_DIR: broken });
    const validator = spawnSync(process.execPath, ['bin/civic-forms.js', 'validate'], {
      cwd: ROOT,
      env: { ...process.env, FORMS_DIR: broken },
      encoding: 'utf8',
    });
    expect(server.status).toBe(1);
    expect(server.stderr).toMatch(
      /^civic-forms cannot start: \d+ problem\(s\) in the form definitions:/,
    );
    const problemLines = validator.stdout
      .split('\n')
      .filter((l) => l.startsWith('test/fixtures/broken/'));
    expect(problemLines.length).toBeGreaterThan(10);
    for (const line of problemLines) expect(server.stderr).toContain(line);
  });

  it('refuses to start on a bad setting, naming it', () => {
    const server = start({ PORT: 'abc' });
    expect(server.status).toBe(1);
    expect(server.stderr).toContain('PORT: must be a number (found "abc")');
  });

  it('says why and exits 1 when its port is in use, never that it is serving', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const server = start({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: tempDataDir() });
      expect(server.status).toBe(1);
      expect(server.stdout).not.toContain('serving');
      expect(server.stderr.trim().split('\n')).toEqual([
        `civic-forms cannot start: port ${port} on 127.0.0.1 is already in use (EADDRINUSE): stop what uses it or set PORT to a free port`,
      ]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);
});
