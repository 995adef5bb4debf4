import { hashSecret, normaliseSecret, secretMatches } from '../../src/resume/saved-secret';

describe('saved-secret', () => {
  it('compares memorable words without regard to capitals or spacing', () => {
    expect(normaliseSecret({ kind: 'memorable-word', value: '  Blue   HERON ' })).toBe(
      normaliseSecret({ kind: 'memorable-word', value: 'blue heron' }),
    );
  });

  it('hashes with a salt of its own, so the same secret never gives the same hash twice', async () => {
    const secret = { kind: 'date-of-birth' as const, value: '1985-03-27' };
    const [one, two] = await Promise.all([hashSecret(secret), hashSecret(secret)]);
    expect(one.salt).not.toBe(two.salt);
    expect(one.hash).not.toBe(two.hash);
    expect(JSON.stringify(one)).not.toContain('1985');
  });

  it('matches the secret given at saving, and nothing else', async () => {
    const stored = await hashSecret({ kind: 'memorable-word', value: 'Blue Heron' });
    expect(await secretMatches({ kind: 'memorable-word', value: 'blue  heron' }, stored)).toBe(
      true,
    );
    expect(await secretMatches({ kind: 'memorable-word', value: 'grey heron' }, stored)).toBe(
      false,
    );
    // The same characters as another kind of secret do not match.
    expect(await secretMatches({ kind: 'date-of-birth', value: 'blue heron' }, stored)).toBe(false);
  });
});
