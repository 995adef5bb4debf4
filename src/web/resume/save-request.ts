import type { Request } from 'express';
import type { FormDefinition } from '../../definition/types';
import type { PageResult } from '../../engine/page-answers';
import { postedString } from '../../questions/question-type';

/** The name and value of the "Save and come back later" button on question pages. */
export const SAVE_BUTTON = Object.freeze({ name: 'action', value: 'save' });

/** Whether a question page was posted with "Save and come back later" rather than "Continue". */
export function wantsToSave(req: Request): boolean {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return postedString(body, SAVE_BUTTON.name) === SAVE_BUTTON.value;
}

/**
 * The answers of a page worth keeping when saving for later: those of every question without an
 * error, so nothing valid that was typed is lost, and nothing invalid is stored.
 */
export function answersToKeep(result: PageResult): PageResult['values'] {
  const inError = new Set(result.errors.map((e) => e.questionId));
  return Object.fromEntries(Object.entries(result.values).filter(([id]) => !inError.has(id)));
}

/** The page that saves a form for later; `unsaved` says the last page's answer was not kept. */
export function saveUrl(form: FormDefinition, unsaved: boolean): string {
  return `/${form.id}/save${unsaved ? '?unsaved=1' : ''}`;
}
