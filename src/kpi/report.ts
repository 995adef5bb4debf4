import { languagesOf } from '../definition/translation';
import type { FormDefinition } from '../definition/types';
import type { JourneyEvent, SatisfactionResponse } from '../store/journey-events';
import { breakdown, type BreakdownRow } from './breakdown';
import { CHANNELS } from './channels';
import { errorRanking, type ErrorRow } from './error-ranking';
import { figuresFor, type Figures } from './figures';
import { funnel, type Funnel } from './funnel';
import { foldJourneys } from './journeys';
import { funnelSteps } from './page-keys';
import { dayOf, dayRange, trendBuckets, type Period } from './period';

/** One bucket of a trend: its days (`to` exclusive) and its figures. */
export interface TrendPoint {
  from: string;
  to: string;
  figures: Figures;
}

/** Everything the dashboard and the exports show for a form over a period. */
export interface KpiReport {
  formId: string;
  /** The version the figures are limited to; null for every version. */
  version: string | null;
  /** The period's days, `to` exclusive (UTC). */
  period: { from: string; to: string };
  figures: Figures;
  byChannel: BreakdownRow[];
  byLanguage: BreakdownRow[];
  funnel: Funnel;
  errors: ErrorRow[];
  trend: { unit: 'day' | 'week'; points: TrendPoint[] };
}

/** What a report is computed from: events and ratings already read for the period. */
export interface ReportInput {
  form: FormDefinition;
  version?: string;
  period: Period;
  /** Every event of the journeys that had an event in the period (`Store.listJourneyEvents`). */
  events: readonly JourneyEvent[];
  /** The ratings given in the period's days. */
  responses: readonly SatisfactionResponse[];
}

/**
 * Computes a form's KPIs over a period: a pure function of the events and ratings, so it is tested
 * on hand-built lists. Definitions are in docs/kpis.md.
 */
export function computeReport(input: ReportInput): KpiReport {
  const { form, period, events, responses } = input;
  const urgentPages = new Set(
    form.pages.filter((p) => p.kind === 'exit' && p.reason === 'urgent').map((p) => p.id),
  );
  const journeys = [...foldJourneys(events, urgentPages).values()];
  const inDays = (p: Period) => {
    const { fromDay, toDay } = dayRange(p);
    return responses.filter((r) => r.day >= fromDay && r.day < toDay);
  };
  const { unit, buckets } = trendBuckets(period);
  const range = dayRange(period);
  return {
    formId: form.id,
    version: input.version ?? null,
    period: { from: range.fromDay, to: range.toDay },
    figures: figuresFor(journeys, inDays(period), period, form.costs),
    byChannel: breakdown(journeys, inDays(period), period, 'channel', CHANNELS),
    byLanguage: breakdown(journeys, inDays(period), period, 'language', languagesOf(form)),
    funnel: funnel(funnelSteps(form), journeys, period),
    errors: errorRanking(events, period),
    trend: {
      unit,
      points: buckets.map((bucket) => ({
        from: dayOf(bucket.from),
        to: dayRange(bucket).toDay,
        figures: figuresFor(journeys, inDays(bucket), bucket, form.costs),
      })),
    },
  };
}
