import path from 'node:path';
import Database from 'better-sqlite3';
import type { Draft } from '../../src/engine/answers';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { amaraAnswers } from '../fixtures/amara-draft';
import { tempDataDir } from '../support/agent';

/** Amara's permit, keyed in from the Welsh paper form that arrived on 2 June. */
function paperDraft(): Draft {
  return {
    id: '0b6f9f52-3c1e-4f7a-9d2b-5e8c1a4d7f30',
    formId: 'parking-permit',
    formVersion: '1.0',
    answers: amaraAnswers,
    done: [],
    language: 'cy',
    channel: 'paper',
    caseworkerId: 'b3c1f0e2-7d4a-4e8b-9a6c-1f2e3d4c5b6a',
    paperReceivedOn: '2025-06-02',
    createdAt: Date.parse('2025-06-04T10:00:00.000Z'),
    updatedAt: Date.parse('2025-06-04T10:05:00.000Z'),
  };
}

describe('sqlite store: transactions staff fill in', () => {
  it('keeps a draft’s caseworker and arrival date, and gives them to its submission', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    await store.journeys.saveDraft(paperDraft());
    expect(await store.journeys.getDraft(paperDraft().id)).toEqual(paperDraft());
    const { submission } = await store.journeys.submit(
      paperDraft(),
      amaraAnswers,
      Date.parse('2025-06-04T10:06:00Z'),
    );
    expect(submission).toMatchObject({
      channel: 'paper',
      caseworkerId: paperDraft().caseworkerId,
      receivedOn: '2025-06-02',
    });
    expect(await store.journeys.findSubmission(submission.reference)).toEqual(submission);
    await store.close();
  });

  it('gives a constituent’s draft and submission neither', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const online: Draft = { ...paperDraft(), channel: 'online' };
    delete online.caseworkerId;
    delete online.paperReceivedOn;
    await store.journeys.saveDraft(online);
    const stored = await store.journeys.getDraft(online.id);
    expect(stored && 'caseworkerId' in stored).toBe(false);
    const { submission } = await store.journeys.submit(
      online,
      amaraAnswers,
      Date.parse('2025-06-04T10:06:00Z'),
    );
    expect('caseworkerId' in submission || 'receivedOn' in submission).toBe(false);
    await store.close();
  });

  it('records the caseworker who takes over a saved draft on the same row', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const online: Draft = { ...paperDraft(), channel: 'online' };
    delete online.caseworkerId;
    delete online.paperReceivedOn;
    await store.journeys.saveDraft(online);
    await store.journeys.saveDraft({ ...online, channel: 'phone-assisted', caseworkerId: 'c-1' });
    expect(await store.journeys.getDraft(online.id)).toMatchObject({
      id: online.id,
      channel: 'phone-assisted',
      caseworkerId: 'c-1',
    });
    await store.close();
  });

  it('adds the columns to a database made before them, keeping its submissions', async () => {
    const file = path.join(tempDataDir(), 'civic-forms.sqlite');
    const before = new Database(file);
    const earlier = SQLITE_MIGRATIONS.findIndex((sql: string) =>
      sql.includes('ADD COLUMN caseworker_id'),
    );
    expect(earlier).toBeGreaterThan(0);
    SQLITE_MIGRATIONS.slice(0, earlier).forEach((sql: string) => before.exec(sql));
    before.pragma(`user_version = ${earlier}`);
    before
      .prepare(
        `INSERT INTO submissions (reference, transaction_id, form_id, form_version, answers, language, channel, submitted_at)
         VALUES ('K7QM-3XPD-9C', 't-1', 'parking-permit', '1.0', '{}', 'en', 'online', '2025-06-01T09:00:00Z')`,
      )
      .run();
    before.close();
    const store = openSqliteStore({ file });
    const kept = await store.journeys.findSubmission('K7QM-3XPD-9C');
    expect(kept).toMatchObject({ reference: 'K7QM-3XPD-9C', channel: 'online' });
    expect(kept && 'caseworkerId' in kept).toBe(false);
    await store.close();
  });
});
