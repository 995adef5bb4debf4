import {
  createSignInThrottle,
  forgetOldSignInFailures,
  SIGN_IN_THROTTLE_DEFAULTS,
} from '../../../src/caseworker/sign-in-throttle';
import { purgeNow } from '../../../src/resume/purge-job';
import type { Role } from '../../../src/store/accounts';
import type { NewAuditEvent } from '../../../src/store/audit-events';
import type { Store } from '../../../src/store/store';
import { DATABASES, newTestLocation, openStoreAt, type TestLocation } from '../support/databases';
import { runRawSql } from '../support/raw-sql';

// The store keeps whatever hash it is given; hashing is tested in test/caseworker/password-hash.
const HASH = 'scrypt$32768$8$3$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=';
const POLICY = { limit: 3, windowMs: 60_000, lockMs: 300_000 };
const NOW = Date.parse('2025-06-16T09:00:00Z');
const MINUTE = 60_000;
const RESUME_EXPIRY = 7 * 24 * 60 * MINUTE;
const LATER = Date.now() + 60_000;

function event(at: string, fields: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    at: Date.parse(at),
    actorId: '0c5e2f57-3c1a-4f4e-9a0d-6c1b2d3e4f50',
    actorUsername: 'sian.evans',
    action: 'view-submission',
    target: 'K7QM-3XPD-9C',
    detail: undefined,
    clientIp: '10.0.0.7',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
    agency: 'northbrook-council',
    ...fields,
  };
}

