import { catalogueOf } from '../../engine/journey';
import type { FormDefinition } from '../../definition/types';
import type { KpiReport } from '../../kpi/report';
import { barChart, columnChart, type Chart } from './charts';
import {
  breakdownTable,
  headlineTable,
  ownDirection,
  shown,
  type Cell,
  type Table,
  type Wording,
} from './tables';

/** One section of a form's dashboard: a heading, maybe a chart, and the table of its figures. */
export interface Section {
  id: string;
  heading: string;
  chart?: Chart;
  /** Said above the chart: what its bars are, when the heading does not say it. */
  chartDescription?: string;
  table: Table;
  /** Said instead of the table when it has no rows. */
  empty?: string;
}

const numeric = (text: string): Cell => ({ text, format: 'numeric' });

/** The sections of a form's dashboard page, in the order they are shown. */
export function dashboardSections(
  report: KpiReport,
  form: FormDefinition,
  w: Wording,
  rtl: boolean,
): { headline: Table; sections: Section[] } {
  const { t, f } = w;
  // "No fixed address" is a figure of forms whose address question offers it (or once counted).
  const offersNoFixedAddress =
    [...catalogueOf(form).values()].some(
      ({ question }) => question.type === 'address' && question.noFixedAddress === true,
    ) || report.figures.noFixedAddress > 0;
  const channelName = (key: string) => t(`dashboard:channels.${key}`);
  const languageCell = (key: string): Cell => ({
    text: t(`language.${key}`),
    attributes: { lang: key },
  });

  const steps = report.funnel.rows.map((row) => ({
    ...row,
    label:
      row.kind === 'check-answers' ? t('dashboard:funnel.checkAnswers') : (row.label ?? row.key),
  }));
  const funnel: Section = {
    id: 'funnel',
    heading: t('dashboard:funnel.heading'),
    chartDescription: t('dashboard:funnel.chartDescription'),
    // Where people left, not how many reached each page: reached only falls, so its bars are
    // nearly all the same length and hide the page people stop at.
    chart: barChart(
      'funnel',
      steps.map((s) => ({ label: s.label, value: s.left, text: f.count(s.left) })),
      rtl,
    ),
    table: {
      caption: t('dashboard:funnel.caption', {
        started: f.count(report.funnel.started),
        completed: f.count(report.funnel.completed),
      }),
      head: [
        { text: t('dashboard:funnel.step') },
        numeric(t('dashboard:funnel.reached')),
        numeric(t('dashboard:funnel.left')),
      ],
      rows: steps.map((s) => [
        ownDirection(s.label),
        numeric(f.count(s.reached)),
        numeric(f.count(s.left)),
      ]),
    },
  };

  const catalogue = catalogueOf(form);
  const errors: Section = {
    id: 'errors',
    heading: t('dashboard:errors.heading'),
    table: {
      caption: t('dashboard:errors.caption'),
      head: [
        { text: t('dashboard:errors.question') },
        { text: t('dashboard:errors.code') },
        numeric(t('dashboard:errors.count')),
        numeric(t('dashboard:errors.journeys')),
      ],
      rows: report.errors.map((e) => {
        const question = catalogue.get(e.questionId)?.question;
        return [
          ownDirection(question?.summaryLabel ?? question?.label ?? e.questionId),
          ownDirection(e.errorCode),
          numeric(f.count(e.count)),
          numeric(f.count(e.journeys)),
        ];
      }),
    },
    empty: t('dashboard:errors.none'),
  };

  const mix = (
    id: 'channels' | 'languages',
    cell: (key: string) => Cell,
    rows: KpiReport['byChannel'],
  ) => ({
    id,
    heading: t(`dashboard:${id}.heading`),
    chart: barChart(
      id,
      rows.map((r) => ({
        label: cell(r.key).text,
        value: r.completions,
        text: f.count(r.completions),
      })),
      rtl,
    ),
    table: breakdownTable(
      t(`dashboard:${id}.caption`),
      t(`dashboard:${id}.column`),
      rows,
      cell,
      w,
      offersNoFixedAddress,
    ),
  });

  const ratings = report.figures.satisfaction;
  const ratingValues = [5, 4, 3, 2, 1] as const;
  const satisfaction: Section = {
    id: 'satisfaction',
    heading: t('dashboard:satisfaction.heading'),
    chart: barChart(
      'satisfaction',
      ratingValues.map((r) => ({
        label: t(`feedback:ratings.${r}`),
        value: ratings.distribution[r],
        text: f.count(ratings.distribution[r]),
      })),
      rtl,
    ),
    table: {
      caption: t('dashboard:satisfaction.caption', { responses: f.count(ratings.responses) }),
      head: [
        { text: t('dashboard:satisfaction.rating') },
        numeric(t('dashboard:satisfaction.count')),
        numeric(t('dashboard:satisfaction.share')),
      ],
      rows: ratingValues.map((r) => [
        { text: t(`feedback:ratings.${r}`) },
        numeric(f.count(ratings.distribution[r])),
        numeric(
          shown(
            ratings.responses ? ratings.distribution[r] / ratings.responses : null,
            f.percent,
            w,
          ),
        ),
      ]),
    },
  };

  const points = report.trend.points;
  const trend: Section = {
    id: 'trend',
    heading: t('dashboard:trend.heading'),
    chart: columnChart(
      'trend',
      points.map((p) => ({
        label: f.shortDay(p.from),
        values: [p.figures.starts, p.figures.completions],
      })),
      [t('dashboard:trend.starts'), t('dashboard:trend.completions')],
      f.count,
      rtl,
    ),
    table: {
      caption: t(`dashboard:trend.captions.${report.trend.unit}`),
      head: [
        { text: t(`dashboard:trend.units.${report.trend.unit}`) },
        numeric(t('dashboard:trend.starts')),
        numeric(t('dashboard:trend.completions')),
        numeric(t('dashboard:breakdown.completionRate')),
        numeric(t('dashboard:headline.digitalTakeUp')),
        numeric(t('dashboard:headline.satisfaction')),
      ],
      rows: points.map((p) => [
        { text: f.day(p.from) },
        numeric(f.count(p.figures.starts)),
        numeric(f.count(p.figures.completions)),
        numeric(shown(p.figures.completionRate, f.percent, w)),
        numeric(shown(p.figures.digitalTakeUp.rate, f.percent, w)),
        numeric(shown(p.figures.satisfaction.rate, f.percent, w)),
      ]),
    },
  };

  return {
    headline: headlineTable(report, w, channelName, offersNoFixedAddress),
    sections: [
      funnel,
      errors,
      mix('channels', (key) => ({ text: channelName(key) }), report.byChannel),
      mix('languages', languageCell, report.byLanguage),
      satisfaction,
      trend,
    ],
  };
}
