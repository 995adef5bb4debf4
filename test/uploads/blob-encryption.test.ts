import { randomBytes } from 'node:crypto';
import { openBlob, parseEncryptionKey, sealBlob } from '../../src/uploads/blob-encryption';
import { BlobUnreadable } from '../../src/uploads/blob-store';

const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);
const PAYSLIP = Buffer.from('Amara Okafor, payslip for March: £1,234.56, NI number QQ123456C');

function unreadable(fn: () => unknown): BlobUnreadable['reason'] | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof BlobUnreadable) return error.reason;
    throw error;
  }
  return undefined;
}

describe('sealBlob and openBlob', () => {
  it('give back the bytes sealed', () => {
    const sealed = sealBlob('blob-0001', PAYSLIP, { current: KEY_A });
    expect(openBlob('blob-0001', sealed, { current: KEY_A })).toEqual(PAYSLIP);
  });

  it('seal the same bytes differently each time (a random nonce per file)', () => {
    const one = sealBlob('blob-0001', PAYSLIP, { current: KEY_A });
    const two = sealBlob('blob-0001', PAYSLIP, { current: KEY_A });
    expect(one.equals(two)).toBe(false);
    expect(one.includes(PAYSLIP.subarray(0, 12))).toBe(false);
  });

  it('refuse a sealed blob with any byte changed', () => {
    const sealed = sealBlob('blob-0001', PAYSLIP, { current: KEY_A });
    for (const at of [20, 30, sealed.length - 1]) {
      const altered = Buffer.from(sealed);
      altered[at] = (altered[at] ?? 0) ^ 0x01;
      expect(unreadable(() => openBlob('blob-0001', altered, { current: KEY_A }))).toBe('tampered');
    }
  });

  it('refuse a sealed blob read under another blob key (a file moved or swapped)', () => {
    const sealed = sealBlob('blob-0001', PAYSLIP, { current: KEY_A });
    expect(unreadable(() => openBlob('blob-0002', sealed, { current: KEY_A }))).toBe('tampered');
  });

  it('read a blob sealed with a previous key after rotation, and seal new ones with the new key', () => {
    const old = sealBlob('blob-0001', PAYSLIP, { current: KEY_A });
    const rotated = { current: KEY_B, previous: [KEY_A] };

    expect(openBlob('blob-0001', old, rotated)).toEqual(PAYSLIP);
    const resealed = sealBlob('blob-0001', openBlob('blob-0001', old, rotated), rotated);
    expect(openBlob('blob-0001', resealed, { current: KEY_B })).toEqual(PAYSLIP);
    expect(unreadable(() => openBlob('blob-0001', resealed, { current: KEY_A }))).toBe(
      'unknownKey',
    );
  });

  it('say a blob sealed with a key no longer in the keyring cannot be read', () => {
    const sealed = sealBlob('blob-0001', PAYSLIP, { current: KEY_A });
    expect(unreadable(() => openBlob('blob-0001', sealed, { current: KEY_B }))).toBe('unknownKey');
  });

  it('say a file that was never sealed is not a blob', () => {
    expect(unreadable(() => openBlob('blob-0001', PAYSLIP, { current: KEY_A }))).toBe('notSealed');
  });
});

describe('parseEncryptionKey', () => {
  it('reads 32 bytes of base64', () => {
    const text = KEY_A.toString('base64');
    expect(parseEncryptionKey(` ${text}\n`, 'FILE_ENCRYPTION_KEY')).toEqual(KEY_A);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64'), 'found 16 bytes'],
    ['hex, not base64', randomBytes(32).toString('hex'), 'found 48 bytes'],
    ['not base64 at all', 'correct horse battery staple', 'found'],
  ])('refuses a key %s, saying how to make one', (_what, text, found) => {
    expect(() => parseEncryptionKey(text, 'FILE_ENCRYPTION_KEY')).toThrow(
      'FILE_ENCRYPTION_KEY: expected 32 random bytes in base64 (make one with: openssl rand -base64 32)',
    );
    expect(() => parseEncryptionKey(text, 'FILE_ENCRYPTION_KEY')).toThrow(found);
  });
});
