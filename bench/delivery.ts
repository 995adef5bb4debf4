/**
 * Deliveries per second and the lag from submit to delivered (p50, p99), on SQLite and on
 * PostgreSQL, with a local webhook receiver that is healthy and one that fails half its requests.
 * Submissions go through the outbox as the service writes them, while one delivery worker runs in
 * the same process (as inside `npm start`). For the failing receiver the retry schedule starts at
 * 100 ms (the service's default is 30 s), so the run ends in seconds: the figures show the worker's
 * cost of a retry, not the schedule's waits.
 *
 *   npm run bench:delivery
 *   BENCH_SUBMISSIONS=1000 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:delivery
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { DestinationsConfig } from '../src/delivery/destination';
import { submitWithDeliveries } from '../src/delivery/outbox';
import { createDeliveryWorker } from '../src/delivery/worker';
import { loadForms } from '../src/definition/load';
import { openPostgresStore } from '../src/store/postgres-store';
import { openSqliteStore } from '../src/store/sqlite-store';
import type { Store } from '../src/store/store';
import { createI18n } from '../src/web/i18n';
import { amaraAnswers } from '../test/fixtures/amara-draft';

const ROOT = path.resolve(__dirname, '..');
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 300);
const POSTGRES = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

/** A receiver on 127.0.0.1 that answers 204, or 500 to every other request when `failing`. */
async function receiver(failing: boolean): Promise<{ url: string; close(): Promise<void> }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count += 1;
      res.writeHead(failing && count % 2 === 0 ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function openBenchStore(kind: 'sqlite' | 'postgres'): Promise<[Store, () => Promise<void>]> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-bench-'));
    const store = openSqliteStore({ file: path.join(dir, 'civic-forms.sqlite') });
    return [store, async () => fs.rmSync(dir, { recursive: true, force: true })];
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(POSTGRES);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const store = await openPostgresStore({ connectionString: url.toString() });
  return [
    store,
    async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(kind: 'sqlite' | 'postgres', failing: boolean): Promise<string> {
  const hook = await receiver(failing);
  const [store, drop] = await openBenchStore(kind);
  const permit = loadForms(path.join(ROOT, 'test', 'fixtures', 'forms')).get('parking-permit');
  if (!permit) throw new Error('no parking-permit fixture');
  const form = { ...permit, destinations: ['bench-webhook'] };
  const config: DestinationsConfig = {
    destinations: new Map([
      [
        'bench-webhook',
        {
          id: 'bench-webhook',
          type: 'webhook',
          url: hook.url,
          secret: SECRET,
          includePdf: false,
          timeoutMs: 5_000,
        },
      ],
    ]),
    retry: { firstDelayMs: 100, maxDelayMs: 1_000, giveUpAfterMs: 24 * 3_600_000 },
  };
  const worker = createDeliveryWorker({
    store,
    forms: new Map([[form.id, form]]),
    destinations: config,
    i18n: createI18n(),
    pollMs: 20,
    batchSize: 20,
    logger: pino({ level: 'silent' }),
  });
  worker.start();
  const started = Date.now();
  try {
    for (let i = 0; i < SUBMISSIONS; i++) {
      const now = Date.now();
      await submitWithDeliveries(store, config, form, {
        draft: {
          id: randomUUID(),
          formId: form.id,
          formVersion: form.version,
          answers: amaraAnswers,
          done: [],
          language: 'en',
          channel: 'online',
          createdAt: now,
          updatedAt: now,
        },
        answers: amaraAnswers,
        at: now,
      });
    }
    for (;;) {
      const counts = await store.deliveries.counts();
      if (counts.delivered === SUBMISSIONS) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const finished = Date.now();
    const rows = await store.inspect.rows('deliveries');
    const submitted = new Map(
      (await store.inspect.rows('submissions')).map((s) => [s.reference, Number(s.submitted_at)]),
    );
    const lags = rows
      .map((r) => Number(r.delivered_at) - (submitted.get(r.reference) ?? NaN))
      .sort((a, b) => a - b);
    const perSecond = (SUBMISSIONS / ((finished - started) / 1000)).toFixed(0);
    return `${kind.padEnd(8)}  ${(failing ? 'fails half' : 'healthy').padEnd(10)}  ${perSecond.padStart(6)}/s  p50 ${percentile(lags, 50)} ms  p99 ${percentile(lags, 99)} ms`;
  } finally {
    await worker.stop();
    await store.close();
    await drop();
    await hook.close();
  }
}

async function main(): Promise<void> {
  console.log(`${SUBMISSIONS} submissions, one webhook destination, one worker in the process`);
  console.log('database  receiver    delivered    lag from submit to delivered');
  for (const kind of ['sqlite', 'postgres'] as const) {
    for (const failing of [false, true]) {
      try {
        console.log(await run(kind, failing));
      } catch (error) {
        console.log(`${kind}: not measured (${(error as Error).message})`);
      }
    }
  }
}

void main();
