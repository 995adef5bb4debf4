import {
  hashPassword,
  needsRehash,
  SCRYPT_PARAMETERS,
  verifyPassword,
} from '../../src/caseworker/password-hash';

const PASSWORD = 'tide-lantern-quarry-47';

describe('password-hash', () => {
  it('stores scrypt, its parameters, a salt and the key, and never the password', async () => {
    const stored = await hashPassword(PASSWORD);
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect({ scheme, n: Number(n), r: Number(r), p: Number(p) }).toEqual({
      scheme: 'scrypt',
      n: SCRYPT_PARAMETERS.N,
      r: SCRYPT_PARAMETERS.r,
      p: SCRYPT_PARAMETERS.p,
    });
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(stored).not.toContain(PASSWORD);
  });

  it('uses memory-hard parameters: at least 32 MiB (128 × N × r)', () => {
    expect(128 * SCRYPT_PARAMETERS.N * SCRYPT_PARAMETERS.r).toBeGreaterThanOrEqual(32 * 2 ** 20);
  });

  it('gives each hash its own salt, so the same password hashes differently', async () => {
    const [first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(first).not.toBe(second);
    expect(await verifyPassword(PASSWORD, first)).toBe(true);
    expect(await verifyPassword(PASSWORD, second)).toBe(true);
  });

  it('refuses a wrong password, a different case and a malformed hash', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword('tide-lantern-quarry-48', stored)).toBe(false);
    expect(await verifyPassword(PASSWORD.toUpperCase(), stored)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'md5$5f4dcc3b5aa765d61d8327deb882cf99')).toBe(false);
    expect(await verifyPassword(PASSWORD, 'scrypt$x$8$1$c2FsdA==$a2V5')).toBe(false);
  });

  it('checks a hash made with older, weaker parameters, and says it should be remade', async () => {
    const weak = await hashPassword(PASSWORD, { N: 2 ** 12, r: 8, p: 1 });
    expect(await verifyPassword(PASSWORD, weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
  });
});
