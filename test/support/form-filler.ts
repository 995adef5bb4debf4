import type {
  FormDefinition,
  Question,
  QuestionPage,
  RepeatSection,
} from '../../src/definition/types';
import { choiceField, offersChoice } from '../../src/questions/address-parts';
import { typeOf } from '../../src/questions/registry';
import { ADDRESS_PARAM } from '../../src/web/address-stage';
import { addDays } from './dates';
import { summaryErrors, Visitor } from './agent';

export type Body = Record<string, string | string[]>;

const TODAY = addDays(0).iso;

function dateBody(id: string, days: number): Body {
  const d = addDays(days);
  return { [`${id}-day`]: d.day, [`${id}-month`]: d.month, [`${id}-year`]: d.year };
}

/** Answers a person might give, before checking which the question accepts. */
function candidates(question: Question): Body[] {
  const id = question.id;
  switch (question.type) {
    case 'text':
      return [
        'Sample answer',
        'AB123456C',
        '12345678',
        'ABC123',
        '1234567890',
        'NB1234567',
        'NB 5012 3456',
      ].map((v) => ({ [id]: v }));
    case 'textarea':
      return [{ [id]: 'Water has been dripping from the kitchen ceiling since Monday.' }];
    case 'number':
      return ['1', '2', '3', '5', '10', '100', '0'].map((v) => ({ [id]: v }));
    case 'money':
      return ['250', '1250.50', '12000', '10'].map((v) => ({ [id]: v }));
    case 'email':
      return [{ [id]: 'amara.okafor@example.com' }];
    case 'phone':
      return [{ [id]: '01632 960 001' }, { [id]: '+44 808 157 0192' }];
    case 'date':
      return [-365 * 30, -400, -10, 30, 400].map((days) => dateBody(id, days));
    case 'radios':
    case 'select':
      return question.options.map((o) => ({ [id]: o.value }));
    case 'checkboxes':
      return question.options.map((o) => ({ [id]: [o.value] }));
    case 'yes-no':
      return [{ [id]: 'yes' }, { [id]: 'no' }];
    case 'name':
      return [{ [id]: 'Amara Okafor' }];
    case 'file':
      // Files go up as multipart posts (test/web/uploads); a journey here leaves optional ones out.
      return [];
    case 'address': {
      const uk = {
        line1: '12 Station Road',
        town: 'Northbrook',
        postcode: 'sw1a1aa',
      };
      const abroad = { line1: '4 Rue de la Paix', town: 'Paris', postcode: '75002', country: 'FR' };
      const fields = (prefix: string, parts: Record<string, string>) =>
        Object.fromEntries(Object.entries(parts).map(([k, v]) => [`${prefix}-${k}`, v]));
      const choosing = question.variant === 'either' || question.noFixedAddress === true;
      if (!choosing) return [fields(id, question.variant === 'international' ? abroad : uk)];
      return [
        ...(question.variant !== 'international'
          ? [{ [`${id}-choice`]: 'uk', ...fields(`${id}-uk`, uk) }]
          : []),
        ...(question.variant !== 'uk' && question.variant !== undefined
          ? [{ [`${id}-choice`]: 'international', ...fields(`${id}-international`, abroad) }]
          : []),
        ...(question.noFixedAddress ? [{ [`${id}-choice`]: 'collect' }] : []),
      ];
    }
  }
}

/** The answers a question accepts, each as the fields a browser would post. */
export function validAnswers(question: Question): Body[] {
  const accepted = candidates(question).filter(
    (body) => typeOf(question).parse(question, body, { today: TODAY }).errors.length === 0,
  );
  return question.optional ? [...accepted, {}] : accepted;
}

/** Every combination of accepted answers for a page's questions (capped). */
function pageBodies(page: QuestionPage): Body[] {
  let bodies: Body[] = [{}];
  for (const question of page.questions) {
    const answers = validAnswers(question);
    if (answers.length === 0) throw new Error(`no sample answer fits question "${question.id}"`);
    bodies = bodies.flatMap((body) => answers.map((a) => ({ ...body, ...a }))).slice(0, 48);
  }
  return bodies;
}

/**
 * What a person posts on a page asked over two (its one question an address whose kind they
 * choose): on the first, only the kind (each kind once); on the second, `?address=<kind>`, only
 * that kind's inputs. Other pages post their bodies as they are.
 */
