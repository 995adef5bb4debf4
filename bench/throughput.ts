/**
 * Requests per second and latency of the two hottest requests: GET of a question page and POST of
 * a valid answer (saved to the database before the redirect). Starts the built service pinned to one
 * core, drives it with autocannon (10 connections, 10 seconds each) and prints the figures.
 *
 *   npm run bench
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const FORM = process.env.BENCH_FORM ?? 'parking-permit';
const FORMS_DIR = process.env.BENCH_FORMS_DIR ?? path.join(ROOT, 'test', 'fixtures', 'forms');

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not start');
}

/** A session that has reached the second page, with its cookie and CSRF token. */
async function session(): Promise<{ cookie: string; csrf: string }> {
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

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function report(name: string, result: autocannon.Result): void {
  const bad = result.non2xx - (name.startsWith('POST') ? result.requests.total : 0);
  console.log(
    `${name.padEnd(34)} ${String(Math.round(result.requests.average)).padStart(6)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   errors ${result.errors + Math.max(0, bad)}`,
  );
}

/** The ceiling on this machine: express 5 alone sending a page of the same size, nothing else. */
async function baseline(bytes: number): Promise<autocannon.Result> {
  const code = `const e=require('express')();const b=Buffer.alloc(${bytes},120);e.get('/',(q,r)=>r.type('html').send(b));e.listen(${PORT + 1},'127.0.0.1');`;
  const pin = fs.existsSync('/usr/bin/taskset') ? ['taskset', '-c', '0'] : [];
  const [command = 'node', ...args] = [...pin, 'node', '-e', code];
  const server = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
  try {
    for (let i = 0; i < 50; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      if (
        await fetch(`http://127.0.0.1:${PORT + 1}/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
    }
    return await run({ url: `http://127.0.0.1:${PORT + 1}/`, connections: 10, duration: DURATION });
  } finally {
    server.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js')) || process.env.BENCH_BUILD !== '0') {
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-bench-'));
  const pin = fs.existsSync('/usr/bin/taskset') ? ['taskset', '-c', '0'] : [];
  const [command = 'node', ...args] = [...pin, 'node', path.join(ROOT, 'dist', 'server.js')];
  const server = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FORMS_DIR,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      BASE_URL: BASE,
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret!',
      SECURE_COOKIES: 'false',
    },
    stdio: 'inherit',
  });
  try {
    await waitForHealth();
    const { cookie, csrf } = await session();
    console.log(
      `civic-forms throughput: ${FORM}, 10 connections, ${DURATION} s each, service on one core (${os.cpus()[0]?.model ?? 'unknown CPU'})`,
    );
    const get = await run({
      url: `${BASE}/${FORM}/full-name`,
      connections: 10,
      duration: DURATION,
      headers: { cookie },
    });
    report('GET  question page', get);
    const compressed = await run({
      url: `${BASE}/${FORM}/full-name`,
      connections: 10,
      duration: DURATION,
      headers: { cookie, 'accept-encoding': 'br, gzip' },
    });
    report('GET  question page, brotli', compressed);
    const post = await run({
      url: `${BASE}/${FORM}/full-name`,
      method: 'POST',
      connections: 10,
      duration: DURATION,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, 'full-name': 'Amara Okafor' }).toString(),
    });
    report('POST valid answer (303, saved)', post);
    const size = (
      await (await fetch(`${BASE}/${FORM}/full-name`, { headers: { cookie } })).arrayBuffer()
    ).byteLength;
    report(`express alone, ${size}-byte page`, await baseline(size));
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
