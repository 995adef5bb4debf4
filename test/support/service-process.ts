import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** A port nobody listens on now: the system's pick for port 0, released at once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A running `civic-forms` server process (the real `src/server.ts`, run by tsx). */
export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  /** Everything it printed so far, standard output and error together. */
  output(): string;
  /** Resolves when it printed a line matching `pattern` (already printed counts). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with its exit code or signal once it has ended. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** SIGTERM, then SIGKILL if it has not ended in 10 s; resolves once it has. */
  stop(): Promise<void>;
}

/**
 * Starts the service as `npm start` would (tsx instead of a build, the same code) with `env` added
 * to the environment, on a free port of 127.0.0.1, and resolves once it says it is serving.
 */
export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      FORMS_DIR: 'forms',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const listeners = new Set<() => void>();
  const take = (chunk: Buffer) => {
    printed += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve(signal ?? code);
      for (const listener of listeners) listener();
    }),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(printed);
        if (match) {
          done();
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`the service ended before printing ${pattern}:\n${printed}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the service did not print ${pattern} in time:\n${printed}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
  };
  try {
    await waitFor(/civic-forms is serving/);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => printed,
    waitFor,
    exited,
    stop,
  };
}
