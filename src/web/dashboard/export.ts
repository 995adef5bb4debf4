import type { KpiReport } from '../../kpi/report';

type Value = string | number | boolean | null | undefined;

/** `{ a: { b: 1 } }` as `[['a.b', 1]]`; lists of plain values joined with `;`. */
function flatten(value: unknown, prefix = ''): Array<[string, Value]> {
  if (Array.isArray(value)) return [[prefix, value.join(';')]];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      flatten(inner, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [[prefix, value as Value]];
}

/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
function field(value: Value): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A report as one long CSV table (`section,group,item,metric,value`), ready for a spreadsheet's
 * pivot table: the same figures as the dashboard and the JSON export, and nothing else.
 */
export function reportCsv(report: KpiReport & { agency?: string }): string {
  const rows: Value[][] = [['section', 'group', 'item', 'metric', 'value']];
  const add = (section: string, group: string, item: string, values: object) => {
    for (const [metric, value] of flatten(values)) rows.push([section, group, item, metric, value]);
  };
  add('report', '', '', {
    ...(report.agency === undefined ? {} : { agency: report.agency }),
    formId: report.formId,
    version: report.version ?? 'all',
    ...report.period,
  });
  add('figures', '', '', report.figures);
  for (const { key, ...row } of report.byChannel) add('channel', key, '', row);
  for (const { key, ...row } of report.byLanguage) add('language', key, '', row);
  for (const row of report.funnel.rows) {
    add('funnel', row.kind, row.key, { reached: row.reached, left: row.left });
  }
  add('funnel', '', '', {
    started: report.funnel.started,
    completed: report.funnel.completed,
    leftElsewhere: report.funnel.leftElsewhere,
  });
  for (const row of report.errors) {
    add('errors', row.questionId, row.errorCode, { count: row.count, journeys: row.journeys });
  }
  for (const point of report.trend.points)
    add(`trend-${report.trend.unit}`, point.from, point.to, point.figures);
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
