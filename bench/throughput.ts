/**
 * Requests per second and latency of the two hottest requests: GET of a question page and POST of
 * a valid answer (saved to the database before the redirect), on SQLite and on PostgreSQL, with and
 * without brotli, beside express alone. Starts the built service pinned to one core, drives it with
 * autocannon (10 connections, 10 seconds each) and prints the figures and the ratios.
 *
 * Beside requests per second, each line gives the server's CPU time per request (user + system,
 * from /proc): on a machine others share, requests per second move with their load, CPU time per
 * request hardly does, so before/after comparisons read that column.
 *
 *   npm run bench
 *   BENCH_SECONDS=5 npm run bench
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import pg from 'pg';
import {
  autocannonRun,
  BASE,
  benchSession,
  cpuMs,
  FORM,
  pinBenchToOtherCore,
  pinned,
  PORT,
  ROOT,
  startBenchService,
  stopBenchService,
} from './bench-service';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

/** What one load run gave: requests per second, latency, and the server's CPU time per request. */
interface Figures {
  rps: number;
  cpuUs: number | undefined;
}

/** Runs autocannon against the process `server` and prints one line of figures. */
async function measured(
  name: string,
  server: ChildProcess,
  options: autocannon.Options,
  expect: (status: number) => boolean = (s) => s >= 200 && s < 300,
): Promise<Figures> {
  let bad = 0;
  const before = cpuMs(server.pid);
  const result = await autocannonRun({
    connections: 10,
    duration: DURATION,
    ...options,
    setupClient: (client) =>
      client.on('response', (status: number) => {
        if (!expect(status)) bad += 1;
      }),
  });
  const after = cpuMs(server.pid);
  const cpuUs =
    before === undefined || after === undefined || result.requests.total === 0
      ? undefined
      : ((after - before) * 1000) / result.requests.total;
  console.log(
    `${name.padEnd(40)} ${String(Math.round(result.requests.average)).padStart(6)} req/s   ` +
      `${cpuUs === undefined ? '   ?' : cpuUs.toFixed(0).padStart(4)} µs CPU/req   ` +
      `p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   errors ${result.errors + bad}`,
  );
  return { rps: result.requests.average, cpuUs };
}

/** The ceiling on this machine: express 5 alone sending a body of `bytes`, nothing else. */
async function baseline(name: string, bytes: number): Promise<Figures> {
  const code = `const e=require('express')();const b=Buffer.alloc(${bytes},120);e.get('/',(q,r)=>r.type('html').send(${bytes <= 5 ? "'hello'" : 'b'}));e.listen(${PORT + 1},'127.0.0.1');`;
  const [command, args] = pinned(['node', '-e', code]);
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
    return await measured(name, server, { url: `http://127.0.0.1:${PORT + 1}/` });
  } finally {
    await stopBenchService(server);
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

/**
 * What one PostgreSQL round trip costs, as the service makes them (a pool, a parameterised
 * statement): wall time each, one after another, and this process's CPU time each.
 */
async function roundTrip(url: string): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const n = 2000;
    for (let i = 0; i < 200; i += 1) await pool.query('SELECT $1::text AS id', [`warm-${i}`]);
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) await pool.query('SELECT $1::text AS id', [`sid-${i}`]);
    const wallUs = Number(process.hrtime.bigint() - started) / 1000 / n;
    const used = process.cpuUsage(cpu);
    const cpuUs = (used.user + used.system) / n;
    return `PostgreSQL round trip (pool, one parameterised SELECT): ${wallUs.toFixed(0)} µs wall, ${cpuUs.toFixed(0)} µs CPU in the client`;
  } finally {
    await pool.end();
  }
}

interface ServiceFigures {
  get: Figures;
  brotli: Figures;
  post: Figures;
  size: number;
  brotliSize: number;
}

/** GET (plain and brotli) and POST on the built service pinned to one core. */
async function measure(label: string, env: Record<string, string>): Promise<ServiceFigures> {
  const server = await startBenchService(env);
  try {
    const { cookie, csrf } = await benchSession();
    const url = `${BASE}/${FORM}/full-name`;
    const get = await measured(`GET  question page, ${label}`, server, {
      url,
      headers: { cookie },
    });
    const brotli = await measured(`GET  question page, brotli, ${label}`, server, {
      url,
      headers: { cookie, 'accept-encoding': 'br, gzip' },
    });
    const post = await measured(
      `POST valid answer (303, saved), ${label}`,
      server,
      {
        url,
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, 'full-name': 'Amara Okafor' }).toString(),
      },
      (status) => status === 303,
    );
    const size = (await (await fetch(url, { headers: { cookie } })).arrayBuffer()).byteLength;
    // fetch would decode the body: ask node's http for the bytes as sent.
    const brotliSize = await new Promise<number>((resolve, reject) => {
      void import('node:http').then((http) =>
        http
          .get(url, { headers: { cookie, 'accept-encoding': 'br' } }, (res) => {
            let n = 0;
            res.on('data', (chunk: Buffer) => (n += chunk.length));
            res.on('end', () => resolve(n));
          })
          .on('error', reject),
      );
    });
    return { get, brotli, post, size, brotliSize };
  } finally {
    await stopBenchService(server);
  }
}

async function main(): Promise<void> {
  pinBenchToOtherCore();
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
    console.log(await roundTrip(database.url));
    const hello = await baseline('express alone, "hello"', 5);
    await baseline(`express alone, ${sqlite.size}-byte page`, sqlite.size);
    console.log(
      `page: ${sqlite.size} bytes, ${sqlite.brotliSize} with brotli; ` +
        `brotli costs ${cost(sqlite.brotli, sqlite.get)} µs CPU a page on SQLite, ${cost(postgres.brotli, postgres.get)} on PostgreSQL`,
    );
    const ratio = (f: Figures) => (f.rps / hello.rps).toFixed(2);
    const cpuRatio = (f: Figures) =>
      f.cpuUs && hello.cpuUs ? (hello.cpuUs / f.cpuUs).toFixed(2) : '?';
    for (const [what, pick] of [
      ['req/s', ratio],
      ['CPU per request (hello µs / µs)', cpuRatio],
    ] as const) {
      console.log(
        `ratios to express "hello" by ${what}: ` +
          `GET ${pick(sqlite.get)} SQLite, ${pick(postgres.get)} PostgreSQL; ` +
          `GET brotli ${pick(sqlite.brotli)} SQLite, ${pick(postgres.brotli)} PostgreSQL; ` +
          `POST ${pick(sqlite.post)} SQLite, ${pick(postgres.post)} PostgreSQL`,
      );
    }
  } finally {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The CPU time brotli adds to a page, in µs. */
function cost(compressed: Figures, plain: Figures): string {
  return compressed.cpuUs !== undefined && plain.cpuUs !== undefined
    ? (compressed.cpuUs - plain.cpuUs).toFixed(0)
    : '?';
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
