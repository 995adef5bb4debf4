import type { Channel } from '../engine/answers';

/**
 * What happened in a journey. `expired`: a saved journey was not resumed within the expiry.
 * `no-fixed-address`: its submission answered an address question "I have no fixed address" (the
 * fact only, never which choice or what was given).
 */
export const JOURNEY_EVENT_TYPES = [
  'start',
  'page',
  'answer',
  'error',
  'save',
  'resume',
  'exit',
  'submit',
  'expired',
  'no-fixed-address',
] as const;

/** One kind of journey event. */
export type JourneyEventType = (typeof JOURNEY_EVENT_TYPES)[number];

/** A coarse class of device, from the User-Agent (which is never stored). */
export type DeviceClass = 'mobile' | 'tablet' | 'desktop' | 'unknown';

/**
 * One thing that happened in a journey, for the KPIs. It never holds an answer, a transaction id or
 * a session id: `journeyId` is anonymous (see docs/kpis.md).
 */
export interface NewJourneyEvent {
  /** Milliseconds since the epoch. */
  at: number;
  formId: string;
  formVersion: string;
  journeyId: string;
  type: JourneyEventType;
  /** The step: a page id, `section/page` for a repeating section's page, or `check-answers`. */
  pageKey?: string;
  /** For `error`: the question at fault and the error code (`required`, `missingMonth`...). */
  questionId?: string;
  errorCode?: string;
  channel: Channel;
  language: string;
  /** Whether the page's JavaScript ran; null when the request could not tell. */
  js: boolean | null;
  device: DeviceClass;
}

/** A journey event as stored, numbered in the order it was written. */
export interface JourneyEvent extends NewJourneyEvent {
  id: number;
}

/** Which events to read: every event of the journeys that had any event in [from, to). */
export interface JourneyEventQuery {
  formId: string;
  /** Only journeys on this version of the form. */
  version?: string;
  /** Milliseconds since the epoch, inclusive. */
  from: number;
  /** Milliseconds since the epoch, exclusive. */
  to: number;
}

/** One answer to the satisfaction question: a rating on the 5-point scale, 5 = very satisfied. */
export interface SatisfactionResponse {
  /** The day (UTC, `YYYY-MM-DD`) only, so a rating cannot be matched to a submission by its time. */
  day: string;
  formId: string;
  formVersion: string;
  channel: Channel;
  language: string;
  rating: 1 | 2 | 3 | 4 | 5;
}

/** A free-text comment left with a rating; stored apart from it, with no link to it or anything. */
export interface FeedbackComment {
  day: string;
  formId: string;
  language: string;
  comment: string;
}

/** Which satisfaction responses or comments to read: days in [fromDay, toDay). */
export interface FeedbackQuery {
  formId: string;
  version?: string;
  fromDay: string;
  toDay: string;
}
