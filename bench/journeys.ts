/**
 * Complete journeys through the example repair form (every page, check answers, send), by C
 * simulated people at once, against real server processes: 1 on SQLite, 1 on PostgreSQL, 2 on
 * PostgreSQL (requests spread over both, no sticky sessions), and 2 on PostgreSQL with one killed
 * (SIGKILL, not restarted) half-way, its requests retried on the other as a load balancer would.
 * Prints journeys/s, page latency, and afterwards what the database holds against what people saw.
 *
 *   npm run bench:journeys
 *   BENCH_USERS=10 BENCH_SECONDS=15 BENCH_MAX_JOURNEYS=400 npm run bench:journeys
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); the bench
 * makes a database of its own there and drops it at the end.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres-store';
import { openSqliteStore } from '../src/store/sqlite-store';
import type { Store } from '../src/store/store';
import { HttpVisitor } from '../test/support/http-visitor';
import { panelCode } from '../test/support/panel-code';
import {
  namesOnPage,
  reachRepairCheckAnswers,
  REPAIR_FORM,
  repairAnswers,
  uniqueName,
} from '../test/support/repair-journey';
import { startService, type ServiceProcess } from '../test/support/service-process';

const USERS = Number(process.env.BENCH_USERS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const MAX_JOURNEYS = Number(process.env.BENCH_MAX_JOURNEYS ?? 400);
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** What one run saw from the people's side. */
interface Seen {
  completed: Map<string, string>; // reference -> the name of the person who saw it
  references: string[];
  abandoned: number;
  retried: number;
  latencies: number[];
  leaks: number;
  lost: number;
  seconds: number;
}

let nextName = 0;

/** A request that failed on the network (a process gone) is sent again to another process. */
async function retrying<T>(seen: Seen, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= 5) throw error;
      seen.retried += 1;
    }
  }
}

