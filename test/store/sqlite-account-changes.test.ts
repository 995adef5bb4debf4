import path from 'node:path';
import type { Role } from '../../src/store/accounts';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { tempDataDir } from '../support/agent';

// The store keeps whatever hash it is given; hashing is tested in test/caseworker/password-hash.
const HASH = 'scrypt$32768$8$3$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=';
const LATER = Date.now() + 60_000;

describe('sqlite-account-changes', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ file: path.join(tempDataDir(), 'civic-forms.sqlite') });
  });
  afterEach(() => store.close());

  const add = (username: string, role: Role = 'caseworker') =>
    store.staff.addUser({ username, displayName: 'Siân Evans', role, passwordHash: HASH });

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
    // The table refuses a role the service does not know, whoever writes it.
    // (better-sqlite3's SqliteError is not always an Error to jest's `rejects.toThrow`: read its message.)
    const refused = await store.staff.setUserRole('sian.evans', 'admin' as Role).then(
      () => 'accepted',
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/^CHECK constraint failed/);
    expect((await store.staff.findUser('sian.evans'))?.role).toBe('service-team');
  });

  it('ends the sign-ins of one account, leaving every other session alone', async () => {
    const sian = await add('sian.evans');
    const priya = await add('priya.shah', 'service-team');
    const signedIn = (id = '') => JSON.stringify({ caseworker: { principal: { id } } });
    const of = (userId = '') => ({ userId, draftIds: [] });
    await store.sessions.setSession('sian-1', signedIn(sian?.id), LATER, of(sian?.id));
    await store.sessions.setSession('sian-2', signedIn(sian?.id), LATER, of(sian?.id));
    await store.sessions.setSession('priya', signedIn(priya?.id), LATER, of(priya?.id));
    await store.sessions.setSession(
      'constituent',
      JSON.stringify({ journeys: { x: 'y' } }),
      LATER,
      {
        draftIds: ['y'],
      },
    );
    await store.sessions.setSession('not-json', 'not json at all', LATER);

    expect(await store.sessions.endSignInsOf(sian?.id ?? '')).toBe(2);
    expect(await store.sessions.getSession('sian-1', Date.now())).toBeUndefined();
    expect(await store.sessions.getSession('sian-2', Date.now())).toBeUndefined();
    for (const id of ['priya', 'constituent', 'not-json']) {
      expect(await store.sessions.getSession(id, Date.now())).toBeDefined();
    }
    expect(await store.sessions.endSignInsOf(sian?.id ?? '')).toBe(0);
  });
});
