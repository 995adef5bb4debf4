import type { DateQuestion, QuestionPage } from '../../definition/types';
import { readPage } from '../../engine/page-answers';
import { DAY_MS, dayOf, startOfDay, type Period } from '../../kpi/period';
import type { MacroCall, QuestionError, Translate } from '../../questions/question-type';
import { typeOf } from '../../questions/registry';
import { errorSummary, questionView } from '../render';

/** Days shown when no dates are chosen: the last 30, today included. */
export const DEFAULT_DAYS = 30;
/** The longest period the filter accepts. */
export const MOST_DAYS = 366;

/** The dashboard's date filter as read from the query string: a period, or what is wrong. */
export interface DashboardFilter {
  period: Period;
  /** The chosen days, `to` included, as `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** The date inputs to show, with what was typed and their errors. */
  questions: MacroCall[];
  errors: Array<{ text: string; href: string }>;
}

function dateQuestions(t: Translate): QuestionPage {
  const question = (id: 'from' | 'to'): DateQuestion => ({
    id,
    type: 'date',
    label: t(`dashboard:filter.${id}`),
    errorLabel: t(`dashboard:filter.${id}Subject`),
    hint: t('dashboard:filter.hint'),
    past: true,
  });
  return { id: 'dates', questions: [question('from'), question('to')] };
}

/**
 * Reads `from-day`, `from-month`, ... `to-year` from the query string with the date question type's
 * own rules and messages, then checks the end is not before the start and the period is at most
 * 366 days. Without any date field, the last 30 days.
 */
export function readDashboardFilter(
  query: Record<string, unknown>,
  context: { t: Translate; lang: string; today: string },
): DashboardFilter {
  const { t, lang, today } = context;
  const page = dateQuestions(t);
  const asked = Object.keys(query).some((key) => /^(from|to)-(day|month|year)$/.test(key));
  const defaultFrom = dayOf(startOfDay(today) - (DEFAULT_DAYS - 1) * DAY_MS);
  const body = asked
    ? query
    : {
        ...toFields('from', defaultFrom),
        ...toFields('to', today),
      };
  const result = readPage(page, body, { today, lang });
  const errors: QuestionError[] = [...result.errors];
  const from = result.values.from as string | undefined;
  const to = result.values.to as string | undefined;
  if (errors.length === 0 && from && to) {
    if (to < from) errors.push(rangeError('toBeforeFrom'));
    else if ((startOfDay(to) - startOfDay(from)) / DAY_MS + 1 > MOST_DAYS)
      errors.push(rangeError('tooLong'));
  }
  const questions = page.questions.map((q) =>
    typeOf(q).view(q, result.raw, questionView(q, errors, { t, lang, isPageHeading: false })),
  );
  // Range errors are the filter's own words, not a date question's.
  const own = errors.filter((e) => e.questionId === 'range');
  const summary = [
    ...errorSummary(page.questions, errors, { t, lang }),
    ...own.map((e) => ({
      text: t(`dashboard:filter.errors.${e.code}`, { max: MOST_DAYS }),
      href: '#to-day',
    })),
  ];
  const chosenFrom = errors.length === 0 && from ? from : defaultFrom;
  const chosenTo = errors.length === 0 && to ? to : today;
  return {
    period: { from: startOfDay(chosenFrom), to: startOfDay(chosenTo) + DAY_MS },
    from: chosenFrom,
    to: chosenTo,
    questions: own.length ? withRangeError(questions, summary.at(-1)?.text ?? '', t) : questions,
    errors: summary,
  };
}

function rangeError(code: 'toBeforeFrom' | 'tooLong'): QuestionError {
  return { questionId: 'range', field: 'to-day', code };
}

function toFields(id: string, iso: string): Record<string, string> {
  const [year = '', month = '', day = ''] = iso.split('-');
  return {
    [`${id}-day`]: String(Number(day)),
    [`${id}-month`]: String(Number(month)),
    [`${id}-year`]: year,
  };
}

/** Shows a range error on the end date's inputs, as the error summary links there. */
function withRangeError(questions: MacroCall[], text: string, t: Translate): MacroCall[] {
  return questions.map((call) => {
    if (call.params.id !== 'to') return call;
    const items = (call.params.items as Array<{ classes?: string }>).map((item) => ({
      ...item,
      classes: `${item.classes ?? ''} govuk-input--error`.trim(),
    }));
    const visuallyHiddenText = t('common:layout.errorPrefix').replace(/:$/, '');
    return {
      ...call,
      params: { ...call.params, items, errorMessage: { text, visuallyHiddenText } },
    };
  });
}
