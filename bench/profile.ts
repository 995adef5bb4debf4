/**
 * Where a question page's time goes: starts the built service under `node --cpu-prof` on one core,
 * drives GET of a question page (or POST of a valid answer) with autocannon as `npm run bench`
 * does, and prints the top of the profile by self time, by function and by module.
 *
 *   npm run bench:profile              # GET and POST on SQLite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:profile
 *   BENCH_ENCODING='br, gzip' npm run bench:profile   # a browser's Accept-Encoding on the GET
 *   BENCH_REQUESTS=20000 BENCH_TOP=30 BENCH_PROFILE_DIR=/tmp npm run bench:profile
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  autocannonRun,
  BASE,
  benchSession,
  FORM,
  pinBenchToOtherCore,
  ROOT,
  startBenchService,
  stopBenchService,
} from './bench-service';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const TOP = Number(process.env.BENCH_TOP ?? 25);
/** The GET's Accept-Encoding (none by default): `BENCH_ENCODING='br, gzip'` profiles brotli. */
const ENCODING = process.env.BENCH_ENCODING ?? '';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: a package, a file of ours, node's own code, or V8's pseudo-frames. */
function moduleOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const file = url.replace(/^file:\/\//, '');
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (inPackage) return inPackage[1] as string;
  if (file.startsWith('node:')) return file;
  return path.relative(ROOT, file);
}

/**
 * Self time by key, as shares of all time sampled under load (idle and start-up left out: V8's
 * sample times and `process.hrtime` read the same monotonic clock, in microseconds here).
 */
function top(
  profile: Profile,
  loadStartedUs: number,
  keyOf: (node: ProfileNode) => string,
): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let all = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    const node = byId.get(id);
    if (at < loadStartedUs || !node || node.callFrame.functionName === '(idle)') return;
    all += delta;
    const key = keyOf(node);
    totals.set(key, (totals.get(key) ?? 0) + delta);
  });
  return [...totals.entries()]
    .map(([key, t]): [string, number] => [key, t / all])
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP);
}

function print(title: string, rows: Array<[string, number]>): void {
  console.log(`\n${title}`);
  for (const [key, share] of rows)
    console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${key}`);
}

async function profileOne(kind: 'GET' | 'POST', env: Record<string, string>): Promise<void> {
  // BENCH_PROFILE_DIR keeps the .cpuprofile files (Chrome's DevTools opens them).
  const kept = process.env.BENCH_PROFILE_DIR;
  const dir = kept
    ? fs.mkdtempSync(path.join(kept, `${kind.toLowerCase()}-`))
    : fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-profile-'));
  const server = await startBenchService(env, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  let loadStartedUs = 0;
  try {
    const { cookie, csrf } = await benchSession();
    loadStartedUs = Number(process.hrtime.bigint() / 1000n);
    const result = await autocannonRun({
      url: `${BASE}/${FORM}/full-name`,
      connections: 10,
      amount: REQUESTS,
      ...(kind === 'GET'
        ? { headers: { cookie, ...(ENCODING && { 'accept-encoding': ENCODING }) } }
        : {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ _csrf: csrf, 'full-name': 'Amara Okafor' }).toString(),
          }),
    });
    console.log(
      `\n${kind} ${FORM}/full-name: ${result.requests.total} requests, ${result.errors} errors, ${result.non2xx} not 2xx`,
    );
  } finally {
    await stopBenchService(server);
  }
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;
  const where = (n: ProfileNode) => moduleOf(n.callFrame.url, n.callFrame.functionName);
  print(
    `${kind}: self time by function`,
    top(
      profile,
      loadStartedUs,
      (n) =>
        `${n.callFrame.functionName || '(anonymous)'}  ${where(n)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`,
    ),
  );
  print(`${kind}: self time by module`, top(profile, loadStartedUs, where));
  if (kept) console.log(`\nprofile kept: ${path.join(dir, file)}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  pinBenchToOtherCore();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js')) || process.env.BENCH_BUILD !== '0') {
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-profile-data-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ...(process.env.BENCH_DATABASE_URL && { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
  };
  try {
    for (const kind of ['GET', 'POST'] as const) await profileOne(kind, env);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