function asPersonWould(page: QuestionPage, url: string, bodies: Body[]): Body[] {
  const [question] = page.questions;
  if (page.questions.length !== 1 || question?.type !== 'address' || !offersChoice(question)) {
    return bodies;
  }
  const field = choiceField(question);
  const chosen = new URLSearchParams(url.split('?')[1] ?? '').get(ADDRESS_PARAM);
  if (chosen === null) {
    const kinds = [...new Set(bodies.map((body) => body[field]))];
    return kinds.map((kind) => (kind === undefined ? {} : { [field]: kind }));
  }
  return bodies
    .filter((body) => body[field] === chosen)
    .map((body) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== field)));
}

/** What a URL of the journey is: a page of questions, a section summary, or something else. */
function stepAt(
  form: FormDefinition,
  url: string,
): { page?: QuestionPage; section?: RepeatSection } {
  const [, , first, position, pageId] = url.split('?')[0]!.split('/');
  const top = form.pages.find((p) => p.id === first);
  if (top?.kind === 'repeat') {
    return position ? { page: top.pages.find((p) => p.id === pageId) } : { section: top };
  }
  return top && top.kind !== 'exit' ? { page: top } : {};
}

export interface Exploration {
  /** Each page visited and whether submitting it empty showed the error summary. */
  emptyErrors: Array<{ url: string; required: boolean; errors: string[] }>;
  /** The answers that reached the goal, page by page, in order (to replay in a browser). */
  path: Array<{ url: string; body: Body }>;
  requests: number;
}

/**
 * Drives a real HTTP journey through a form to a goal (check answers, or an exit page), trying the
 * accepted answers of each page in turn and going back when a choice leads the wrong way.
 */
export async function explore(
  visitor: Visitor,
  form: FormDefinition,
  goal: 'check-answers' | 'exit',
  url = `/${form.id}/${form.pages[0]?.id ?? ''}`,
  found: Exploration = { emptyErrors: [], requests: 0, path: [] },
  depth = 0,
): Promise<Exploration | undefined> {
  // Exits follow early answers: a search for one stays near the start of the form.
  if (goal === 'exit' && depth > 4) return undefined;
  if (found.requests > 3000) throw new Error(`no way to ${goal} found in ${form.id}`);
  const response = await visitor.get(url);
  found.requests += 1;
  if (response.status === 303)
    return explore(visitor, form, goal, response.headers.location as string, found, depth);
  if (url.endsWith('/check-answers')) return goal === 'check-answers' ? found : undefined;
  if (!/<form method="post"/.test(response.text)) {
    return goal === 'exit' && response.status === 200 ? found : undefined;
  }
  const { page, section } = stepAt(form, url);
  const bodies = page
    ? asPersonWould(page, url, pageBodies(page))
    : [{ 'add-another': 'no' }, { 'add-another': 'yes' }];
  if (page && !found.emptyErrors.some((e) => e.url === url)) {
    const empty = await visitor.post(url, {});
    const required = page.questions.some((q) => !q.optional);
    found.emptyErrors.push({
      url,
      required,
      errors: empty.status === 400 ? summaryErrors(empty.text) : [],
    });
  }
  const exitIds = new Set(form.pages.flatMap((p) => (p.kind === 'exit' ? [p.id] : [])));
  if (goal === 'exit') {
    // Exits follow the answer that leads to them: look one step ahead with every answer first.
    for (const body of bodies) {
      await visitor.get(url);
      const posted = await visitor.post(url, body);
      found.requests += 2;
      const next = String(posted.headers.location ?? '');
      if (posted.status === 303 && exitIds.has(next.split('/')[2] ?? '')) {
        await visitor.get(next);
        return found;
      }
    }
  }
  for (const body of bodies) {
    await visitor.get(url);
    const posted = await visitor.post(url, body);
    found.requests += 2;
    if (posted.status !== 303) {
      if (section) continue;
      throw new Error(
        `${url} refused a valid answer ${JSON.stringify(body)}: ${summaryErrors(posted.text).join('; ')}`,
      );
    }
    const result = await explore(
      visitor,
      form,
      goal,
      posted.headers.location as string,
      found,
      depth + 1,
    );
    if (result) {
      result.path.unshift({ url, body });
      return result;
    }
  }
  return undefined;
}
