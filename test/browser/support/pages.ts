import path from 'node:path';
import { loadAgencies } from '../../../src/agency/load-agencies';
import { LEGAL_PAGES } from '../../../src/agency/agency-view';
import { loadForms } from '../../../src/definition/load';
import type {
  Condition,
  FormDefinition,
  Question,
  QuestionPage,
  RepeatSection,
} from '../../../src/definition/types';
import { isItemList, itemsOf, type Draft } from '../../../src/engine/answers';
import { itemPageKey, walk, type Step } from '../../../src/engine/journey';
import { applyValues, readPage } from '../../../src/engine/page-answers';
import { typeOf } from '../../../src/questions/registry';
import { stepUrl } from '../../../src/web/journey-state';
import { EXAMPLE_FORMS } from '../../support/agent';
import { addDays } from '../../support/dates';
import { validAnswers } from '../../support/form-filler';

/** The fields a browser posts, by name; checkboxes post a list. */
export type Body = Record<string, string | string[]>;

/** What kind of page a user is looking at. */
export type PageKind =
  | 'form-list'
  | 'not-found'
  | 'csrf-refused'
  | 'session-expired'
  | 'clear-answers'
  | 'start'
  | 'question'
  | 'item'
  | 'section-summary'
  | 'remove-item'
  | 'exit'
  | 'check-answers'
  | 'confirmation'
  | 'legal';

/**
 * One page of a journey, as the browser should find it, and how to leave it.
 * `key` names the page whatever the answers that led there, as a URL pattern (`/form/page`,
 * `/form/section/{n}/page`), so each page is checked once however many journeys pass it.
 */
export interface JourneyStep {
  key: string;
  kind: PageKind;
  url: string;
  /** The page's questions (question and item pages); empty elsewhere. */
  questions: readonly Question[];
  /** The answers that leave the page; absent when the journey moves on by following a link. */
  answer?: Body;
  /** Submitting the page empty is refused with an error summary. */
  required: boolean;
  /** Answers the service refuses for a reason other than being empty (a date "31 2 2020"...). */
  wrong?: Body;
}

/** A journey from a form's start page to check answers (then the confirmation) or to an exit page. */
export interface Journey {
  form: FormDefinition;
  steps: JourneyStep[];
}

/** A page outside any journey: the form list, errors, and the pages about the session. */
export interface ServicePage {
  key: string;
  kind: PageKind;
  url: string;
  status: number;
  /** For the CSRF-refused page: the page whose form is posted with a wrong token. */
  postFrom?: string;
}

/** The example forms in `forms/`, as the service loads them. */
export function exampleForms(): FormDefinition[] {
  return [...loadForms(EXAMPLE_FORMS).values()];
}

const TODAY = addDays(0).iso;
/** Answer combinations tried on one page at most: enough for every branch of the examples. */
const MAX_BODIES_PER_PAGE = 64;

function conditionsOf(condition: Condition | undefined): Condition[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(conditionsOf);
  if ('any' in condition) return condition.any.flatMap(conditionsOf);
  return [condition];
}

/** Every condition of a form, each with the index of the top-level page it belongs to. */
function formConditions(form: FormDefinition): Array<{ at: number; condition: Condition }> {
  return form.pages.flatMap((page, at) => {
    const own = conditionsOf(page.condition).map((condition) => ({ at, condition }));
    const inner =
      page.kind === 'repeat'
        ? page.pages.flatMap((p) =>
            conditionsOf(p.condition).map((condition) => ({ at, condition })),
          )
        : [];
    return [...own, ...inner];
  });
}

function questionOf(condition: Condition): string | undefined {
  return 'question' in condition ? condition.question : undefined;
}

function isoPlusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function dateBody(id: string, iso: string): Body {
  const [year = '', month = '', day = ''] = iso.split('-');
  return {
    [`${id}-day`]: String(Number(day)),
    [`${id}-month`]: String(Number(month)),
    [`${id}-year`]: year,
  };
}