describe.each(DATABASES)('store contract on %s: staff', (kind) => {
  let location: TestLocation;
  let store: Store;
  beforeEach(async () => {
    location = await newTestLocation(kind);
    store = await openStoreAt(location);
  }, 60_000);
  afterEach(() => store.close());

  const add = (
    username: string,
    role: Role = 'caseworker',
    displayName = 'Siân Evans',
    agency = 'northbrook-council',
  ) => store.staff.addUser({ username, displayName, role, agency, passwordHash: HASH });

  describe('accounts', () => {
    it('adds an account with an id and times, and shows it without its hash', async () => {
      const user = await add('sian.evans');
      expect(user).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        username: 'sian.evans',
        displayName: 'Siân Evans',
        role: 'caseworker',
        agency: 'northbrook-council',
        disabled: false,
        createdAt: expect.any(Number),
        updatedAt: expect.any(Number),
      });
      expect(await store.staff.listUsers()).toEqual([user]);
      expect(await store.staff.findUserById(user?.id ?? '')).toEqual(user);
      expect(await store.staff.findUser('sian.evans')).toEqual({ ...user, passwordHash: HASH });
    });

    it('treats usernames in any case as the same account', async () => {
      await add('sian.evans');
      expect(await add('SIAN.EVANS', 'service-team', 'Someone else')).toBeUndefined();
      expect((await store.staff.findUser('Sian.Evans'))?.displayName).toBe('Siân Evans');
      expect(await store.staff.listUsers()).toHaveLength(1);
    });

    it('adds one account when the same username in several cases is added at once', async () => {
      const added = await Promise.all(
        ['priya.shah', 'PRIYA.SHAH', 'Priya.Shah', 'priya.SHAH'].map((name) => add(name)),
      );
      expect(added.filter((user) => user !== undefined)).toHaveLength(1);
      expect(await store.inspect.count('users')).toBe(1);
    });

    it('refuses a username in another case even from SQL straight on the database', async () => {
      await add('sian.evans');
      const insert = `INSERT INTO users (id, username, display_name, role, password_hash, disabled,
        created_at, updated_at) VALUES ('u-2', 'Sian.Evans', 'Someone else', 'caseworker', 'x', 0, 1, 1)`;
      await expect(runRawSql(location, insert)).rejects.toMatchObject({
        message: expect.stringMatching(/unique/i),
      });
      expect(await store.inspect.count('users')).toBe(1);
    });

    it('lists accounts by username', async () => {
      await add('tomasz.nowak');
      await add('amara.okafor');
      await add('sian.evans');
      expect((await store.staff.listUsers()).map((user) => user.username)).toEqual([
        'amara.okafor',
        'sian.evans',
        'tomasz.nowak',
      ]);
    });

    it("lists one agency's accounts, and moves an account to another agency", async () => {
      await add('tomasz.nowak', 'caseworker', 'Tomasz Nowak', 'northbrook-housing');
      await add('amara.okafor', 'agency-admin', 'Amara Okafor', 'northbrook-housing');
      await add('sian.evans');
      const housing = await store.staff.listUsers('northbrook-housing');
      expect(housing.map((u) => [u.username, u.role, u.agency])).toEqual([
        ['amara.okafor', 'agency-admin', 'northbrook-housing'],
        ['tomasz.nowak', 'caseworker', 'northbrook-housing'],
      ]);
      expect(await store.staff.setUserAgency('Sian.Evans', 'northbrook-housing')).toBe(true);
      expect((await store.staff.findUser('sian.evans'))?.agency).toBe('northbrook-housing');
      expect(await store.staff.listUsers('northbrook-council')).toEqual([]);
      expect(await store.staff.setUserAgency('nobody', 'northbrook-housing')).toBe(false);
    });

    it('disables and enables an account, and says when there is no such account', async () => {
      await add('sian.evans');
      expect(await store.staff.setUserDisabled('sian.evans', true)).toBe(true);
      expect((await store.staff.findUser('sian.evans'))?.disabled).toBe(true);
      expect(await store.staff.setUserDisabled('sian.evans', false)).toBe(true);
      expect((await store.staff.findUser('sian.evans'))?.disabled).toBe(false);
      expect(await store.staff.setUserDisabled('nobody', true)).toBe(false);
    });

    it('replaces a password hash', async () => {
      const user = await add('sian.evans');
      await store.staff.setPasswordHash(user?.id ?? '', `${HASH}x`);
      expect((await store.staff.findUser('sian.evans'))?.passwordHash).toBe(`${HASH}x`);
    });

    it('changes the role of an account found in any case, and nothing else', async () => {
      const sian = await add('sian.evans');
      await add('priya.shah', 'service-team');
      expect(await store.staff.setUserRole('Sian.Evans', 'service-team')).toBe(true);
      expect(await store.staff.findUserById(sian?.id ?? '')).toMatchObject({
        username: 'sian.evans',
        role: 'service-team',
        disabled: false,
      });
      expect((await store.staff.findUser('priya.shah'))?.role).toBe('service-team');
      expect(await store.staff.setUserRole('nobody', 'caseworker')).toBe(false);
      // The table refuses a role the service does not know, whoever writes it, as a mistake in the
      // statement (not the database being unavailable).
      const refused = await store.staff.setUserRole('sian.evans', 'admin' as Role).then(
        () => ({ message: 'accepted', code: undefined }),
        (error: { message: string; code?: unknown }) => error,
      );
      expect(refused.message).toMatch(/check constraint/i);
      expect(refused.code).not.toBe('DATABASE_UNAVAILABLE');
      expect((await store.staff.findUser('sian.evans'))?.role).toBe('service-team');
    });
  });

  describe('sign-in throttling', () => {
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
      expect(await store.staff.signInLockedUntil([], NOW + 3000)).toBe(0);
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
      const other = await openStoreAt(location);
      try {
        await store.staff.recordSignInFailure('ip:10.0.0.7', NOW, POLICY);
        await other.staff.recordSignInFailure('ip:10.0.0.7', NOW, POLICY);
        const until = await store.staff.recordSignInFailure('ip:10.0.0.7', NOW, POLICY);
        expect(until).toBeGreaterThan(NOW);
        expect(await other.staff.signInLockedUntil(['ip:10.0.0.7'], NOW)).toBe(until);
      } finally {
        await other.close();
      }
    }, 60_000);

    it('loses no failure counted by two processes at the same moment', async () => {
      // On SQLite the second "process" is this one's own store: two better-sqlite3 connections in
      // one process cannot write at the same moment (the second waits for the lock synchronously,
      // stopping the event loop the first needs to commit). Processes of their own simply queue.
      const other = kind === 'sqlite' ? store : await openStoreAt(location);
      const policy = { limit: 12, windowMs: 60_000, lockMs: 300_000 };
      try {
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            (i % 2 === 0 ? store : other).staff.recordSignInFailure('ip:10.0.0.8', NOW, policy),
          ),
        );
        expect(results.filter((until) => until === NOW + policy.lockMs)).toHaveLength(1);
        expect(await store.staff.signInLockedUntil(['ip:10.0.0.8'], NOW)).toBe(NOW + policy.lockMs);
      } finally {
        if (other !== store) await other.close();
      }
    }, 60_000);
  });

  describe('the clean-up of failed sign-in counts', () => {
    const keysLeft = async () =>
      (await store.inspect.rows('sign_in_failures')).map((row) => String(row.key)).sort();

    it('deletes counts whose 15-minute window is over, keeping recent ones and live locks', async () => {
      const throttle = createSignInThrottle(store);
      // A typo twenty minutes ago, from the contact centre's shared address.
      await throttle.failed('sian.evans', '203.0.113.7', NOW - 20 * MINUTE);
      // Five wrong passwords ten minutes ago: locked until five minutes from now.
      for (let i = 0; i < 5; i++)
        await throttle.failed('locked.out', '198.51.100.2', NOW - 10 * MINUTE);
      // A typo five minutes ago.
      await throttle.failed('priya.shah', '192.0.2.44', NOW - 5 * MINUTE);
      expect(await keysLeft()).toEqual([
        'ip:192.0.2.44',
        'ip:198.51.100.2',
        'ip:203.0.113.7',
        'user:locked.out',
        'user:priya.shah',
        'user:sian.evans',
      ]);

      const counts = await purgeNow(store, NOW, RESUME_EXPIRY);
      expect(counts.signInFailures).toBe(2);
      expect(await keysLeft()).toEqual([
        'ip:192.0.2.44',
        'ip:198.51.100.2',
        'user:locked.out',
        'user:priya.shah',
      ]);
      // The lock still holds, and the recent typo still counts towards one.
      expect(await throttle.lockedUntil('locked.out', '192.0.2.99', NOW)).toBe(NOW + 5 * MINUTE);
      for (let i = 0; i < 3; i++) await throttle.failed('priya.shah', '192.0.2.44', NOW);
      expect(await throttle.failed('priya.shah', '192.0.2.44', NOW)).toBe(NOW + 15 * MINUTE);

      // Eight minutes on, the first lock has ended and its window is over; Priya's new lock holds.
      expect((await purgeNow(store, NOW + 8 * MINUTE, RESUME_EXPIRY)).signInFailures).toBe(2);
      expect(await keysLeft()).toEqual(['ip:192.0.2.44', 'user:priya.shah']);
      // Once that lock has ended too, nothing is left.
      expect((await purgeNow(store, NOW + 15 * MINUTE, RESUME_EXPIRY)).signInFailures).toBe(2);
      expect(await keysLeft()).toEqual([]);
    });

    it('keeps a lock that outlasts its window until the lock ends', async () => {
      const options = {
        ...SIGN_IN_THROTTLE_DEFAULTS,
        perUsername: { limit: 2, windowMs: MINUTE, lockMs: 60 * MINUTE },
      };
      const throttle = createSignInThrottle(store, options);
      await throttle.failed('a.jones', '203.0.113.7', NOW);
      await throttle.failed('a.jones', '203.0.113.7', NOW);
      expect(await forgetOldSignInFailures(store, NOW + 30 * MINUTE, options)).toBe(1);
      expect(await keysLeft()).toEqual(['user:a.jones']);
      expect(await throttle.lockedUntil('a.jones', '192.0.2.1', NOW + 30 * MINUTE)).toBe(
        NOW + 60 * MINUTE,
      );
      expect(await forgetOldSignInFailures(store, NOW + 60 * MINUTE, options)).toBe(1);
      expect(await keysLeft()).toEqual([]);
    });
  });

  describe('the audit trail', () => {
    beforeEach(async () => {
      await store.staff.appendAudit(
        event('2025-06-16T09:00:00.000Z', { action: 'sign-in', target: undefined }),
      );
      await store.staff.appendAudit(event('2025-06-16T09:01:00.000Z'));
      await store.staff.appendAudit(
        event('2025-06-16T09:02:00.000Z', {
          actorUsername: 'tomasz.nowak',
          target: 'HJ4R-CMX7-TQ',
          agency: 'northbrook-housing',
        }),
      );
    });

    it('lists events oldest first, numbered, with every field', async () => {
      const events = await store.staff.listAudit();
      expect(events.map((e) => [e.id, e.at, e.actorUsername, e.action, e.target])).toEqual([
        [1, Date.parse('2025-06-16T09:00:00.000Z'), 'sian.evans', 'sign-in', undefined],
        [
          2,
          Date.parse('2025-06-16T09:01:00.000Z'),
          'sian.evans',
          'view-submission',
          'K7QM-3XPD-9C',
        ],
        [
          3,
          Date.parse('2025-06-16T09:02:00.000Z'),
          'tomasz.nowak',
          'view-submission',
          'HJ4R-CMX7-TQ',
        ],
      ]);
      expect(events[1]).toEqual({
        id: 2,
        at: Date.parse('2025-06-16T09:01:00.000Z'),
        actorId: '0c5e2f57-3c1a-4f4e-9a0d-6c1b2d3e4f50',
        actorUsername: 'sian.evans',
        action: 'view-submission',
        target: 'K7QM-3XPD-9C',
        clientIp: '10.0.0.7',
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
        detail: undefined,
        agency: 'northbrook-council',
      });
    });

    it('filters by time, user (any case), target and agency, and keeps the latest when limited', async () => {
      const ids = async (query: Parameters<Store['staff']['listAudit']>[0]) =>
        (await store.staff.listAudit(query)).map((e) => e.id);
      expect(await ids({ since: Date.parse('2025-06-16T09:01:00.000Z') })).toEqual([2, 3]);
      expect(await ids({ actorUsername: 'Tomasz.Nowak' })).toEqual([3]);
      expect(await ids({ target: 'K7QM-3XPD-9C' })).toEqual([2]);
      expect(await ids({ limit: 2 })).toEqual([2, 3]);
      expect(await ids({ agency: 'northbrook-housing' })).toEqual([3]);
      expect(await ids({ agency: 'northbrook-council' })).toEqual([1, 2]);
    });

    it('cuts a long User-Agent to 200 characters', async () => {
      await store.staff.appendAudit(
        event('2025-06-16T09:03:00.000Z', { userAgent: 'x'.repeat(5000) }),
      );
      expect((await store.staff.listAudit({ limit: 1 }))[0]?.userAgent).toHaveLength(200);
    });

    it('refuses to change or delete an event, even with SQL straight on the database', async () => {
      const refused = { message: expect.stringMatching(/append-only/) };
      await expect(
        runRawSql(location, "UPDATE audit_events SET actor_username = 'someone'"),
      ).rejects.toMatchObject(refused);
      await expect(
        runRawSql(location, 'DELETE FROM audit_events WHERE id = 1'),
      ).rejects.toMatchObject(refused);
      await expect(runRawSql(location, 'DELETE FROM audit_events')).rejects.toMatchObject(refused);
      if (kind === 'postgres') {
        await expect(runRawSql(location, 'TRUNCATE audit_events')).rejects.toMatchObject(refused);
      }
      expect(await store.inspect.count('audit_events')).toBe(3);
      expect((await store.staff.listAudit()).map((e) => e.actorUsername)).toEqual([
        'sian.evans',
        'sian.evans',
        'tomasz.nowak',
      ]);
    });

    it('ends sign-ins and records them, all in one transaction', async () => {
      const sian = await add('sian.evans');
      await store.sessions.setSession('s-1', '{}', LATER, { userId: sian?.id, draftIds: [] });
      const ended = await store.tx(async (t) => {
        const count = await t.sessions.endSignInsOf(sian?.id ?? '');
        await t.staff.appendAudit(event('2025-06-16T09:04:00.000Z', { action: 'disable-user' }));
        return count;
      });
      expect(ended).toBe(1);
      expect(await store.inspect.count('sessions')).toBe(0);
      expect((await store.staff.listAudit({ limit: 1 }))[0]?.action).toBe('disable-user');
    });
  });
});
