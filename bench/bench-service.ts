/**
 * What the throughput bench and the profiler share: the built service started on one core, a
 * session that has reached the second page, autocannon, and the CPU time a process has used.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export const ROOT = path.resolve(__dirname, '..');
export const PORT = Number(process.env.BENCH_PORT ?? 3917);
export const BASE = `http://127.0.0.1:${PORT}`;
export const FORM = process.env.BENCH_FORM ?? 'parking-permit';
const FORMS_DIR = process.env.BENCH_FORMS_DIR ?? path.join(ROOT, 'test', 'fixtures', 'forms');

/** `taskset -c 0` where the machine has it: the service gets one core, autocannon the other. */
export function pinned(command: string[]): [string, string[]] {
  const pin = fs.existsSync('/usr/bin/taskset') ? ['taskset', '-c', '0'] : [];
  const [first = 'node', ...rest] = [...pin, ...command];
  return [first, rest];
}

/** The bench itself (autocannon) on the other core, so it never takes the service's. */
export function pinBenchToOtherCore(): void {
  if (fs.existsSync('/usr/bin/taskset'))
    spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
}

/** Up to a minute: a busy machine starts a process slowly. */
async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not start');
}

/** The built service (dist/server.js) on one core, on the database `env` names. */
export async function startBenchService(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  const [command, args] = pinned(['node', ...nodeArgs, path.join(ROOT, 'dist', 'server.js')]);
  const server = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      FORMS_DIR,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      BASE_URL: BASE,
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret!',
      SECURE_COOKIES: 'false',
    },
    stdio: 'inherit',
  });
  await waitForHealth();
  return server;
}

/** Stops a service the bench started and waits for it to exit (a CPU profile is written then). */
export async function stopBenchService(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** A session that has reached the second page, with its cookie and CSRF token. */
export async function benchSession(): Promise<{ cookie: string; csrf: string }> {
  const first = await fetch(`${BASE}/${FORM}/live-in-zone`);
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())?.[1] ?? '';
  const answered = await fetch(`${BASE}/${FORM}/live-in-zone`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, 'live-in-zone': 'yes' }),
    redirect: 'manual',
  });
  if (answered.status !== 303)
    throw new Error(`could not answer the first page: ${answered.status}`);
  return { cookie, csrf };
}

export function autocannonRun(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) process `pid` has used so far, from /proc; undefined elsewhere.
 * Unlike requests per second, CPU time per request hardly moves when other work shares the core.
 */
export function cpuMs(pid: number | undefined): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
