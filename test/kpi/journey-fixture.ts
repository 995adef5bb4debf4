import type { Channel } from '../../src/engine/answers';
import type { JourneyEvent, JourneyEventType } from '../../src/store/journey-events';

/** A time in March 2025 (UTC): day of the month, hours and minutes. */
export function march(day: number, hours: number, minutes = 0): number {
  return Date.UTC(2025, 2, day, hours, minutes);
}

/** Builds journey events as the recorder would store them, numbered in order. */
export class EventLog {
  readonly events: JourneyEvent[] = [];

  add(
    journeyId: string,
    type: JourneyEventType,
    at: number,
    more: Partial<JourneyEvent> & { channel?: Channel; language?: string } = {},
  ): this {
    this.events.push({
      id: this.events.length + 1,
      at,
      formId: 'parking-permit',
      formVersion: '1.0',
      journeyId,
      type,
      channel: 'online',
      language: 'en',
      js: true,
      device: 'mobile',
      ...more,
    });
    return this;
  }

  /**
   * A journey: a start on the first page, then one page a minute from `at`, then `end` (a
   * submission, an exit page, a save, or nothing) a minute after the last page unless timed.
   */
  journey(
    journeyId: string,
    at: number,
    pages: string[],
    options: { channel?: Channel; language?: string; end?: JourneyEventType; endAt?: number } = {},
  ): this {
    const { channel, language } = options;
    const fields = { ...(channel ? { channel } : {}), ...(language ? { language } : {}) };
    this.add(journeyId, 'start', at, { ...fields, pageKey: pages[0] });
    pages.forEach((pageKey, i) =>
      this.add(journeyId, 'page', at + i * 60_000, { ...fields, pageKey }),
    );
    if (options.end) {
      const endAt = options.endAt ?? at + pages.length * 60_000;
      this.add(journeyId, options.end, endAt, fields);
    }
    return this;
  }
}

/** The pages of the parking permit form a journey without vehicles goes through. */
export const WITHOUT_VEHICLES = [
  'live-in-zone',
  'full-name',
  'contact',
  'has-vehicles',
  'start-date',
  'check-answers',
];
