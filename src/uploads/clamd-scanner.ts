import { Readable } from 'node:stream';
import NodeClam from 'clamscan';
import type { ClamdAddress } from './clamd-address';
import { ScannerUnavailable, type ScanVerdict, type VirusScanner } from './virus-scanner';

export interface ClamdScannerOptions {
  address: ClamdAddress;
  /** Milliseconds without an answer from clamd before the scan is given up (30 s unless set). */
  timeoutMs?: number;
}

function shown(address: ClamdAddress): string {
  return 'socket' in address ? address.socket : `${address.host}:${address.port}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A `VirusScanner` that streams each file to ClamAV's daemon (`INSTREAM`) through the clamscan
 * package, over TCP or a Unix socket. Nothing is spawned: clamscan's local binaries are switched off.
 *
 * @example
 *   const scanner = createClamdScanner({ address: parseClamdAddress('127.0.0.1:3310') });
 */
export function createClamdScanner(options: ClamdScannerOptions): VirusScanner {
  const { address, timeoutMs = 30_000 } = options;
  const where = shown(address);
  let client: Promise<NodeClam> | undefined;

  // init() is lazy and retried after a failure, so the service can start before clamd does.
  const connect = (): Promise<NodeClam> => {
    client ??= new NodeClam()
      .init({
        preference: 'clamdscan',
        clamscan: { active: false },
        clamdscan: {
          ...('socket' in address
            ? { socket: address.socket }
            : { host: address.host, port: address.port }),
          timeout: timeoutMs,
          // No path: clamscan would otherwise run `clamdscan --version` to look for a local fallback.
          path: null as unknown as string,
          localFallback: false,
          bypassTest: true,
          active: true,
        },
      })
      .catch((error: unknown) => {
        client = undefined;
        throw error;
      });
    return client;
  };

  return {
    async scan(file): Promise<ScanVerdict> {
      // clamscan sends nothing but the end marker for an empty stream, which clamd calls an unknown
      // command: there is nothing in an empty file to scan.
      if (Buffer.isBuffer(file) && file.length === 0) return 'clean';
      const stream = Buffer.isBuffer(file) ? Readable.from([file]) : file;
      let result: { isInfected: boolean | null; viruses: string[] };
      try {
        result = await (await connect()).scanStream(stream);
      } catch (error) {
        throw new ScannerUnavailable(`clamd at ${where} gave no verdict: ${reason(error)}`, {
          cause: error,
        });
      }
      if (result.isInfected === false) return 'clean';
      if (result.isInfected === true) return { infected: result.viruses[0] ?? 'unnamed' };
      // clamscan answers `isInfected: null` for a reply it cannot read (a timeout, an error line).
      throw new ScannerUnavailable(`clamd at ${where} gave no verdict (an unreadable reply)`);
    },

    async ping(): Promise<void> {
      try {
        const socket = await (await connect()).ping();
        socket.end();
      } catch (error) {
        throw new ScannerUnavailable(`clamd at ${where} does not answer: ${reason(error)}`, {
          cause: error,
        });
      }
    },
  };
}
