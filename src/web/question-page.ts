import { randomUUID } from 'node:crypto';
import type { DestinationsConfig } from '../delivery/destination';
import type { Request, Response } from 'express';
import { revisionOf } from '../definition/revision';
import type { FormDefinition } from '../definition/types';
import type { Draft, RepeatItem } from '../engine/answers';
import { itemsOf } from '../engine/answers';
import {
  itemPageKey,
  previousStep,
  stepAfter,
  walk,
  type Step,
  type Walk,
} from '../engine/journey';
import { applyValues, rawFromAnswers, readPage } from '../engine/page-answers';
import { typeOf } from '../questions/registry';
import type { QuestionError, RawState } from '../questions/question-type';
import type { Store } from '../store/store';
import type { JourneyEvents } from './kpi/kpi-events';
import type { AssistedJourney } from './caseworker/assisted-journey';
import type { FileUploads, ReceivedPost } from './uploads/file-uploads';
import { fileQuestionsOf } from './uploads/file-pages';
import { keepFiles } from './uploads/file-page';
import { itemHeading } from './item-heading';
import { notYetCheckbox } from './not-yet-checkbox';
import { today } from '../engine/today';
import { stepLookup, wordPage, wordingChoices } from '../engine/wording';
import { saveDraft, stepUrl } from './journey-state';
import { addressStage, choiceWithInputs, stageQuery } from './address-stage';
import { choiceField } from '../questions/address-parts';
import { answersToKeep, saveUrl, wantsToSave } from './resume/save-request';
import { slot } from './page-cache';
import {
  errorSummary,
  langOf,
  questionView,
  tOf,
  type Render,
  type RenderDependencies,
} from './render';

type PageStep = Extract<Step, { kind: 'page' }>;

export interface PageHandlerDependencies extends Pick<RenderDependencies, 'i18n'> {
  store: Store;
  render: Render;
  /** Set when staff run the journey (the caseworker area's mounts); undefined for the public. */
  assisted?: AssistedJourney;
  /** Records journey events for the KPIs (src/web/kpi/kpi-events.ts). */
  kpi?: JourneyEvents;
  /** Takes in files for pages with file questions; set when a form has one. */
  uploads?: FileUploads;
  /** Where submissions go: their outbox rows are written with them (src/delivery/outbox.ts). */
  destinations: DestinationsConfig;
}

/** Keeps the draft where this journey keeps drafts: the store, or (a preview) the session. */
export function keepDraft(
  deps: PageHandlerDependencies,
  req: Request,
  draft: Draft,
): Promise<void> {
  return deps.assisted?.keepDraft
    ? deps.assisted.keepDraft(req, draft)
    : saveDraft(req, deps.store, draft);
}

/** Whether the user came from check answers to change an answer. */
export function isChangeMode(req: Request): boolean {
  return req.query.change === '1';
}

/** The answers record a page step reads and writes: the form's, or its repeat item's. */
function answersFor(draft: Draft, step: PageStep): Record<string, unknown> {
  if (!step.section || !step.item) return draft.answers;
  return itemsOf(draft.answers, step.section.id).find((i) => i.id === step.item?.id)?.answers ?? {};
}

/**
 * Shows a question page, with stored answers or with what was typed and its errors. `walked` is
 * the journey as the route walked it for this draft, when it has (walked once a request).
 */
export function renderQuestionPage(
  deps: PageHandlerDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  draft: Draft,
  step: PageStep,
  typed?: { raw: RawState; errors: QuestionError[] },
  walked: Walk = walk(form, draft),
): void {
  const lang = langOf(res);
  const t = tOf(res, deps);
  const lookup = stepLookup(form, draft, step);
  const page = wordPage(step.page, lookup);
  const single = page.questions.length === 1 && !page.title;
  const raw = typed?.raw ?? rawFromAnswers(page, answersFor(draft, step));
  const errors = typed?.errors ?? [];
  const change = isChangeMode(req);
  const previous = previousStep(walked, step.key);
  const stage = addressStage(page, req);
  const backHref = stage?.chosen
    ? `${req.baseUrl}${req.path}${stageQuery(undefined, change)}`
    : change
      ? `${req.baseUrl}/${form.id}/check-answers`
      : previous
        ? stepUrl(form, previous, req.baseUrl)
        : `${req.baseUrl}/${form.id}`;
  const action = `${req.baseUrl}${req.path}${stageQuery(stage?.chosen, change)}`;
  // Without errors the page is cached: typed text and the back link go into slots, and the choices
  // (which decide what is checked) into the key.
  // Staff pages hold a script in the caller's language and the caseworker's name: never cached.
  // A file page shows the files already given (names and keys): never cached.
  const multipart = fileQuestionsOf(page).length > 0;
  const cacheable = errors.length === 0 && !deps.assisted && !multipart;
  const values: Record<string, string> = { back: backHref };
  const shown: RawState = { ...raw };
  if (cacheable) {
    for (const q of page.questions) {
      for (const field of typeOf(q).freeTextFields(q)) {
        values[`f:${field}`] = String(raw[field] ?? '');
        shown[field] = slot(`f:${field}`);
        delete raw[field];
      }
    }
  }
  const caption = () =>
    step.section && step.item
      ? itemHeading(t, lang, step.section.itemName, step.item.index + 1)
      : undefined;
  deps.render(
    req,
    res,
    'question-page.njk',
    () => ({
      form,
      pageTitle: page.title ?? page.questions[0]?.label,
      heading: single ? undefined : page.title,
      caption: caption(),
      body: page.body,
      questions: page.questions.flatMap((q) => [
        typeOf(q).view(q, shown, {
          ...questionView(q, errors, {
            t,
            lang,
            isPageHeading: single,
            staff: Boolean(deps.assisted),
          }),
          ...(stage && { stage: stage.chosen ?? 'choose' }),
        }),
        ...(q.notYet ? [notYetCheckbox(q, raw, t)] : []),
      ]),
      errors: errorSummary(page.questions, errors, { t, lang }),
      backHref: cacheable ? slot('back') : backHref,
      action,
      // The language links keep the second page of a two-page address on it.
      addressChosen: stage?.chosen,
      multipart,
      ...deps.assisted?.questionLocals(res, draft, step),
    }),
    errors.length > 0 ? 400 : 200,
    cacheable
      ? {
          key: `${form.id}@${revisionOf(form)}|${action}|${wordingChoices(step.page, lookup)}|${JSON.stringify(raw)}`,
          values,
        }
      : undefined,
  );
}

