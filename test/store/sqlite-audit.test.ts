import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import type { NewAuditEvent } from '../../src/store/audit-events';
import { tempDataDir } from '../support/agent';

function event(at: string | number, fields: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    at: typeof at === 'string' ? Date.parse(at) : at,
    actorId: '0c5e2f57-3c1a-4f4e-9a0d-6c1b2d3e4f50',
    actorUsername: 'sian.evans',
    action: 'view-submission',
    target: 'K7QM-3XPD-9C',
    detail: undefined,
    clientIp: '10.0.0.7',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
    ...fields,
  };
}

describe('sqlite-audit', () => {
  let file: string;
  let store: Store;
  beforeEach(async () => {
    file = path.join(tempDataDir(), 'civic-forms.sqlite');
    store = openSqliteStore({ file });
    await store.staff.appendAudit(
      event('2025-06-16T09:00:00.000Z', { action: 'sign-in', target: undefined }),
    );
    await store.staff.appendAudit(event('2025-06-16T09:01:00.000Z'));
    await store.staff.appendAudit(
      event('2025-06-16T09:02:00.000Z', { actorUsername: 'tomasz.nowak', target: 'HJ4R-CMX7-TQ' }),
    );
  });
  afterEach(() => store.close());

  it('lists events oldest first, numbered, with every field', async () => {
    const events = await store.staff.listAudit();
    expect(events.map((e) => [e.id, e.at, e.actorUsername, e.action, e.target])).toEqual([
      [1, Date.parse('2025-06-16T09:00:00.000Z'), 'sian.evans', 'sign-in', undefined],
      [2, Date.parse('2025-06-16T09:01:00.000Z'), 'sian.evans', 'view-submission', 'K7QM-3XPD-9C'],
      [
        3,
        Date.parse('2025-06-16T09:02:00.000Z'),
        'tomasz.nowak',
        'view-submission',
        'HJ4R-CMX7-TQ',
      ],
    ]);
    expect(events[1]).toMatchObject({
      actorId: '0c5e2f57-3c1a-4f4e-9a0d-6c1b2d3e4f50',
      clientIp: '10.0.0.7',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
      detail: undefined,
    });
  });

  it('filters by time, user (any case) and target, and keeps the latest when limited', async () => {
    const ids = async (query: Parameters<Store['staff']['listAudit']>[0]) =>
      (await store.staff.listAudit(query)).map((e) => e.id);
    expect(await ids({ since: Date.parse('2025-06-16T09:01:00.000Z') })).toEqual([2, 3]);
    expect(await ids({ actorUsername: 'Tomasz.Nowak' })).toEqual([3]);
    expect(await ids({ target: 'K7QM-3XPD-9C' })).toEqual([2]);
    expect(await ids({ limit: 2 })).toEqual([2, 3]);
  });

  it('cuts a long User-Agent to 200 characters', async () => {
    await store.staff.appendAudit(
      event('2025-06-16T09:03:00.000Z', { userAgent: 'x'.repeat(5000) }),
    );
    expect((await store.staff.listAudit({ limit: 1 }))[0]?.userAgent).toHaveLength(200);
  });

  it('refuses to change or delete an event, even with SQL straight on the file', () => {
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE audit_events SET actor_username = 'someone'").run()).toThrow(
        /append-only/,
      );
      expect(() => db.prepare('DELETE FROM audit_events WHERE id = 1').run()).toThrow(
        /append-only/,
      );
      expect(db.prepare('SELECT COUNT(*) AS n FROM audit_events').get()).toEqual({ n: 3 });
    } finally {
      db.close();
    }
  });
});
