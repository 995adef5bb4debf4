/**
 * A real ClamAV daemon for the tests: clamd from Debian's clamav-daemon, on 127.0.0.1 and a Unix
 * socket in a temporary folder, with a signature database of one body signature for the EICAR test
 * file, written by ClamAV's own sigtool (no signature download is possible here, none is needed).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The EICAR anti-virus test file, from two halves so that this source file is not itself one. */
export const EICAR = Buffer.from(
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*',
);

/** The name clamd gives the EICAR file with the database below. */
export const EICAR_SIGNATURE = 'Civic-Forms.Test.EICAR.UNOFFICIAL';

const CLAMD = fs.existsSync('/usr/sbin/clamd') ? '/usr/sbin/clamd' : 'clamd';
const READY_WITHIN_MS = 90_000;

export interface RunningClamd {
  /** `127.0.0.1:port`, as CLAMD_ADDRESS is written. */
  tcp: string;
  /** The Unix socket's path. */
  socket: string;
  /** Stops clamd (SIGTERM, then waits for it to exit) and removes its folder. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function pong(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const client = net.createConnection({ path: socket });
    let reply = '';
    client.on('data', (chunk) => (reply += chunk.toString()));
    client.on('error', () => resolve(false));
    client.on('close', () => resolve(reply.includes('PONG')));
    client.on('connect', () => client.end('zPING\0'));
  });
}

function writeDatabase(dir: string): string {
  const db = path.join(dir, 'db');
  fs.mkdirSync(db);
  const hex = execFileSync('sigtool', ['--hex-dump'], { input: EICAR }).toString().trim();
  // Body signature: name, target 0 (any file), offset * (anywhere), the bytes in hex.
  fs.writeFileSync(path.join(db, 'civic-forms-test.ndb'), `Civic-Forms.Test.EICAR:0:*:${hex}\n`);
  return db;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function startOnce(dir: string, db: string): Promise<RunningClamd | string> {
  const port = await freePort();
  const socket = path.join(dir, 'clamd.sock');
  const log = path.join(dir, 'clamd.log');
  const conf = path.join(dir, 'clamd.conf');
  fs.writeFileSync(
    conf,
    [
      'Foreground yes',
      `DatabaseDirectory ${db}`,
      `LocalSocket ${socket}`,
      'TCPAddr 127.0.0.1',
      `TCPSocket ${port}`,
      `LogFile ${log}`,
      'MaxThreads 2',
      'StreamMaxLength 30M',
      // A file past clamd's size limits is reported, not passed as clean.
      'AlertExceedsMax yes',
    ].join('\n'),
  );
  const child = spawn(CLAMD, [`--config-file=${conf}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    if (fs.existsSync(socket) && (await pong(socket))) {
      return {
        tcp: `127.0.0.1:${port}`,
        socket,
        async stop() {
          child.kill('SIGTERM');
          await exited(child);
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  await exited(child);
  const logged = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  return `${stderr}\n${logged}`.trim() || `no answer within ${READY_WITHIN_MS} ms`;
}

/** Starts clamd and resolves once it answers PING; a port taken in between is retried. */
export async function startClamd(): Promise<RunningClamd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-clamd-'));
  const db = writeDatabase(dir);
  let failure = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const started = await startOnce(dir, db);
    if (typeof started !== 'string') {
      return {
        ...started,
        async stop() {
          await started.stop();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    failure = started;
    fs.rmSync(path.join(dir, 'clamd.log'), { force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  throw new Error(`clamd did not start:\n${failure}`);
}
