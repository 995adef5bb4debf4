import type { Store } from '../../../src/store/store';
import { DATABASES, newTestLocation, openStoreAt, openTestStore } from '../support/databases';

const NOW = Date.parse('2025-06-15T09:00:00.000Z');
const TWENTY_MINUTES = 20 * 60_000;
const DATA = JSON.stringify({ cookie: { path: '/' }, journeys: { 'parking-permit': 'abc' } });
const LATER = Date.now() + 60_000;

describe.each(DATABASES)('store contract on %s: sessions', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  }, 60_000);
  afterEach(() => store.close());

  it('gives a session back until it expires, and nothing after', async () => {
    await store.sessions.setSession('sid-amara', DATA, NOW + TWENTY_MINUTES);
    expect(await store.sessions.getSession('sid-amara', NOW)).toBe(DATA);
    expect(await store.sessions.getSession('sid-amara', NOW + TWENTY_MINUTES - 1)).toBe(DATA);
    expect(await store.sessions.getSession('sid-amara', NOW + TWENTY_MINUTES)).toBeUndefined();
    expect(await store.sessions.getSession('sid-amara', NOW + 2 * TWENTY_MINUTES)).toBeUndefined();
  });

  it('replaces a session’s data and the drafts it holds when it is set again', async () => {
    await store.sessions.setSession('sid-amara', DATA, NOW + TWENTY_MINUTES, {
      draftIds: ['abc', 'def', 'abc'],
    });
    expect(await store.inspect.rows('session_drafts')).toEqual([
      { session_id: 'sid-amara', draft_id: 'abc' },
      { session_id: 'sid-amara', draft_id: 'def' },
    ]);
    await store.sessions.setSession('sid-amara', '{"cookie":{}}', NOW + TWENTY_MINUTES, {
      userId: 'u-1',
      draftIds: ['ghi'],
    });
    expect(await store.sessions.getSession('sid-amara', NOW)).toBe('{"cookie":{}}');
    expect(await store.inspect.rows('session_drafts')).toEqual([
      { session_id: 'sid-amara', draft_id: 'ghi' },
    ]);
    expect(await store.inspect.rows('sessions')).toEqual([
      {
        id: 'sid-amara',
        data: '{"cookie":{}}',
        expires_at: NOW + TWENTY_MINUTES,
        user_id: 'u-1',
      },
    ]);
  });

  it('reads a session with the drafts it holds in one go, a draft since sent as gone', async () => {
    const draft = (id: string, name: string) => ({
      id,
      formId: 'parking-permit',
      formVersion: '1',
      answers: { 'full-name': name, 'live-in-zone': 'yes' },
      done: ['live-in-zone', 'full-name'],
      language: 'cy',
      channel: 'online' as const,
      createdAt: NOW - 60_000,
      updatedAt: NOW,
    });
    await store.journeys.saveDraft(draft('abc', 'Amara Okafor'));
    await store.journeys.saveDraft(draft('def', 'Siân Jones'));
    await store.sessions.setSession('sid-amara', DATA, NOW + TWENTY_MINUTES, {
      draftIds: ['abc', 'def'],
    });
    await store.journeys.deleteDraft('def');
    const read = await store.sessions.getSessionWithDrafts('sid-amara', NOW);
    expect(read?.data).toBe(DATA);
    expect(read?.expiresAt).toBe(NOW + TWENTY_MINUTES);
    expect([...(read?.drafts ?? [])]).toEqual([
      ['abc', draft('abc', 'Amara Okafor')],
      ['def', undefined],
    ]);
    await store.sessions.setSession('sid-bea', DATA, NOW + TWENTY_MINUTES);
    const bare = await store.sessions.getSessionWithDrafts('sid-bea', NOW);
    expect([bare?.data, bare?.drafts.size]).toEqual([DATA, 0]);
    expect(await store.sessions.getSessionWithDrafts('sid-amara', NOW + TWENTY_MINUTES)).toBe(
      undefined,
    );
  });

  it('keeps the drafts a session still holds when it is set again, and drops the others', async () => {
    await store.sessions.setSession('sid-amara', DATA, NOW + TWENTY_MINUTES, {
      draftIds: ['abc', 'def'],
    });
    await store.sessions.setSession('sid-amara', DATA, NOW + TWENTY_MINUTES, {
      draftIds: ['def', 'ghi'],
    });
    expect(await store.inspect.rows('session_drafts')).toEqual([
      { session_id: 'sid-amara', draft_id: 'def' },
      { session_id: 'sid-amara', draft_id: 'ghi' },
    ]);
    await store.sessions.setSession('sid-amara', DATA, NOW + TWENTY_MINUTES);
    expect(await store.inspect.rows('session_drafts')).toEqual([]);
  });

  it('keeps a touched session for longer', async () => {
    await store.sessions.setSession('sid-amara', DATA, NOW + TWENTY_MINUTES);
    await store.sessions.touchSession('sid-amara', NOW + 2 * TWENTY_MINUTES);
    expect(await store.sessions.getSession('sid-amara', NOW + TWENTY_MINUTES + 1)).toBe(DATA);
  });

  it('forgets a destroyed session and the drafts it held', async () => {
    await store.sessions.setSession('sid-amara', DATA, NOW + TWENTY_MINUTES, {
      draftIds: ['abc'],
    });
    await store.sessions.destroySession('sid-amara');
    expect(await store.sessions.getSession('sid-amara', NOW)).toBeUndefined();
    expect(await store.inspect.count('session_drafts')).toBe(0);
  });

  it('purges expired sessions only, and says how many went', async () => {
    await store.sessions.setSession('sid-expired-1', DATA, NOW - 1, { draftIds: ['abc'] });
    await store.sessions.setSession('sid-expired-2', DATA, NOW - TWENTY_MINUTES);
    await store.sessions.setSession('sid-live', DATA, NOW + TWENTY_MINUTES, { draftIds: ['xyz'] });
    expect(await store.sessions.purgeExpiredSessions(NOW)).toBe(2);
    expect(await store.inspect.count('sessions')).toBe(1);
    expect(await store.sessions.getSession('sid-live', NOW)).toBe(DATA);
    expect(await store.inspect.rows('session_drafts')).toEqual([
      { session_id: 'sid-live', draft_id: 'xyz' },
    ]);
    expect(await store.sessions.purgeExpiredSessions(NOW)).toBe(0);
  });

  it('ends the sign-ins of one account, leaving every other session alone', async () => {
    const signedIn = (id: string) => JSON.stringify({ caseworker: { principal: { id } } });
    const of = (userId: string) => ({ userId, draftIds: [] });
    await store.sessions.setSession('sian-1', signedIn('sian'), LATER, of('sian'));
    await store.sessions.setSession('sian-2', signedIn('sian'), LATER, {
      userId: 'sian',
      draftIds: ['keyed-in'],
    });
    await store.sessions.setSession('priya', signedIn('priya'), LATER, of('priya'));
    await store.sessions.setSession(
      'constituent',
      JSON.stringify({ journeys: { x: 'y' } }),
      LATER,
      { draftIds: ['y'] },
    );
    await store.sessions.setSession('not-json', 'not json at all', LATER);

    expect(await store.sessions.endSignInsOf('sian')).toBe(2);
    expect(await store.sessions.getSession('sian-1', Date.now())).toBeUndefined();
    expect(await store.sessions.getSession('sian-2', Date.now())).toBeUndefined();
    for (const id of ['priya', 'constituent', 'not-json']) {
      expect(await store.sessions.getSession(id, Date.now())).toBeDefined();
    }
    expect(await store.inspect.rows('session_drafts')).toEqual([
      { session_id: 'constituent', draft_id: 'y' },
    ]);
    expect(await store.sessions.endSignInsOf('sian')).toBe(0);
  });

  it('ends the sign-ins of accounts the store holds, found by their id', async () => {
    const HASH = 'scrypt$32768$8$3$c2FsdA==$a2V5';
    const add = (username: string) =>
      store.staff.addUser({
        username,
        displayName: username,
        role: 'caseworker',
        agency: 'default',
        passwordHash: HASH,
      });
    const sian = await add('sian.evans');
    const priya = await add('priya.shah');
    const at = (id = '') => ({ userId: id, draftIds: [] });
    await store.sessions.setSession('s-1', '{}', LATER, at(sian?.id));
    await store.sessions.setSession('p-1', '{}', LATER, at(priya?.id));
    expect(await store.sessions.endSignInsOf(sian?.id ?? '')).toBe(1);
    expect(await store.sessions.getSession('p-1', Date.now())).toBe('{}');
  });

  it('holds the drafts of its last write when one session is written from two processes at once', async () => {
    const location = await newTestLocation(kind);
    const first = await openStoreAt(location);
    // On SQLite the second "process" is the same store (see staff.test.ts for why).
    const second = kind === 'sqlite' ? first : await openStoreAt(location);
    try {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 === 0 ? first : second).sessions.setSession(
            'sid-hopping',
            JSON.stringify({ write: i }),
            LATER,
            { draftIds: [`draft-${i}`, `draft-${i}-b`] },
          ),
        ),
      );
      const data = await first.sessions.getSession('sid-hopping', Date.now());
      const last = (JSON.parse(data ?? '{}') as { write: number }).write;
      expect(await first.inspect.rows('session_drafts')).toEqual([
        { session_id: 'sid-hopping', draft_id: `draft-${last}` },
        { session_id: 'sid-hopping', draft_id: `draft-${last}-b` },
      ]);
    } finally {
      await first.close();
      if (second !== first) await second.close();
    }
  }, 60_000);
});
