import type { Request, Response } from 'express';
import type { FormDefinition } from '../../definition/types';
import type { Draft } from '../../engine/answers';
import type { Step } from '../../engine/journey';
import type { Submission } from '../../store/store';

/** A question page's step. */
export type QuestionStep = Extract<Step, { kind: 'page' }>;

/**
 * What the journey routes do differently when staff run them under `/caseworker/call` or
 * `/caseworker/paper` (see `journey-mounts.ts`): the same questions, validation and branching,
 * with the staff's own session slot, the read-aloud script or the paper's numbering, and their
 * own confirmation; or under `/preview`, a service team's preview of a definition not yet
 * published, which keeps nothing (`src/web/preview/`). The public journey passes none.
 */
export interface AssistedJourney {
  /** The form as these pages show it: paper keying numbers its questions as the paper does. */
  present(form: FormDefinition): FormDefinition;
  /** This session's staff journey for the form; undefined when none was started (consent first). */
  loadDraft(req: Request, form: FormDefinition): Promise<Draft | undefined>;
  /**
   * The submission this session's staff journey for the form made, when the session still holds
   * it: sent just before the process stopped, the session not saved after.
   */
  sentJourney(req: Request, form: FormDefinition): Promise<Submission | undefined>;
  /** What a question page adds: the script to read out, in the caller's language. */
  questionLocals(res: Response, draft: Draft, step: QuestionStep): Record<string, unknown>;
  /** Where a draft is kept instead of the store: a preview keeps it in the session only. */
  keepDraft?(req: Request, draft: Draft): Promise<void>;
  /** What sending does instead of storing a submission: a preview stores and sends nothing. */
  send?(req: Request, res: Response, form: FormDefinition, draft: Draft): Promise<void>;
  /** After sending: the audit line, letting go of the journey, and the staff confirmation. */
  submitted(
    req: Request,
    res: Response,
    form: FormDefinition,
    submission: Submission,
    created: boolean,
  ): Promise<void>;
}