/** One person's journey; records what they saw. */
async function journey(route: (p: string) => string, seen: Seen): Promise<void> {
  const name = uniqueName((nextName += 1));
  const visitor = new HttpVisitor(route);
  const answers = repairAnswers(name);
  try {
    let at = `${REPAIR_FORM}/problem-type`;
    for (let pages = 0; at !== `${REPAIR_FORM}/check-answers`; pages += 1) {
      const fields = answers[at.slice(REPAIR_FORM.length + 1)];
      if (!fields || pages > 20) throw new Error(`no answer for ${at}`);
      const from = at;
      at = await retrying(seen, () => visitor.answer(from, fields));
    }
    const check = await retrying(seen, () => visitor.get(`${REPAIR_FORM}/check-answers`));
    const names = namesOnPage(check.html);
    if (names.some((shown) => shown !== name)) seen.leaks += 1;
    if (!names.includes(name)) seen.lost += 1;
    const sent = await retrying(seen, () => visitor.post(`${REPAIR_FORM}/check-answers`, {}));
    if (sent.location !== `${REPAIR_FORM}/confirmation`) throw new Error(`send: ${sent.status}`);
    const confirmation = await retrying(seen, () => visitor.get(`${REPAIR_FORM}/confirmation`));
    const reference = panelCode(confirmation.html);
    if (!reference) throw new Error('no reference');
    seen.references.push(reference);
    seen.completed.set(reference, name);
  } catch {
    seen.abandoned += 1;
  } finally {
    seen.latencies.push(...visitor.timings);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

/** Each process answers every page once (templates compiled, connections open); nothing is sent. */
async function warmUp(processes: ServiceProcess[]): Promise<void> {
  for (const p of processes) {
    const visitor = new HttpVisitor(() => p.url);
    await reachRepairCheckAnswers(visitor, 'Warm Up');
    await visitor.get(`${REPAIR_FORM}/check-answers`);
  }
}

/** Runs the people against `processes` for SECONDS (at most MAX_JOURNEYS journeys). */
async function drive(processes: ServiceProcess[], killHalfWay: boolean): Promise<Seen> {
  const seen: Seen = {
    completed: new Map(),
    references: [],
    abandoned: 0,
    retried: 0,
    latencies: [],
    leaks: 0,
    lost: 0,
    seconds: 0,
  };
  let turn = 0;
  const route = () => {
    const alive = processes.filter((p) => p.child.exitCode === null && !p.child.signalCode);
    return (alive[turn++ % alive.length] ?? processes[0]!).url;
  };
  await warmUp(processes);
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  let begun = 0;
  const killer = killHalfWay
    ? setTimeout(() => processes[1]?.child.kill('SIGKILL'), (SECONDS * 1000) / 2)
    : undefined;
  await Promise.all(
    Array.from({ length: USERS }, async () => {
      while (Date.now() < deadline && begun < MAX_JOURNEYS) {
        begun += 1;
        await journey(route, seen);
      }
    }),
  );
  clearTimeout(killer);
  seen.seconds = (Date.now() - started) / 1000;
  return seen;
}

/** What the database holds against what people saw. */
async function audit(store: Store, seen: Seen): Promise<string> {
  const submissions = await store.inspect.count('submissions');
  const rows = await store.inspect.rows('submissions');
  const stored = new Set(rows.map((row) => String(row.reference)));
  const duplicates =
    rows.length - stored.size + (seen.references.length - new Set(seen.references).size);
  let wrongPerson = 0;
  for (const [reference, name] of seen.completed) {
    const submission = await store.journeys.findSubmission(reference);
    if (submission?.answers['tenant-name'] !== name) wrongPerson += 1;
  }
  return [
    `submissions ${submissions} / journeys completed ${seen.completed.size}`,
    `duplicate references ${duplicates}`,
    `answers seen in another session ${seen.leaks}`,
    `own answers missing ${seen.lost}`,
    `submissions under another person's reference ${wrongPerson}`,
    `abandoned ${seen.abandoned}, requests retried ${seen.retried}`,
  ].join('   ');
}

function report(label: string, seen: Seen): void {
  const sorted = [...seen.latencies].sort((a, b) => a - b);
  const { seconds } = seen;
  console.log(
    `${label.padEnd(40)} ${(seen.completed.size / seconds).toFixed(1).padStart(6)} journeys/s   ` +
      `${seen.completed.size} journeys, ${sorted.length} pages in ${seconds.toFixed(1)} s   ` +
      `page p50 ${percentile(sorted, 50).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms   ` +
      `load ${os.loadavg()[0]?.toFixed(1)}`,
  );
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const database = `civic_forms_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-bench-'));
  console.log(
    `${USERS} people at once, ${SECONDS} s or ${MAX_JOURNEYS} journeys per run, form ${REPAIR_FORM}, ` +
      `${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)} at the start`,
  );
  let schemaCount = 0;
  const schemaUrl = async () => {
    const url = new URL(SERVER);
    url.pathname = `/${database}`;
    const schema = `run_${(schemaCount += 1)}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  };
  const runs: Array<{ label: string; count: number; kill: boolean; sqlite: boolean }> = [
    { label: 'SQLite, 1 process', count: 1, kill: false, sqlite: true },
    { label: 'PostgreSQL, 1 process', count: 1, kill: false, sqlite: false },
    { label: 'PostgreSQL, 2 processes', count: 2, kill: false, sqlite: false },
    { label: 'PostgreSQL, 2 processes, 1 SIGKILLed', count: 2, kill: true, sqlite: false },
  ];
  try {
    for (const run of runs) {
      const env: Record<string, string> = {
        // As in production (templates cached), on plain HTTP to 127.0.0.1.
        NODE_ENV: 'production',
        SESSION_SECRET: randomBytes(24).toString('hex'),
        BASE_URL: 'http://127.0.0.1',
        SECURE_COOKIES: 'false',
        ...(run.sqlite ? { DATA_DIR: dataDir } : { DATABASE_URL: await schemaUrl() }),
      };
      const processes: ServiceProcess[] = [];
      try {
        for (let i = 0; i < run.count; i += 1) processes.push(await startService(env));
        const seen = await drive(processes, run.kill);
        report(run.label, seen);
        await Promise.all(processes.map((p) => p.stop()));
        const store = run.sqlite
          ? openSqliteStore({ file: path.join(dataDir, 'civic-forms.sqlite') })
          : await openPostgresStore({ connectionString: env.DATABASE_URL ?? '' });
        try {
          console.log(`${''.padEnd(40)} ${await audit(store, seen)}`);
        } finally {
          await store.close();
        }
      } finally {
        await Promise.all(processes.map((p) => p.stop()));
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
