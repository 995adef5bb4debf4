import type { Request, Response } from 'express';
import type { FormDefinition } from '../../definition/types';
import type { Draft } from '../../engine/answers';
import { walk, type Step } from '../../engine/journey';
import { today } from '../../engine/today';
import { file as fileType } from '../../questions/file';
import { postedString, type PostedBody } from '../../questions/question-type';
import type { Store } from '../../store/store';
import { storedFilesOf, type StoredFile } from '../../uploads/stored-file';
import { saveDraft, stepUrl } from '../journey-state';
import { langOf } from '../render';
import type { FileUploads } from './file-uploads';
import { isFileQuestion } from './file-pages';

/** The answers record a page step writes to: the draft's, or its repeat item's. */
function answersOfStep(draft: Draft, step: Step & { kind: 'page' }): Record<string, unknown> {
  if (!step.section || !step.item) return draft.answers;
  const items = draft.answers[step.section.id];
  const item = Array.isArray(items)
    ? (items as Array<{ id: string; answers: Record<string, unknown> }>).find(
        (i) => i.id === step.item?.id,
      )
    : undefined;
  return item?.answers ?? {};
}

/** Where a file is in a draft: the page step, its answers record and its question. */
export interface FilePlace {
  step: Step & { kind: 'page' };
  answers: Record<string, unknown>;
  questionId: string;
  files: StoredFile[];
}

/** Every file question with files on the draft's path, where check answers lists them. */
export function filePlaces(form: FormDefinition, draft: Draft): FilePlace[] {
  return walk(form, draft).steps.flatMap((step) => {
    if (step.kind !== 'page') return [];
    const answers = answersOfStep(draft, step);
    return step.page.questions.filter(isFileQuestion).map((q) => ({
      step,
      answers,
      questionId: q.id,
      files: storedFilesOf(answers[q.id]),
    }));
  });
}

/**
 * The Remove button beside a file on check answers (CSRF-protected, like every post): the file
 * leaves its answer and its blob is deleted once the draft is saved without it. Back to check
 * answers; or, when the question now lacks files it needs, to its page (in change mode).
 */
export async function acceptRemoveFile(
  deps: { store: Store; uploads?: FileUploads },
  req: Request,
  res: Response,
  form: FormDefinition,
  draft: Draft,
): Promise<void> {
  const id = postedString((req.body ?? {}) as PostedBody, 'removeFile');
  const checkAnswers = `${req.baseUrl}/${form.id}/check-answers`;
  const place = filePlaces(form, draft).find((p) => p.files.some((f) => f.id === id));
  if (!place) return res.redirect(303, checkAnswers);
  const question = place.step.page.questions.find((q) => q.id === place.questionId);
  const kept = place.files.filter((f) => f.id !== id);
  if (kept.length > 0) place.answers[place.questionId] = kept;
  else delete place.answers[place.questionId];
  const parsed =
    question && isFileQuestion(question)
      ? fileType.parse(
          question,
          { [question.id]: { files: kept, problems: [] } },
          {
            today: today(),
            lang: langOf(res),
          },
        )
      : undefined;
  if (parsed && parsed.errors.length > 0) {
    draft.done = draft.done.filter((key) => key !== place.step.key);
  }
  await saveDraft(req, deps.store, draft);
  await deps.uploads?.discard([id]);
  const walked = walk(form, draft);
  res.redirect(
    303,
    walked.complete ? checkAnswers : `${stepUrl(form, walked.next, req.baseUrl)}?change=1`,
  );
}