/** Answers either side of the values a form's conditions compare a question with. */
function boundaryAnswers(form: FormDefinition, question: Question): Body[] {
  const bodies: Body[] = [];
  for (const { condition } of formConditions(form)) {
    if (questionOf(condition) !== question.id) continue;
    const operands = Object.entries(condition)
      .filter(([key]) => key !== 'question')
      .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
      .filter((value): value is string | number => typeof value !== 'boolean');
    for (const operand of operands) {
      if (question.type === 'date') {
        const iso = operand === 'today' ? TODAY : String(operand);
        bodies.push(dateBody(question.id, isoPlusDays(iso, -1)));
        bodies.push(dateBody(question.id, isoPlusDays(iso, 1)));
      } else if (typeof operand === 'number') {
        for (const n of [operand - 1, operand, operand + 1])
          bodies.push({ [question.id]: String(n) });
      } else if (['text', 'textarea', 'name', 'email', 'phone'].includes(question.type)) {
        bodies.push({ [question.id]: operand });
      }
    }
  }
  return bodies;
}

function accepts(question: Question, body: Body): boolean {
  return typeOf(question).parse(question, body, { today: TODAY }).errors.length === 0;
}

/** The questions some condition looks at: their answers can change the way through the form. */
export function steeringQuestions(form: FormDefinition): Set<string> {
  return new Set(formConditions(form).flatMap((c) => questionOf(c.condition) ?? []));
}

/** Every answer worth trying for a question: typical answers, then those either side of its conditions. */
export function sampleAnswers(form: FormDefinition, question: Question): Body[] {
  const seen = new Set<string>();
  return [...validAnswers(question), ...boundaryAnswers(form, question)].filter((body) => {
    const key = JSON.stringify(body);
    if (seen.has(key) || !accepts(question, body)) return false;
    seen.add(key);
    return true;
  });
}

/** Answers a person might get wrong, other than leaving the question empty, by question type. */
function wrongCandidates(question: Question): Body[] {
  const id = question.id;
  switch (question.type) {
    case 'text':
      return [{ [id]: 'XYZ!' }, { [id]: 'A'.repeat((question.maxLength ?? 500) + 1) }];
    case 'textarea':
      return [{ [id]: 'Leak' }, { [id]: 'Water drips. '.repeat(question.maxLength) }];
    case 'number':
      return [{ [id]: 'three' }, { [id]: String((question.max ?? 1e9) + 1) }];
    case 'money':
      return [{ [id]: 'about a hundred pounds' }];
    case 'email':
      return [{ [id]: 'amara.okafor.example.com' }];
    case 'phone':
      return [{ [id]: 'call me after 5' }];
    case 'date':
      return [{ [`${id}-day`]: '31', [`${id}-month`]: '2', [`${id}-year`]: '2020' }];
    case 'name':
      return [{ [id]: 'Amara Okafor '.repeat(90) }];
    case 'address':
      return [
        {
          [`${id}-line1`]: '12 Station Road',
          [`${id}-town`]: 'Northbrook',
          [`${id}-postcode`]: 'XYZ',
        },
      ];
    default:
      return [];
  }
}

/** An answer the question refuses although it is not empty, if the question has one. */
export function wrongAnswer(question: Question): Body | undefined {
  return wrongCandidates(question).find((body) => !accepts(question, body));
}

function pageKey(form: FormDefinition, step: Step): string {
  if (step.kind === 'page' && step.section) {
    return `/${form.id}/${step.section.id}/{n}/${step.page.id}`;
  }
  return stepUrl(form, step);
}

/** Every page a form can show, by key: what the journeys must cover between them. */
export function formPageKeys(form: FormDefinition): string[] {
  const keys = [`/${form.id}`];
  for (const page of form.pages) {
    if (page.kind !== 'repeat') {
      keys.push(`/${form.id}/${page.id}`);
      continue;
    }
    for (const inner of page.pages) keys.push(`/${form.id}/${page.id}/{n}/${inner.id}`);
    keys.push(`/${form.id}/${page.id}`, `/${form.id}/${page.id}/{n}/remove`);
  }
  keys.push(`/${form.id}/check-answers`, `/${form.id}/confirmation`);
  return keys;
}

type PlanDraft = Pick<Draft, 'answers' | 'done'>;

function questionStep(form: FormDefinition, step: Extract<Step, { kind: 'page' }>): JourneyStep {
  const wrong = Object.assign({}, ...step.page.questions.map((q) => wrongAnswer(q) ?? {})) as Body;
  return {
    key: pageKey(form, step),
    kind: step.section ? 'item' : 'question',
    url: stepUrl(form, step),
    questions: step.page.questions,
    required: step.page.questions.some((q) => !q.optional),
    wrong: Object.keys(wrong).length > 0 ? wrong : undefined,
  };
}

