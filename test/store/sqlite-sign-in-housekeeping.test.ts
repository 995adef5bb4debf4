import path from 'node:path';
import Database from 'better-sqlite3';
import {
  createSignInThrottle,
  forgetOldSignInFailures,
  SIGN_IN_THROTTLE_DEFAULTS,
} from '../../src/caseworker/sign-in-throttle';
import { purgeNow } from '../../src/resume/purge-job';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { tempDataDir } from '../support/agent';

const MINUTE = 60_000;
const NOW = Date.parse('2025-06-16T09:00:00Z');
const RESUME_EXPIRY = 7 * 24 * 60 * MINUTE;

describe('the clean-up of failed sign-in counts (sqlite)', () => {
  let file: string;
  let store: Store;
  beforeEach(() => {
    file = path.join(tempDataDir(), 'civic-forms.sqlite');
    store = openSqliteStore({ file });
  });
  afterEach(() => store.close());

  /** The keys left in `sign_in_failures`, read from the database file as any SQL client would. */
  function keysLeft(): string[] {
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT key FROM sign_in_failures ORDER BY key').all();
      return (rows as Array<{ key: string }>).map((row) => row.key);
    } finally {
      db.close();
    }
  }

  it('deletes counts whose 15-minute window is over, keeping recent ones and live locks', async () => {
    const throttle = createSignInThrottle(store);
    // A typo twenty minutes ago, from the contact centre's shared address.
    await throttle.failed('sian.evans', '203.0.113.7', NOW - 20 * MINUTE);
    // Five wrong passwords ten minutes ago: locked until five minutes from now.
    for (let i = 0; i < 5; i++)
      await throttle.failed('locked.out', '198.51.100.2', NOW - 10 * MINUTE);
    // A typo five minutes ago.
    await throttle.failed('priya.shah', '192.0.2.44', NOW - 5 * MINUTE);
    expect(keysLeft()).toEqual([
      'ip:192.0.2.44',
      'ip:198.51.100.2',
      'ip:203.0.113.7',
      'user:locked.out',
      'user:priya.shah',
      'user:sian.evans',
    ]);

    const counts = await purgeNow(store, NOW, RESUME_EXPIRY);
    expect(counts.signInFailures).toBe(2);
    expect(keysLeft()).toEqual([
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
    expect(keysLeft()).toEqual(['ip:192.0.2.44', 'user:priya.shah']);
    // Once that lock has ended too, nothing is left.
    expect((await purgeNow(store, NOW + 15 * MINUTE, RESUME_EXPIRY)).signInFailures).toBe(2);
    expect(keysLeft()).toEqual([]);
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
    expect(keysLeft()).toEqual(['user:a.jones']);
    expect(await throttle.lockedUntil('a.jones', '192.0.2.1', NOW + 30 * MINUTE)).toBe(
      NOW + 60 * MINUTE,
    );
    expect(await forgetOldSignInFailures(store, NOW + 60 * MINUTE, options)).toBe(1);
    expect(keysLeft()).toEqual([]);
  });
});
