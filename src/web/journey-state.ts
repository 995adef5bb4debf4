import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { FormDefinition } from '../definition/types';
import type { Draft } from '../engine/answers';
import type { Step } from '../engine/journey';
import type { Store, Submission } from '../store/store';
import {
  forgetDraftsReadWithSession,
  takeDraftReadWithSession,
} from './session/drafts-read-with-session';
import type {} from './session/session-data';

declare module './session/session-data' {
  interface SessionData {
    /** The transaction in progress for each form, by form id. */
    journeys?: Record<string, string>;
    /** The last submission made in this session, by form id, for the confirmation page. */
    submitted?: Record<string, string>;
  }
}

/** The journey in progress for this form in this session, or a new, unsaved one. */
export async function loadDraft(
  req: Request,
  store: Store,
  form: FormDefinition,
  lang: string,
): Promise<Draft> {
  const id = req.session.journeys?.[form.id];
  // Read with the session in one query where the session listed it; else from the store.
  const stored = id
    ? (takeDraftReadWithSession(req, id) ?? { draft: await store.journeys.getDraft(id) }).draft
    : undefined;
  // The language of the latest page is the one the submission records (for letters in it).
  if (stored) return { ...stored, language: lang };
  const now = Date.now();
  return {
    id: randomUUID(),
    formId: form.id,
    formVersion: form.version,
    answers: {},
    done: [],
    language: lang,
    channel: 'online',
    createdAt: now,
    updatedAt: now,
  };
}

/** Saves the draft and ties it to the session, so a restart or another tab continues it. */
export async function saveDraft(req: Request, store: Store, draft: Draft): Promise<void> {
  draft.updatedAt = Date.now();
  forgetDraftsReadWithSession(req);
  await store.journeys.saveDraft(draft);
  // A staff journey is tied to the caseworker's own slot when it starts (caseworker/journey-slots.ts).
  if (draft.caseworkerId) return;
  if (req.session.journeys?.[draft.formId] !== draft.id) {
    req.session.journeys = { ...req.session.journeys, [draft.formId]: draft.id };
  }
}

/** Lets go of a sent journey and remembers its reference for the confirmation page. */
export function rememberSubmission(req: Request, form: FormDefinition, reference: string): void {
  req.session.submitted = { ...req.session.submitted, [form.id]: reference };
  if (req.session.journeys) delete req.session.journeys[form.id];
}

/**
 * The submission the session's journey of this form already made, when the session still points
 * at it: the process stopped after the store committed the submission and before the session was
 * saved. The person must get their reference, not an empty form inviting a second application.
 */
export async function sentJourney(
  req: Request,
  store: Store,
  form: FormDefinition,
): Promise<Submission | undefined> {
  const id = req.session.journeys?.[form.id];
  return id ? store.journeys.findSubmissionByTransaction(id) : undefined;
}

/**
 * The URL of a step of a form's journey, under `base`: where the journey routes are mounted
 * (`req.baseUrl`: empty for the public pages, `/caseworker/call` for staff).
 */
export function stepUrl(form: FormDefinition, step: Step, base = ''): string {
  const root = `${base}/${form.id}`;
  switch (step.kind) {
    case 'check-answers':
      return `${root}/check-answers`;
    case 'summary':
      return `${root}/${step.section.id}`;
    case 'exit':
      return `${root}/${step.page.id}`;
    case 'page':
      return step.section && step.item
        ? `${root}/${step.section.id}/${step.item.index + 1}/${step.page.id}`
        : `${root}/${step.page.id}`;
  }
}
