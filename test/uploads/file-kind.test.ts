import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FILE_KINDS, SNIFF_BYTES, sniffFileKind } from '../../src/uploads/file-kind';
import { EICAR } from '../support/clamd';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'uploads');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

describe('sniffFileKind', () => {
  it.each([
    ['damp-wall.jpg', 'jpeg'],
    ['damp-wall.png', 'png'],
    ['payslip.pdf', 'pdf'],
    ['damp-wall.heic', 'heic'],
    ['damp-wall.webp', 'webp'],
  ])('knows %s (written by its real encoder) as %s', (name, kind) => {
    expect(sniffFileKind(fixture(name))).toBe(kind);
  });

  it('needs no more than the first SNIFF_BYTES bytes', () => {
    for (const name of ['damp-wall.jpg', 'payslip.pdf', 'damp-wall.heic', 'damp-wall.webp']) {
      const whole = sniffFileKind(fixture(name));
      expect(sniffFileKind(fixture(name).subarray(0, SNIFF_BYTES))).toBe(whole);
    }
  });

  it('goes by content, not by name: a PNG renamed payslip.pdf is a PNG', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sniff-'));
    const renamed = path.join(dir, 'payslip.pdf');
    fs.copyFileSync(path.join(FIXTURES, 'damp-wall.png'), renamed);
    try {
      expect(sniffFileKind(fs.readFileSync(renamed))).toBe('png');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['an AVIF picture (HEIF, but AV1-coded)', fixture('damp-wall.avif')],
    ['a GIF', fixture('damp-wall.gif')],
    ['the EICAR test file', EICAR],
    ['plain text', Buffer.from('Payslip: March, £1,234.56\n')],
    ['an HTML page', Buffer.from('<!doctype html><title>x</title>')],
    ['an empty file', Buffer.alloc(0)],
    ['a PDF header not at the start', Buffer.from('   %PDF-1.7\n')],
    ['an MP4 video', Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex')],
  ])('knows nothing of %s', (_what, bytes) => {
    expect(sniffFileKind(bytes)).toBeUndefined();
  });

  it('takes a HEIF file with an HEVC brand among its compatible brands as HEIC', () => {
    // ftyp box: size 24, major brand mif1, minor version 0, compatible brands mif1 heic.
    const header = Buffer.from('00000018667479706d69663100000000' + '6d69663168656963', 'hex');
    expect(sniffFileKind(header)).toBe('heic');
  });

  it('gives each kind its media type', () => {
    expect(FILE_KINDS.heic.mimeType).toBe('image/heic');
    expect(FILE_KINDS.jpeg.extension).toBe('jpg');
  });
});
