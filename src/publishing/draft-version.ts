import type { FormDefinition } from '../definition/types';
import type { Draft } from '../engine/answers';
import { moveDraft } from '../engine/move-draft';
import { today } from '../engine/today';
import type { FormCatalogue } from './form-catalogue';

/** The definition a draft goes on with, and the draft (moved, when it moves to the current one). */
export interface PinnedDraft {
  source: FormDefinition;
  draft: Draft;
}

/**
 * The version a draft finishes on: the one it started on, unless the current version declares
 * itself compatible with it (`compatibleWith`), when the draft moves to the current one keeping
 * the answers that still fit. A version this process cannot find (a folder edited in development
 * without keeping the old one) is the current one, and the draft records it.
 */
export function pinDraft(
  catalogue: FormCatalogue,
  current: FormDefinition,
  draft: Draft,
): PinnedDraft {
  if (draft.formVersion === current.version) return { source: current, draft };
  const own = catalogue.version(current.id, draft.formVersion);
  if (own && !current.compatibleWith?.includes(draft.formVersion)) return { source: own, draft };
  return { source: current, draft: moveDraft(current, draft, today()) };
}

/** The forms a submission's version is looked up in: a catalogue, or a map of current versions. */
export type VersionLookup = ReadonlyMap<string, FormDefinition> &
  Partial<Pick<FormCatalogue, 'version'>>;

/** The definition a submission was made on, or the current one if this process has not got it. */
export function submittedOn(
  catalogue: VersionLookup,
  submission: { formId: string; formVersion: string },
): FormDefinition | undefined {
  return (
    catalogue.version?.(submission.formId, submission.formVersion) ??
    catalogue.get(submission.formId)
  );
}