/** Every combination of the answers worth trying on a page (capped). */
function pageBodies(form: FormDefinition, page: QuestionPage, steering: Set<string>): Body[] {
  let bodies: Body[] = [{}];
  for (const question of page.questions) {
    const answers = sampleAnswers(form, question);
    if (answers.length === 0) throw new Error(`no sample answer fits question "${question.id}"`);
    // Only answers that some condition looks at can change the way; others need one answer.
    const tried = steering.has(question.id) ? answers : answers.slice(0, 1);
    bodies = bodies
      .flatMap((b) => tried.map((a) => ({ ...b, ...a })))
      .slice(0, MAX_BODIES_PER_PAGE);
  }
  return bodies;
}

function answerPage(
  draft: PlanDraft,
  step: Extract<Step, { kind: 'page' }>,
  body: Body,
): PlanDraft {
  const next = structuredClone(draft) as PlanDraft;
  const { values, errors } = readPage(step.page, body, { today: TODAY });
  if (errors.length > 0) throw new Error(`sample answer refused on ${step.page.id}`);
  let key = step.key;
  if (step.section && step.item) {
    const items = itemsOf(next.answers, step.section.id);
    let item = items.find((i) => i.id === step.item?.id);
    if (!item) {
      item = { id: `item-${items.length + 1}`, answers: {} };
      next.answers[step.section.id] = [...items, item];
    }
    applyValues(item.answers, values);
    key = itemPageKey(step.section.id, item.id, step.page.id);
  } else {
    applyValues(next.answers, values);
  }
  if (!next.done.includes(key)) next.done.push(key);
  return next;
}

/**
 * What can still change the way ahead: where the journey stands, and the answers that conditions of
 * this page and later ones look at. Two drafts alike in this lead to the same pages.
 */
function signature(form: FormDefinition, draft: PlanDraft, step: Step): string {
  const at = form.pages.findIndex(
    (p) => p.id === (step.kind === 'page' && step.section ? step.section.id : step.key),
  );
  const ahead = new Set(
    formConditions(form)
      .filter((c) => c.at >= at)
      .flatMap((c) => questionOf(c.condition) ?? []),
  );
  const pick = (answers: Readonly<Record<string, unknown>>) =>
    Object.entries(answers).filter(([id]) => ahead.has(id));
  const relevant = Object.entries(draft.answers).flatMap(([id, value]): unknown[] =>
    isItemList(value) ? [[id, value.map((item) => pick(item.answers))]] : pick({ [id]: value }),
  );
  return JSON.stringify([
    pageKey(form, step),
    step.kind === 'page' ? step.item?.index : 0,
    relevant,
  ]);
}

/**
 * Plans journeys through a form that between them reach every page it can show, from the
 * definition alone: walks the form with the engine, trying at each page the answers that steer the
 * way (every option, dates and numbers either side of each condition), and keeps a journey whenever
 * it reaches a page no earlier journey did. The first journey is the plain way to check answers.
 * Throws, naming them, when some pages cannot be reached with any sample answer.
 */
