import type {
  FeedbackComment,
  NewJourneyEvent,
  SatisfactionResponse,
} from '../../../src/store/journey-events';
import type { Store } from '../../../src/store/store';
import { DATABASES, openTestStore } from '../support/databases';

const T = Date.parse('2025-06-16T09:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function journeyEvent(journeyId: string, at: number, fields: Partial<NewJourneyEvent> = {}) {
  const e: NewJourneyEvent = {
    at,
    formId: 'parking-permit',
    formVersion: '1.0',
    journeyId,
    type: 'page',
    pageKey: 'full-name',
    channel: 'online',
    language: 'en',
    js: true,
    device: 'mobile',
    ...fields,
  };
  return e;
}

describe.each(DATABASES)('store contract on %s: events', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  }, 60_000);
  afterEach(() => store.close());

  const listed = async (from: number, to: number, version?: string) =>
    (
      await store.events.listJourneyEvents({
        formId: 'parking-permit',
        from,
        to,
        ...(version && { version }),
      })
    ).map((e) => [e.journeyId, e.type, e.at]);

  it('gives back every field of an event as written, numbered in the order written', async () => {
    await store.events.appendJourneyEvents([
      journeyEvent('j-1', T, { type: 'start', pageKey: undefined, js: null, device: 'unknown' }),
      journeyEvent('j-1', T + 1, {
        type: 'error',
        pageKey: 'vehicles/registration',
        questionId: 'registration',
        errorCode: 'required',
        js: false,
        channel: 'phone-assisted',
        language: 'cy',
        device: 'desktop',
      }),
    ]);
    const events = await store.events.listJourneyEvents({
      formId: 'parking-permit',
      from: T,
      to: T + 1,
    });
    expect(events).toEqual([
      {
        id: 1,
        at: T,
        formId: 'parking-permit',
        formVersion: '1.0',
        journeyId: 'j-1',
        type: 'start',
        channel: 'online',
        language: 'en',
        js: null,
        device: 'unknown',
      },
      {
        id: 2,
        at: T + 1,
        formId: 'parking-permit',
        formVersion: '1.0',
        journeyId: 'j-1',
        type: 'error',
        pageKey: 'vehicles/registration',
        questionId: 'registration',
        errorCode: 'required',
        channel: 'phone-assisted',
        language: 'cy',
        js: false,
        device: 'desktop',
      },
    ]);
  });

  it('lists every event of the journeys with an event in the period, oldest first', async () => {
    await store.events.appendJourneyEvents([
      // Started the day before, finished in the period: all of it is listed.
      journeyEvent('j-across', T - DAY, { type: 'start' }),
      journeyEvent('j-across', T + MINUTE, { type: 'submit' }),
      // Wholly before or after the period: not listed.
      journeyEvent('j-before', T - DAY, { type: 'start' }),
      journeyEvent('j-after', T + DAY, { type: 'start' }),
      // Another form, in the period: not listed.
      journeyEvent('j-other', T, { type: 'start', formId: 'blue-badge' }),
      // Two events at the same moment keep the order they were written in.
      journeyEvent('j-in', T, { type: 'start' }),
      journeyEvent('j-in', T, { type: 'page' }),
    ]);
    expect(await listed(T, T + DAY)).toEqual([
      ['j-across', 'start', T - DAY],
      ['j-in', 'start', T],
      ['j-in', 'page', T],
      ['j-across', 'submit', T + MINUTE],
    ]);
    // The end of the period is not in it.
    expect(await listed(T + MINUTE + 1, T + DAY)).toEqual([]);
  });

  it('lists one version of the form when asked, and says which versions have events', async () => {
    await store.events.appendJourneyEvents([
      journeyEvent('j-1', T, { formVersion: '1.0' }),
      journeyEvent('j-2', T, { formVersion: '2.0' }),
      journeyEvent('j-3', T, { formVersion: '1.1' }),
      journeyEvent('j-4', T, { formVersion: '3.0', formId: 'blue-badge' }),
    ]);
    expect(await listed(T, T + 1, '2.0')).toEqual([['j-2', 'page', T]]);
    expect(await store.events.listEventVersions('parking-permit')).toEqual(['1.0', '1.1', '2.0']);
    expect(await store.events.listEventVersions('no-such-form')).toEqual([]);
  });

  it('renames a journey in the same batch, for its earlier events and the new ones', async () => {
    await store.events.appendJourneyEvents([journeyEvent('session-temp', T, { type: 'start' })]);
    await store.events.appendJourneyEvents(
      [journeyEvent('session-temp', T + 1, { type: 'save' })],
      [['session-temp', 'saved-journey']],
    );
    await store.events.appendJourneyEvents([], [['nobody', 'no-one']]);
    expect(await listed(T, T + 2)).toEqual([
      ['saved-journey', 'start', T],
      ['saved-journey', 'save', T + 1],
    ]);
  });

  it('writes a batch larger than one statement takes, all or nothing', async () => {
    const many = Array.from({ length: 1203 }, (_, i) => journeyEvent(`j-${i}`, T + i));
    await store.events.appendJourneyEvents(many);
    expect(await store.inspect.count('journey_events')).toBe(1203);
    const broken = [...many.slice(0, 700), { ...many[0], type: 'no-such-type' } as never];
    await expect(store.events.appendJourneyEvents(broken)).rejects.toMatchObject({
      message: expect.stringMatching(/check constraint/i),
    });
    expect(await store.inspect.count('journey_events')).toBe(1203);
  });

  it('lists ratings and comments of a form by day, in an order that does not tell when each came', async () => {
    const ratings: SatisfactionResponse[] = [];
    const comments: FeedbackComment[] = [];
    for (let i = 0; i < 30; i++) {
      const day = i < 20 ? '2025-06-16' : '2025-06-15';
      const rating = ((i % 5) + 1) as SatisfactionResponse['rating'];
      ratings.push({
        day,
        formId: 'parking-permit',
        formVersion: i % 2 === 0 ? '1.0' : '1.1',
        channel: 'online',
        language: `lang-${i}`,
        rating,
      });
      comments.push({ day, formId: 'parking-permit', language: `lang-${i}`, comment: `${i}` });
    }
    for (let i = 0; i < 30; i++) {
      await store.events.addSatisfaction(ratings[i] as SatisfactionResponse);
      await store.events.addFeedbackComment(comments[i] as FeedbackComment);
    }
    await store.events.addSatisfaction({ ...(ratings[0] as SatisfactionResponse), formId: 'x' });
    await store.events.addFeedbackComment({
      ...(comments[0] as FeedbackComment),
      day: '2025-06-17',
    });

    const query = { formId: 'parking-permit', fromDay: '2025-06-15', toDay: '2025-06-17' };
    const listedRatings = await store.events.listSatisfaction(query);
    const listedComments = await store.events.listFeedbackComments(query);
    // Every one, and the day before the day after.
    const byLanguage = (a: { language: string }, b: { language: string }) =>
      a.language.localeCompare(b.language);
    expect([...listedRatings].sort(byLanguage)).toEqual([...ratings].sort(byLanguage));
    expect([...listedComments].sort(byLanguage)).toEqual([...comments].sort(byLanguage));
    expect(listedRatings.slice(0, 10).every((r) => r.day === '2025-06-15')).toBe(true);
    expect(listedComments.slice(0, 10).every((c) => c.day === '2025-06-15')).toBe(true);
    // Within a day, neither list is in the order written, and the two lists are not in the same
    // order as each other: a rating cannot be paired with its comment by position.
    const day16 = (list: Array<{ language: string }>) => list.slice(10).map((row) => row.language);
    const written = ratings.slice(0, 20).map((r) => r.language);
    expect(day16(listedRatings)).not.toEqual(written);
    expect(day16(listedComments)).not.toEqual(written);
    expect(day16(listedComments)).not.toEqual(day16(listedRatings));

    expect(await store.events.listSatisfaction({ ...query, version: '1.1' })).toHaveLength(15);
    expect(
      await store.events.listSatisfaction({ ...query, fromDay: '2025-06-16', toDay: '2025-06-16' }),
    ).toEqual([]);
  });
});
