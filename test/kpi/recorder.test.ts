import path from 'node:path';
import { createRecorder } from '../../src/kpi/recorder';
import type { NewJourneyEvent } from '../../src/store/journey-events';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { tempDataDir } from '../support/agent';
import { march } from './journey-fixture';

const PERIOD = { formId: 'parking-permit', from: march(1, 0), to: march(31, 0) };

function event(
  journeyId: string,
  minute: number,
  more: Partial<NewJourneyEvent> = {},
): NewJourneyEvent {
  return {
    at: march(3, 9, minute),
    formId: 'parking-permit',
    formVersion: '1.0',
    journeyId,
    type: 'page',
    pageKey: 'full-name',
    channel: 'online',
    language: 'cy',
    js: null,
    device: 'desktop',
    ...more,
  };
}

describe('createRecorder', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ file: path.join(tempDataDir(), 'kpi.sqlite') });
  });
  afterEach(() => store.close());

  it('keeps events in memory until the interval is up, then writes them all to SQLite', async () => {
    const recorder = createRecorder(store, { intervalMs: 40 });
    recorder.record(event('j1', 0, { type: 'start' }));
    recorder.record(
      event('j1', 1, { type: 'error', questionId: 'full-name', errorCode: 'required' }),
    );
    expect(recorder.waiting).toBe(2);
    expect(await store.events.listJourneyEvents(PERIOD)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 120));
    const stored = await store.events.listJourneyEvents(PERIOD);
    expect(stored.map((e) => [e.type, e.questionId, e.errorCode, e.language, e.js])).toEqual([
      ['start', undefined, undefined, 'cy', null],
      ['error', 'full-name', 'required', 'cy', null],
    ]);
    expect(recorder.waiting).toBe(0);
    await recorder.close();
  });

  it('writes at once when a batch is full, without waiting for the interval', async () => {
    const recorder = createRecorder(store, { intervalMs: 60_000, maxBatch: 3 });
    for (let i = 0; i < 3; i += 1) recorder.record(event(`j${i}`, i));
    await recorder.flush();
    expect(await store.events.listJourneyEvents(PERIOD)).toHaveLength(3);
    await recorder.close();
  });

  it('writes what is waiting when closed, and every later event at once', async () => {
    const recorder = createRecorder(store, { intervalMs: 60_000 });
    recorder.record(event('j1', 0, { js: true }));
    recorder.record(event('j1', 1, { type: 'submit', js: false }));
    await recorder.close();
    expect((await store.events.listJourneyEvents(PERIOD)).map((e) => [e.type, e.js])).toEqual([
      ['page', true],
      ['submit', false],
    ]);
    recorder.record(event('j2', 2));
    await recorder.flush();
    expect(await store.events.listJourneyEvents(PERIOD)).toHaveLength(3);
  });

  it('renames a journey in events already written and in events still waiting', async () => {
    const recorder = createRecorder(store, { intervalMs: 60_000 });
    recorder.record(event('provisional', 0, { type: 'start' }));
    await recorder.flush();
    recorder.record(event('provisional', 1));
    recorder.rename('provisional', 'keyed');
    recorder.record(event('keyed', 2, { type: 'answer' }));
    await recorder.close();
    const stored = await store.events.listJourneyEvents(PERIOD);
    expect(stored.map((e) => [e.journeyId, e.type])).toEqual([
      ['keyed', 'start'],
      ['keyed', 'page'],
      ['keyed', 'answer'],
    ]);
  });

  it('keeps the events and tries again when the database refuses a write', async () => {
    const failures: unknown[] = [];
    let refuse = true;
    const flaky: { events: Pick<Store['events'], 'appendJourneyEvents'> } = {
      events: {
        appendJourneyEvents: (events, renames) =>
          refuse
            ? Promise.reject(new Error('SQLITE_BUSY'))
            : store.events.appendJourneyEvents(events, renames),
      },
    };
    const recorder = createRecorder(flaky, {
      intervalMs: 60_000,
      onError: (e) => failures.push(e),
    });
    recorder.record(event('j1', 0));
    await recorder.flush();
    expect(failures).toHaveLength(1);
    expect(recorder.waiting).toBe(1);
    refuse = false;
    await recorder.close();
    expect(await store.events.listJourneyEvents(PERIOD)).toHaveLength(1);
  });

  it('drops the oldest events beyond its limit while the database refuses writes', async () => {
    const recorder = createRecorder(
      { events: { appendJourneyEvents: () => Promise.reject(new Error('disk full')) } },
      { intervalMs: 60_000, maxBatch: 1000, maxWaiting: 2 },
    );
    for (let i = 0; i < 5; i += 1) recorder.record(event(`j${i}`, i));
    await recorder.flush();
    expect([recorder.waiting, recorder.dropped]).toEqual([2, 3]);
  });
});
