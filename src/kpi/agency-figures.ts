import type { Figures } from './figures';

/** An agency's headline figures: those of its forms added together, over the same period. */
export interface AgencyFigures {
  forms: number;
  starts: number;
  completions: number;
  /** Of the journeys started in the period, how many have completed. */
  startedAndCompleted: number;
  /** startedAndCompleted / starts over every form: never above 1; null without starts. */
  completionRate: number | null;
  /** Digital completions / completions in all channels, over every form; null without any. */
  digitalTakeUp: { digital: number; all: number; rate: number | null };
}

/**
 * Adds up the figures of an agency's forms (each from `computeReport`): counts are summed and the
 * rates worked out again from the sums, so a form with many journeys weighs as much as its
 * journeys, never as one form among others.
 */
export function agencyFigures(forms: readonly Figures[]): AgencyFigures {
  const sum = (pick: (f: Figures) => number) => forms.reduce((total, f) => total + pick(f), 0);
  const starts = sum((f) => f.starts);
  const startedAndCompleted = sum((f) => f.startedAndCompleted);
  const digital = sum((f) => f.digitalTakeUp.digital);
  const all = sum((f) => f.digitalTakeUp.all);
  return {
    forms: forms.length,
    starts,
    completions: sum((f) => f.completions),
    startedAndCompleted,
    completionRate: starts === 0 ? null : startedAndCompleted / starts,
    digitalTakeUp: { digital, all, rate: all === 0 ? null : digital / all },
  };
}
