import http from 'node:http';
import { startService, type ServiceProcess } from '../support/service-process';
import { postgresSchemaUrl } from '../store/support/databases';

/** GET on a new connection each time, so the primary hands each to the next worker in turn. */
function getHealth(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/health`, { agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** The pids that said "civic-forms is serving … (PostgreSQL, process <pid>)", in order. */
function servingPids(output: string): number[] {
  return [...output.matchAll(/civic-forms is serving .*\(PostgreSQL, process (\d+)\)/g)].map((m) =>
    Number(m[1]),
  );
}

/** The pids whose request log shows a GET /health (pino writes each line with its pid). */
function pidsThatAnsweredHealth(output: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { pid?: number; msg?: string; path?: string };
    if (entry.msg === 'request' && entry.path === '/health' && entry.pid) pids.add(entry.pid);
  }
  return pids;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Three processes start (each compiles the code with tsx) on a shared 2-core machine: 5 minutes.
describe('WORKERS=2 on PostgreSQL', () => {
  let primary: ServiceProcess | undefined;
  afterAll(() => primary?.stop(), 60_000);

  it('serves from two workers, replaces one killed, and stops them all on SIGTERM', async () => {
    primary = await startService({
      DATABASE_URL: await postgresSchemaUrl(),
      WORKERS: '2',
      // Request lines (with their pid) show which worker answered.
      LOG_LEVEL: 'info',
    });
    const service = primary;
    await service.waitFor(/process \d+\)[\s\S]*process \d+\)/);
    const first = servingPids(service.output());
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    expect(first).not.toContain(service.child.pid);

    for (let i = 0; i < 10; i += 1) {
      expect(await getHealth(service.url)).toEqual({
        status: 200,
        body: '{"status":"ok","database":"postgres"}',
      });
    }
    expect(pidsThatAnsweredHealth(service.output())).toEqual(new Set(first));

    const [killed, kept] = first as [number, number];
    process.kill(killed, 'SIGKILL');
    await service.waitFor(new RegExp(`worker ${killed} stopped \\(SIGKILL\\); starting another`));
    await service.waitFor(/(process \d+\)[\s\S]*){3}/);
    const [, , replacement] = servingPids(service.output()) as [number, number, number];
    expect([killed, kept]).not.toContain(replacement);
    expect(isRunning(killed)).toBe(false);
    for (let i = 0; i < 10; i += 1) {
      expect((await getHealth(service.url)).status).toBe(200);
    }

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect([kept, replacement].filter(isRunning)).toEqual([]);
  }, 300_000);
});
