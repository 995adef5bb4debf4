/**
 * Requests per second and latency of the two hottest requests: GET of a question page and POST of
 * a valid answer (saved to the database before the redirect), on SQLite and on PostgreSQL, beside
 * express alone. Starts the built service pinned to one core, drives it with autocannon (10
 * connections, 10 seconds each) and prints the figures and the ratios.
 *
 *   npm run bench
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const FORM = process.env.BENCH_FORM ?? 'parking-permit';
const FORMS_DIR = process.env.BENCH_FORMS_DIR ?? path.join(ROOT, 'test', 'fixtures', 'forms');

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

/** A PostgreSQL database of the bench's own (dropped afterwards), or BENCH_DATABASE_URL's. */
async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL)
    return { url: process.env.BENCH_DATABASE_URL, drop: async () => {} };
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `civic_forms_bench_${process.pid}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** GET and POST on the built service pinned to one core, on the database `env` names. */
async function measure(
  label: string,
  env: Record<string, string>,
): Promise<Record<string, number>> {
  const pin = fs.existsSync('/usr/bin/taskset') ? ['taskset', '-c', '0'] : [];
  const [command = 'node', ...args] = [...pin, 'node', path.join(ROOT, 'dist', 'server.js')];
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
  try {
    await waitForHealth();
    const { cookie, csrf } = await session();
    const get = await run({
      url: `${BASE}/${FORM}/full-name`,
      connections: 10,
      duration: DURATION,
      headers: { cookie },
    });
    report(`GET  question page, ${label}`, get);
    const compressed = await run({
      url: `${BASE}/${FORM}/full-name`,
      connections: 10,
      duration: DURATION,
      headers: { cookie, 'accept-encoding': 'br, gzip' },
    });
    report(`GET  question page, brotli, ${label}`, compressed);
    const post = await run({
      url: `${BASE}/${FORM}/full-name`,
      method: 'POST',
      connections: 10,
      duration: DURATION,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, 'full-name': 'Amara Okafor' }).toString(),
    });
    report(`POST valid answer (303, saved), ${label}`, post);
    const size = (
      await (await fetch(`${BASE}/${FORM}/full-name`, { headers: { cookie } })).arrayBuffer()
    ).byteLength;
    return {
      get: get.requests.average,
      brotli: compressed.requests.average,
      post: post.requests.average,
      size,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js')) || process.env.BENCH_BUILD !== '0') {
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
  console.log(
    `civic-forms throughput: ${FORM}, 10 connections, ${DURATION} s each, service on one core (${os.cpus()[0]?.model ?? 'unknown CPU'})`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-bench-'));
  const database = await benchDatabase();
  try {
    const sqlite = await measure('SQLite', { DATA_DIR: dataDir });
    const postgres = await measure('PostgreSQL', { DATA_DIR: dataDir, DATABASE_URL: database.url });
    const hello = await baseline(5);
    report('express alone, "hello"', hello);
    const page = await baseline(sqlite.size ?? 0);
    report(`express alone, ${sqlite.size}-byte page`, page);
    const ratio = (n = 0) => (n / hello.requests.average).toFixed(2);
    console.log(
      `ratios to express "hello": GET ${ratio(sqlite.get)} SQLite, ${ratio(postgres.get)} PostgreSQL; ` +
        `POST ${ratio(sqlite.post)} SQLite, ${ratio(postgres.post)} PostgreSQL`,
    );
  } finally {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