/** Takes a question page's answers: shows it again with errors, or saves and moves on. */
export async function acceptQuestionPage(
  deps: PageHandlerDependencies,
  req: Request,
  res: Response,
  form: FormDefinition,
  draft: Draft,
  step: PageStep,
): Promise<void> {
  // Made once, when first written to: a new repeat item is added to the draft then.
  let place: ReturnType<typeof target> | undefined;
  const placeOf = () => (place ??= target(draft, step));
  const files = fileQuestionsOf(step.page).length > 0;
  const upload = files ? await receiveFiles(deps, req, step, draft) : undefined;
  let body = upload?.body ?? (req.body as Record<string, unknown>);
  const stage = addressStage(step.page, req);
  if (stage?.chosen) {
    // The second page of an address: the kind was chosen on the first, and its URL says which.
    body = { ...body, [choiceField(stage.question)]: stage.chosen };
  } else if (stage && !(!deps.assisted && wantsToSave(req))) {
    const chosen = choiceWithInputs(stage, body);
    if (chosen) {
      return res.redirect(303, `${req.baseUrl}${req.path}${stageQuery(chosen, isChangeMode(req))}`);
    }
  }
  const result = readPage(step.page, body, {
    today: today(),
    lang: langOf(res),
  });
  if (upload) {
    // Files stored are the draft's at once, whatever else the page says, so none is lost.
    const shown = await keepFiles(deps, { req, draft, upload, result, place: placeOf });
    if (shown) {
      if (shown.errors.length > 0)
        return renderQuestionPage(deps, req, res, form, draft, step, shown);
      return res.redirect(303, `${req.baseUrl}${req.path}${isChangeMode(req) ? '?change=1' : ''}`);
    }
  }
  // "Save and come back later" keeps every valid answer of the page, even when another is wrong.
  const saving = !deps.assisted && wantsToSave(req);
  const complete = result.errors.length === 0;
  if (!complete && !saving) {
    deps.kpi?.journeyEvent(req, draft, 'error', { step, errors: result.errors });
    renderQuestionPage(deps, req, res, form, draft, step, result);
    return;
  }
  const values = answersToKeep(result);
  if (!complete && Object.values(values).every((v) => v === undefined)) {
    return res.redirect(303, saveUrl(form, true));
  }
  const { answers, key } = placeOf();
  applyValues(answers, values);
  if (complete && !draft.done.includes(key)) draft.done.push(key);
  await keepDraft(deps, req, draft);
  if (complete) deps.kpi?.journeyEvent(req, draft, 'answer', { step });
  if (saving) return res.redirect(303, saveUrl(form, !complete));
  const walked = walk(form, draft);
  res.redirect(303, nextUrl(form, walked, key, isChangeMode(req), req.baseUrl));
}

/** The answers record a page's post writes to, the repeat item made if new, and the page's key. */
function target(draft: Draft, step: PageStep): { answers: Record<string, unknown>; key: string } {
  if (!step.section || !step.item) return { answers: draft.answers, key: step.key };
  const items = itemsOf(draft.answers, step.section.id);
  let item = items.find((i) => i.id === step.item?.id);
  if (!item) {
    item = { id: newItemId(), answers: {} } satisfies RepeatItem;
    draft.answers[step.section.id] = [...items, item];
  }
  return { answers: item.answers, key: itemPageKey(step.section.id, item.id, step.page.id) };
}

/** The files posted to a page, taken in; a service without uploads takes none (a caller posts them). */
function receiveFiles(
  deps: PageHandlerDependencies,
  req: Request,
  step: PageStep,
  draft: Draft,
): Promise<ReceivedPost> | undefined {
  return deps.uploads?.receive(req, step.page, answersFor(draft, step), draft.id, {
    staff: Boolean(deps.assisted),
  });
}

/**
 * Where to go after a step: the next step on the path; or, when changing an answer from check
 * answers, straight back there unless the change put a new question on the path (then that
 * question, still in change mode).
 */
export function nextUrl(
  form: FormDefinition,
  walked: Walk,
  key: string,
  change: boolean,
  base = '',
): string {
  if (!change) return stepUrl(form, stepAfter(walked, key), base);
  const url = stepUrl(form, walked.next, base);
  return walked.complete ? url : `${url}?change=1`;
}

/** A short random id for a repeat item. */
export function newItemId(): string {
  return randomUUID().slice(0, 8);
}
