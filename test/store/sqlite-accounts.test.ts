import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { tempDataDir } from '../support/agent';

// The store keeps whatever hash it is given; hashing is tested in test/caseworker/password-hash.
const HASH = 'scrypt$32768$8$3$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=';
const POLICY = { limit: 3, windowMs: 60_000, lockMs: 300_000 };
const NOW = Date.parse('2025-06-16T09:00:00Z');

describe('sqlite-accounts', () => {
  let file: string;
  let store: Store;
  beforeEach(() => {
    file = path.join(tempDataDir(), 'civic-forms.sqlite');
    store = openSqliteStore({ file });
  });
  afterEach(() => store.close());

  const addSian = () =>
    store.staff.addUser({
      username: 'sian.evans',
      displayName: 'Siân Evans',
      role: 'caseworker',
      passwordHash: HASH,
    });

  it('adds an account with an id and times, and shows it without its hash', async () => {
    const user = await addSian();
    expect(user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      username: 'sian.evans',
      displayName: 'Siân Evans',
      role: 'caseworker',
      disabled: false,
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
    });
    expect(await store.staff.listUsers()).toEqual([user]);
    expect(await store.staff.findUserById(user?.id ?? '')).toEqual(user);
    expect(await store.staff.findUser('sian.evans')).toEqual({ ...user, passwordHash: HASH });
  });

  it('treats usernames in any case as the same account', async () => {
    await addSian();
    expect(
      await store.staff.addUser({
        username: 'SIAN.EVANS',
        displayName: 'Someone else',
        role: 'service-team',
        passwordHash: HASH,
      }),
    ).toBeUndefined();
    expect((await store.staff.findUser('Sian.Evans'))?.displayName).toBe('Siân Evans');
    expect(await store.staff.listUsers()).toHaveLength(1);
  });

  it('disables and enables an account, and says when there is no such account', async () => {
    await addSian();
    expect(await store.staff.setUserDisabled('sian.evans', true)).toBe(true);
    expect((await store.staff.findUser('sian.evans'))?.disabled).toBe(true);
    expect(await store.staff.setUserDisabled('sian.evans', false)).toBe(true);
    expect((await store.staff.findUser('sian.evans'))?.disabled).toBe(false);
    expect(await store.staff.setUserDisabled('nobody', true)).toBe(false);
  });

  it('replaces a password hash', async () => {
    const user = await addSian();
    await store.staff.setPasswordHash(user?.id ?? '', `${HASH}x`);
    expect((await store.staff.findUser('sian.evans'))?.passwordHash).toBe(`${HASH}x`);
  });

  it('locks a key at the limit of failures within the window, for the lock time', async () => {
    expect(await store.staff.recordSignInFailure('user:sian.evans', NOW, POLICY)).toBe(0);
    expect(await store.staff.recordSignInFailure('user:sian.evans', NOW + 1000, POLICY)).toBe(0);
    expect(await store.staff.signInLockedUntil(['user:sian.evans'], NOW + 2000)).toBe(0);
    const until = await store.staff.recordSignInFailure('user:sian.evans', NOW + 2000, POLICY);
    expect(until).toBe(NOW + 2000 + POLICY.lockMs);
    expect(
      await store.staff.signInLockedUntil(['ip:10.0.0.7', 'user:sian.evans'], NOW + 3000),
    ).toBe(until);
    expect(await store.staff.signInLockedUntil(['user:sian.evans'], until)).toBe(0);
    expect(await store.staff.signInLockedUntil(['user:someone.else'], NOW + 3000)).toBe(0);
  });

  it('forgets failures older than the window', async () => {
    await store.staff.recordSignInFailure('user:sian.evans', NOW, POLICY);
    await store.staff.recordSignInFailure('user:sian.evans', NOW + 1000, POLICY);
    const later = NOW + POLICY.windowMs + 1;
    expect(await store.staff.recordSignInFailure('user:sian.evans', later, POLICY)).toBe(0);
    expect(await store.staff.recordSignInFailure('user:sian.evans', later + 1, POLICY)).toBe(0);
  });

  it('clears a key after a successful sign-in', async () => {
    await store.staff.recordSignInFailure('user:sian.evans', NOW, POLICY);
    await store.staff.recordSignInFailure('user:sian.evans', NOW, POLICY);
    await store.staff.clearSignInFailures('user:sian.evans');
    expect(await store.staff.recordSignInFailure('user:sian.evans', NOW, POLICY)).toBe(0);
  });

  it('counts failures from two processes on the same database together', async () => {
    const other = openSqliteStore({ file });
    try {
      await store.staff.recordSignInFailure('ip:10.0.0.7', NOW, POLICY);
      await other.staff.recordSignInFailure('ip:10.0.0.7', NOW, POLICY);
      const until = await store.staff.recordSignInFailure('ip:10.0.0.7', NOW, POLICY);
      expect(until).toBeGreaterThan(NOW);
      expect(await other.staff.signInLockedUntil(['ip:10.0.0.7'], NOW)).toBe(until);
    } finally {
      await other.close();
    }
  });
});
