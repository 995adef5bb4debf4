import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkUpload } from '../../src/uploads/check-upload';
import { parseClamdAddress } from '../../src/uploads/clamd-address';
import { createClamdScanner } from '../../src/uploads/clamd-scanner';
import type { ReceivedFile } from '../../src/uploads/parse-multipart';
import type { VirusScanner } from '../../src/uploads/virus-scanner';
import { EICAR, startClamd, type RunningClamd } from '../support/clamd';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'uploads');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const received = (name: string, bytes: Buffer, declaredType = 'application/pdf'): ReceivedFile => ({
  field: 'evidence',
  name,
  declaredType,
  bytes,
});
const DOCUMENTS = ['pdf', 'jpeg', 'png', 'heic'] as const;

describe('checkUpload', () => {
  let clamd: RunningClamd;
  let scanner: VirusScanner;

  beforeAll(async () => {
    clamd = await startClamd();
    scanner = createClamdScanner({ address: parseClamdAddress(clamd.socket) });
  }, 120_000);

  afterAll(async () => {
    await clamd?.stop();
  }, 60_000);

  it('accepts a clean file of a kind the question takes, with its kind, size and SHA-256', async () => {
    const bytes = fixture('damp-wall.heic');

    const checked = await checkUpload(
      received('IMG_0042.HEIC', bytes, 'image/heic'),
      DOCUMENTS,
      scanner,
    );

    expect(checked).toEqual({
      accepted: {
        field: 'evidence',
        name: 'IMG_0042.HEIC',
        kind: 'heic',
        mimeType: 'image/heic',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes,
      },
    });
  });

  it('refuses a PNG renamed payslip.pdf, declared a PDF, when the question takes only PDFs', async () => {
    const checked = await checkUpload(
      received('payslip.pdf', fixture('damp-wall.png')),
      ['pdf'],
      scanner,
    );

    expect(checked).toEqual({
      problem: { field: 'evidence', code: 'wrongType', name: 'payslip.pdf' },
    });
  });

  it('refuses a kind no form takes (a GIF)', async () => {
    const checked = await checkUpload(
      received('scan.gif', fixture('damp-wall.gif')),
      DOCUMENTS,
      scanner,
    );

    expect(checked).toEqual({
      problem: { field: 'evidence', code: 'wrongType', name: 'scan.gif' },
    });
  });

  it('refuses a PDF carrying the EICAR test file as infected', async () => {
    const infected = Buffer.concat([fixture('payslip.pdf'), EICAR]);

    const checked = await checkUpload(received('payslip.pdf', infected), DOCUMENTS, scanner);

    expect(checked).toEqual({
      problem: { field: 'evidence', code: 'infected', name: 'payslip.pdf' },
    });
  });

  it('refuses a file with "scanner down", never accepting it, when clamd does not answer', async () => {
    const nowhere = createClamdScanner({
      address: { socket: path.join(FIXTURES, 'no-clamd.sock') },
    });

    const checked = await checkUpload(
      received('payslip.pdf', fixture('payslip.pdf')),
      DOCUMENTS,
      nowhere,
    );

    expect(checked).toEqual({
      problem: { field: 'evidence', code: 'scannerDown', name: 'payslip.pdf' },
    });
  });
});