export function planJourneys(form: FormDefinition): Journey[] {
  const steering = steeringQuestions(form);
  const covered = new Set<string>();
  const journeys: Journey[] = [];
  const start: JourneyStep = {
    key: `/${form.id}`,
    kind: 'start',
    url: `/${form.id}`,
    questions: [],
    required: false,
  };

  const keep = (steps: JourneyStep[]) => {
    if (steps.every((s) => covered.has(s.key))) return;
    steps.forEach((s) => covered.add(s.key));
    journeys.push({ form, steps });
  };
  // The way from each state explored to the end of a journey: a state like one seen before leads to
  // the same pages, so a journey that meets it takes the same way on.
  const onward = new Map<string, JourneyStep[] | undefined>();

  /** Explores from a draft; returns the steps from there to the end of one journey. */
  const explore = (draft: PlanDraft, steps: JourneyStep[]): JourneyStep[] | undefined => {
    const { next } = walk(form, draft);
    const url = stepUrl(form, next);
    if (next.kind === 'exit' || next.kind === 'check-answers') {
      const end: JourneyStep[] =
        next.kind === 'exit'
          ? [{ key: url, kind: 'exit', url, questions: [], required: false }]
          : [
              { key: url, kind: 'check-answers', url, questions: [], required: false, answer: {} },
              {
                key: `/${form.id}/confirmation`,
                kind: 'confirmation',
                url: `/${form.id}/confirmation`,
                questions: [],
                required: false,
              },
            ];
      keep([...steps, ...end]);
      return end;
    }
    const where = signature(form, draft, next);
    if (onward.has(where)) {
      const known = onward.get(where);
      if (known) keep([...steps, ...known]);
      return known;
    }
    onward.set(where, undefined);
    let way: JourneyStep[] | undefined;
    const tryStep = (after: PlanDraft, taken: JourneyStep[]) => {
      const rest = explore(after, [...steps, ...taken]);
      if (rest && !way) way = [...taken, ...rest];
    };
    if (next.kind === 'page') {
      const step = questionStep(form, next);
      for (const body of pageBodies(form, next.page, steering)) {
        tryStep(answerPage(draft, next, body), [{ ...step, answer: body }]);
      }
    } else {
      const section: RepeatSection = next.section;
      const items = itemsOf(draft.answers, section.id);
      const summary: JourneyStep = {
        key: url,
        kind: 'section-summary',
        url,
        questions: [],
        required: true,
      };
      // One item shows every page of the section; more only repeat them.
      if (items.length < Math.max(section.min ?? 0, 1)) {
        const more = structuredClone(draft) as PlanDraft;
        more.answers[section.id] = [...items, { id: `item-${items.length + 1}`, answers: {} }];
        more.done = more.done.filter((key) => key !== section.id);
        tryStep(more, [{ ...summary, answer: { 'add-another': 'yes' } }]);
      } else {
        const done = structuredClone(draft) as PlanDraft;
        done.done.push(section.id);
        tryStep(done, [
          summary,
          {
            key: `/${form.id}/${section.id}/{n}/remove`,
            kind: 'remove-item',
            url: `/${form.id}/${section.id}/${items.length}/remove`,
            questions: [],
            required: true,
            answer: { remove: 'no' },
          },
          { ...summary, answer: { 'add-another': 'no' } },
        ]);
      }
    }
    onward.set(where, way);
    return way;
  };

  explore({ answers: {}, done: [] }, [start]);
  const missing = formPageKeys(form).filter((key) => !covered.has(key));
  if (missing.length > 0) {
    throw new Error(`${form.id}: no journey reaches ${missing.join(', ')} with the sample answers`);
  }
  // The plain journey (the first found that reaches check answers) goes first.
  const plain = journeys.findIndex((j) => j.steps.some((s) => s.kind === 'check-answers'));
  return [...journeys.splice(plain, 1), ...journeys];
}

/** The agencies whose legal pages the example deployment links to: the default one and theirs. */
function exampleAgencyIds(forms: FormDefinition[]): string[] {
  const dir = path.join(EXAMPLE_FORMS, '..', 'agencies');
  const ids = forms.map((f) => f.id);
  const own = loadAgencies(dir, ids, ['ar', 'cy', 'en', 'es'])
    .filter(({ agency }) => agency.forms.some((id) => ids.includes(id)))
    .map(({ agency }) => agency.id);
  return ['default', ...own];
}

/** Every page a user can see outside a journey, for the forms the service runs. */
export function servicePages(forms: FormDefinition[]): ServicePage[] {
  const first = forms[0];
  const firstPage = first && planJourneys(first)[0]?.steps[1];
  return [
    { key: '/', kind: 'form-list', url: '/', status: 200 },
    { key: '/no-such-form', kind: 'not-found', url: '/no-such-form', status: 404 },
    ...(firstPage
      ? [
          {
            key: `${firstPage.url} (CSRF refused)`,
            kind: 'csrf-refused' as const,
            url: firstPage.url,
            postFrom: firstPage.url,
            status: 403,
          },
        ]
      : []),
    ...forms.flatMap((form) => [
      {
        key: `/${form.id}/session-expired`,
        kind: 'session-expired' as const,
        url: `/${form.id}/session-expired`,
        status: 200,
      },
      {
        key: `/${form.id}/clear`,
        kind: 'clear-answers' as const,
        url: `/${form.id}/clear`,
        status: 200,
      },
    ]),
    ...exampleAgencyIds(forms).flatMap((agency) =>
      LEGAL_PAGES.map((page) => {
        const url = `/agencies/${agency}/${page}`;
        return { key: url, kind: 'legal' as const, url, status: 200 };
      }),
    ),
  ];
}
