import type { BreakdownRow } from '../../kpi/breakdown';
import type { Figures } from '../../kpi/figures';
import type { KpiReport } from '../../kpi/report';
import type { Translate } from '../../questions/question-type';
import { escapeHtml } from '../escape-html';
import type { FigureFormat } from './format';

/** A cell of a govuk-frontend table. */
export interface Cell {
  text: string;
  /** Markup instead of `text` (already escaped). */
  html?: string;
  format?: 'numeric';
  attributes?: Record<string, string>;
}

/** A govuk-frontend table's parameters. */
export interface Table {
  caption: string;
  head: Cell[];
  rows: Cell[][];
}

/** Words and number formats of one page language. */
export interface Wording {
  t: Translate;
  f: FigureFormat;
}

const numeric = (text: string): Cell => ({ text, format: 'numeric' });

/**
 * A cell of words a form's author wrote (a page's question, a form title) or a code: isolated in its
 * own direction (`<bdi>`), so English in a right-to-left table keeps its question mark at its end.
 */
export function ownDirection(text: string, link?: string): Cell {
  const bdi = `<bdi>${escapeHtml(text)}</bdi>`;
  return {
    text,
    html: link ? `<a class="govuk-link" href="${escapeHtml(link)}">${bdi}</a>` : bdi,
  };
}

/** A figure, or "No data" when there is none. */
export function shown<T>(
  value: T | null | undefined,
  format: (v: T) => string,
  w: Wording,
): string {
  return value === null || value === undefined ? w.t('dashboard:noData') : format(value);
}

/** The headline figures as text, for the form list and the form page. */
export function headline(figures: Figures, w: Wording) {
  const { t, f } = w;
  const cost = figures.cost;
  return {
    starts: f.count(figures.starts),
    completions: f.count(figures.completions),
    completionRate: shown(figures.completionRate, f.percent, w),
    digitalTakeUp: shown(figures.digitalTakeUp.rate, f.percent, w),
    satisfaction: shown(figures.satisfaction.rate, f.percent, w),
    costPerTransaction: cost.missing.length
      ? t('dashboard:noCost')
      : shown(cost.perTransaction, (v) => f.money(v, cost.currency), w),
    medianTime: shown(figures.timeToComplete.medianMs, f.duration, w),
  };
}

/** The headline table of a form's page: each KPI, its figure, and how it was worked out. */
export function headlineTable(
  report: KpiReport,
  w: Wording,
  channelName: (c: string) => string,
  offersNoFixedAddress = false,
): Table {
  const { t, f } = w;
  const fig = report.figures;
  const text = headline(fig, w);
  const row = (key: string, value: string, detail: string): Cell[] => [
    { text: t(`dashboard:headline.${key}`) },
    numeric(value),
    { text: detail },
  ];
  const time = fig.timeToComplete;
  return {
    caption: t('dashboard:headline.heading'),
    head: [
      { text: t('dashboard:headline.measure') },
      numeric(t('dashboard:headline.figure')),
      { text: t('dashboard:headline.detail') },
    ],
    rows: [
      row('starts', text.starts, t('dashboard:headline.startsDetail')),
      row('completions', text.completions, t('dashboard:headline.completionsDetail')),
      row(
        'completionRate',
        text.completionRate,
        t('dashboard:headline.completionRateDetail', {
          completed: f.count(fig.startedAndCompleted),
          started: f.count(fig.starts),
          expired: f.count(fig.expired),
        }),
      ),
      row(
        'timeToComplete',
        text.medianTime,
        t('dashboard:headline.timeDetail', {
          p90: shown(time.p90Ms, f.duration, w),
          count: f.count(time.count),
        }),
      ),
      row(
        'digitalTakeUp',
        text.digitalTakeUp,
        t('dashboard:headline.digitalDetail', {
          digital: f.count(fig.digitalTakeUp.digital),
          all: f.count(fig.digitalTakeUp.all),
        }),
      ),
      row(
        'satisfaction',
        text.satisfaction,
        t('dashboard:headline.satisfactionDetail', {
          satisfied: f.count(fig.satisfaction.satisfied),
          responses: f.count(fig.satisfaction.responses),
        }),
      ),
      row(
        'costPerTransaction',
        text.costPerTransaction,
        fig.cost.missing.length
          ? t('dashboard:headline.costMissing', {
              channels: fig.cost.missing.map(channelName).join(', '),
            })
          : t('dashboard:headline.costDetail', {
              total: shown(fig.cost.total, (v) => f.money(v, fig.cost.currency), w),
              completions: f.count(fig.completions),
            }),
      ),
      row(
        'saved',
        f.count(fig.saved),
        t('dashboard:headline.savedDetail', { resumed: f.count(fig.resumed) }),
      ),
      ...(offersNoFixedAddress || fig.noFixedAddress > 0
        ? [
            row(
              'noFixedAddress',
              f.count(fig.noFixedAddress),
              t('dashboard:headline.noFixedAddressDetail'),
            ),
          ]
        : []),
      ...(fig.urgentExits > 0
        ? [row('urgentExits', f.count(fig.urgentExits), t('dashboard:headline.urgentExitsDetail'))]
        : []),
    ],
  };
}

/** A channel or language breakdown as a table; `name` words a key, with its language if it has one. */
export function breakdownTable(
  caption: string,
  firstColumn: string,
  rows: readonly BreakdownRow[],
  name: (key: string) => Cell,
  w: Wording,
  withNoFixedAddress = false,
): Table {
  const { t, f } = w;
  return {
    caption,
    head: [
      { text: firstColumn },
      numeric(t('dashboard:breakdown.starts')),
      numeric(t('dashboard:breakdown.completions')),
      numeric(t('dashboard:breakdown.share')),
      numeric(t('dashboard:breakdown.completionRate')),
      numeric(t('dashboard:breakdown.satisfaction')),
      ...(withNoFixedAddress ? [numeric(t('dashboard:breakdown.noFixedAddress'))] : []),
    ],
    rows: rows.map((row) => [
      name(row.key),
      numeric(f.count(row.starts)),
      numeric(f.count(row.completions)),
      numeric(shown(row.share, f.percent, w)),
      numeric(shown(row.completionRate, f.percent, w)),
      numeric(shown(row.satisfactionRate, f.percent, w)),
      ...(withNoFixedAddress ? [numeric(f.count(row.noFixedAddress))] : []),
    ]),
  };
}
