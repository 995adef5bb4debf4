import type { Channel } from '../engine/answers';
import type { JourneyEvent, JourneyEventType } from '../store/journey-events';

/** Where and how something happened in a journey. */
export interface JourneyMoment {
  at: number;
  channel: Channel;
  language: string;
}

/** One journey, folded from its events. */
export interface JourneySummary {
  id: string;
  /** Its first `start`: a resumed journey keeps its id, so a resume is never a second start. */
  start?: JourneyMoment;
  /** Its first submission or exit page: the transaction is complete. */
  completion?: JourneyMoment & { type: 'submit' | 'exit' };
  /** Its first urgent exit page ("Call us now"): counted apart, never as a completion. */
  urgent?: JourneyMoment;
  /** The step keys the journey reached. */
  reached: Set<string>;
  /** The last step seen: where a journey that did not complete left. */
  lastPage?: string;
  saved: boolean;
  resumed: boolean;
  /** Saved and not resumed within the expiry. */
  expired: boolean;
  /** When and where its submission said "I have no fixed address" (the fact only). */
  noFixedAddress?: JourneyMoment;
}

// Events that show the user on a step.
const ON_A_STEP: ReadonlySet<JourneyEventType> = new Set(['start', 'page', 'answer', 'error']);

/**
 * Folds events (oldest first) into one summary per journey; an exit to one of `urgentPages` (the
 * form's urgent exit pages) is an urgent referral, not a completion.
 */
export function foldJourneys(
  events: readonly JourneyEvent[],
  urgentPages: ReadonlySet<string> = new Set(),
): Map<string, JourneySummary> {
  const journeys = new Map<string, JourneySummary>();
  const ordered = [...events].sort((a, b) => a.at - b.at || a.id - b.id);
  for (const event of ordered) {
    let journey = journeys.get(event.journeyId);
    if (!journey) {
      journey = {
        id: event.journeyId,
        reached: new Set(),
        saved: false,
        resumed: false,
        expired: false,
      };
      journeys.set(event.journeyId, journey);
    }
    const moment = { at: event.at, channel: event.channel, language: event.language };
    if (event.pageKey && ON_A_STEP.has(event.type)) {
      journey.reached.add(event.pageKey);
      journey.lastPage = event.pageKey;
    }
    if (event.type === 'exit' && event.pageKey) journey.reached.add(event.pageKey);
    if (event.type === 'start') journey.start ??= moment;
    else if (event.type === 'exit' && event.pageKey && urgentPages.has(event.pageKey)) {
      journey.urgent ??= moment;
    } else if (event.type === 'submit' || event.type === 'exit') {
      journey.completion ??= { ...moment, type: event.type };
    } else if (event.type === 'save') journey.saved = true;
    else if (event.type === 'resume') journey.resumed = true;
    else if (event.type === 'expired') journey.expired = true;
    else if (event.type === 'no-fixed-address') journey.noFixedAddress ??= moment;
  }
  return journeys;
}
