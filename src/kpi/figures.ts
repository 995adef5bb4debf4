import type { Channel } from '../engine/answers';
import type { FormCosts } from '../definition/types';
import type { SatisfactionResponse } from '../store/journey-events';
import { DIGITAL_CHANNELS } from './channels';
import { costFigures, type CostFigures } from './cost';
import type { JourneySummary } from './journeys';
import { percentile } from './percentile';
import { within, type Period } from './period';
import { satisfactionFigures, type SatisfactionFigures } from './satisfaction';

/** The headline KPIs of a form over a period. */
export interface Figures {
  /** Journeys whose first `start` is in the period. */
  starts: number;
  /** Transactions completed in the period (submissions and exit pages), whenever they started. */
  completions: number;
  /** Submissions in the period whose address was "I have no fixed address": applicants who needed it. */
  noFixedAddress: number;
  /** Journeys sent to an urgent exit page ("Call us now") in the period: not completions. */
  urgentExits: number;
  /** Of the journeys started in the period, how many have completed (at any time since). */
  startedAndCompleted: number;
  /** startedAndCompleted / starts: never above 1; null without starts. */
  completionRate: number | null;
  /** Of the journeys started in the period: saved, resumed, and saved but never resumed in time. */
  saved: number;
  resumed: number;
  expired: number;
  /** From the first start to the completion, in milliseconds, of completions in the period. */
  timeToComplete: { count: number; medianMs: number | null; p90Ms: number | null };
  /** Digital completions (online and assisted digital) / completions in all channels. */
  digitalTakeUp: { digital: number; all: number; rate: number | null };
  satisfaction: SatisfactionFigures;
  cost: CostFigures;
}

/** The KPIs of a form over a period, from its journeys and its satisfaction ratings. */
export function figuresFor(
  journeys: Iterable<JourneySummary>,
  responses: readonly SatisfactionResponse[],
  period: Period,
  costs: FormCosts | undefined,
): Figures {
  let starts = 0;
  let startedAndCompleted = 0;
  let saved = 0;
  let resumed = 0;
  let expired = 0;
  let urgentExits = 0;
  let noFixedAddress = 0;
  const durations: number[] = [];
  const byChannel = new Map<Channel, number>();
  for (const journey of journeys) {
    if (journey.start && within(period, journey.start.at)) {
      starts += 1;
      if (journey.completion) startedAndCompleted += 1;
      if (journey.saved) saved += 1;
      if (journey.resumed) resumed += 1;
      if (journey.expired && !journey.completion) expired += 1;
    }
    if (journey.urgent && within(period, journey.urgent.at)) urgentExits += 1;
    if (journey.noFixedAddress && within(period, journey.noFixedAddress.at)) noFixedAddress += 1;
    const done = journey.completion;
    if (done && within(period, done.at)) {
      byChannel.set(done.channel, (byChannel.get(done.channel) ?? 0) + 1);
      if (journey.start && journey.start.at <= done.at) durations.push(done.at - journey.start.at);
    }
  }
  const completions = [...byChannel.values()].reduce((sum, n) => sum + n, 0);
  const digital = [...byChannel].reduce(
    (sum, [channel, n]) => sum + (DIGITAL_CHANNELS.has(channel) ? n : 0),
    0,
  );
  return {
    starts,
    completions,
    noFixedAddress,
    urgentExits,
    startedAndCompleted,
    completionRate: starts === 0 ? null : startedAndCompleted / starts,
    saved,
    resumed,
    expired,
    timeToComplete: {
      count: durations.length,
      medianMs: wholeMs(percentile(durations, 0.5)),
      p90Ms: wholeMs(percentile(durations, 0.9)),
    },
    digitalTakeUp: {
      digital,
      all: completions,
      rate: completions === 0 ? null : digital / completions,
    },
    satisfaction: satisfactionFigures(responses),
    cost: costFigures(costs, byChannel),
  };
}

function wholeMs(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value);
}
