import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseClamdAddress } from '../../src/uploads/clamd-address';
import { createClamdScanner } from '../../src/uploads/clamd-scanner';
import { ScannerUnavailable } from '../../src/uploads/virus-scanner';
import { EICAR, EICAR_SIGNATURE, startClamd, type RunningClamd } from '../support/clamd';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'uploads');
const photo = fs.readFileSync(path.join(FIXTURES, 'damp-wall.png'));

describe('createClamdScanner', () => {
  let clamd: RunningClamd;

  beforeAll(async () => {
    clamd = await startClamd();
  }, 120_000);

  afterAll(async () => {
    await clamd?.stop();
  }, 60_000);

  it('finds the EICAR test file over TCP', async () => {
    const scanner = createClamdScanner({ address: parseClamdAddress(clamd.tcp) });
    await expect(scanner.scan(EICAR)).resolves.toEqual({ infected: EICAR_SIGNATURE });
  });

  it('finds the EICAR test file through the Unix socket, read from a stream', async () => {
    const scanner = createClamdScanner({ address: parseClamdAddress(clamd.socket) });
    await expect(scanner.scan(Readable.from([EICAR]))).resolves.toEqual({
      infected: EICAR_SIGNATURE,
    });
  });

  it('finds EICAR inside a larger file', async () => {
    const scanner = createClamdScanner({ address: parseClamdAddress(clamd.tcp) });
    const padded = Buffer.concat([photo, EICAR, Buffer.alloc(200_000, 0x20)]);
    await expect(scanner.scan(padded)).resolves.toEqual({ infected: EICAR_SIGNATURE });
  });

  it('says a real photo is clean', async () => {
    const scanner = createClamdScanner({ address: parseClamdAddress(clamd.tcp) });
    await expect(scanner.scan(photo)).resolves.toBe('clean');
    await expect(scanner.ping()).resolves.toBeUndefined();
  });

  it('scans many files at once, each with its own verdict', async () => {
    const scanner = createClamdScanner({ address: parseClamdAddress(clamd.socket) });
    const files = Array.from({ length: 8 }, (_, i) => (i % 2 ? EICAR : photo));
    const verdicts = await Promise.all(files.map((file) => scanner.scan(file)));
    expect(verdicts).toEqual(
      files.map((file) => (file === EICAR ? { infected: EICAR_SIGNATURE } : 'clean')),
    );
  });

  it('throws ScannerUnavailable when clamd refuses a stream longer than it accepts', async () => {
    const scanner = createClamdScanner({ address: parseClamdAddress(clamd.tcp) });
    // clamd here accepts 30 MB a stream (StreamMaxLength); it answers an error past that.
    const tooLong = Buffer.alloc(31 * 1024 * 1024, 0x41);
    await expect(scanner.scan(tooLong)).rejects.toBeInstanceOf(ScannerUnavailable);
  });
});

describe('createClamdScanner when clamd is not running', () => {
  let clamd: RunningClamd;

  beforeAll(async () => {
    clamd = await startClamd();
  }, 120_000);

  it('throws ScannerUnavailable, never "clean", once clamd has stopped', async () => {
    const overTcp = createClamdScanner({ address: parseClamdAddress(clamd.tcp) });
    const overSocket = createClamdScanner({ address: parseClamdAddress(clamd.socket) });
    await expect(overTcp.scan(photo)).resolves.toBe('clean');
    await expect(overSocket.scan(photo)).resolves.toBe('clean');

    await clamd.stop();

    const tcpError = await overTcp.scan(photo).catch((error: unknown) => error);
    expect(tcpError).toBeInstanceOf(ScannerUnavailable);
    expect((tcpError as Error).message).toContain(clamd.tcp);
    await expect(overSocket.scan(EICAR)).rejects.toBeInstanceOf(ScannerUnavailable);
    await expect(overTcp.ping()).rejects.toBeInstanceOf(ScannerUnavailable);
  }, 60_000);

  it('throws ScannerUnavailable for an address where nothing ever listened', async () => {
    const scanner = createClamdScanner({ address: { socket: '/nonexistent/clamd.ctl' } });
    await expect(scanner.scan(photo)).rejects.toBeInstanceOf(ScannerUnavailable);
  });
});
