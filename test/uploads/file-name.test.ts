import { cleanFileName } from '../../src/uploads/file-name';

describe('cleanFileName', () => {
  it('keeps a name as the user chose it', () => {
    expect(cleanFileName('Tŷ — wal laith.jpg')).toBe('Tŷ — wal laith.jpg');
    expect(cleanFileName('كشف الراتب.pdf')).toBe('كشف الراتب.pdf');
  });

  it('keeps only the last part of a path some browsers send', () => {
    expect(cleanFileName('C:\\Users\\amara\\Documents\\payslip.pdf')).toBe('payslip.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('drops the direction overrides that disguise an extension, and control characters', () => {
    // With the override in it, "payslip<U+202E>fdp.exe" reads "payslipexe.pdf" on screen.
    expect(cleanFileName('payslip\u202efdp.exe')).toBe('payslipfdp.exe');
    expect(cleanFileName('pay\u0000slip\r\n.pdf')).toBe('payslip.pdf');
  });

  it('collapses spaces and trims', () => {
    expect(cleanFileName('  damp   wall .jpg ')).toBe('damp wall .jpg');
  });

  it('shortens a very long name to 120 characters, keeping its extension', () => {
    const cleaned = cleanFileName(`${'ب'.repeat(300)}.heic`);
    expect([...cleaned]).toHaveLength(120);
    expect(cleaned.endsWith('ببب.heic')).toBe(true);
  });

  it('gives an empty name for a part without one', () => {
    expect(cleanFileName('')).toBe('');
    expect(cleanFileName('\u202e')).toBe('');
  });
});
