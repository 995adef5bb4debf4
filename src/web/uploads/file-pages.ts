import type { FileQuestion, FormDefinition, Question, QuestionPage } from '../../definition/types';

/** Whether a question is a file question. */
export function isFileQuestion(question: Question): question is FileQuestion {
  return question.type === 'file';
}

/** A page's file questions (none for most pages). */
export function fileQuestionsOf(page: QuestionPage): FileQuestion[] {
  return page.questions.filter(isFileQuestion);
}

/** Every question page of a form, those of repeating sections included. */
function questionPagesOf(form: FormDefinition): QuestionPage[] {
  return form.pages.flatMap((page) =>
    page.kind === 'repeat' ? page.pages : page.kind === 'exit' ? [] : [page],
  );
}

/** Whether any of the forms asks for a file (then the service needs a scanner and a key). */
export function anyFileQuestion(forms: ReadonlyMap<string, FormDefinition>): boolean {
  return [...forms.values()].some((form) =>
    questionPagesOf(form).some((page) => fileQuestionsOf(page).length > 0),
  );
}

/**
 * The page with file questions a journey URL posts to, wherever the journey is mounted
 * (`/repair/photo`, `/caseworker/call/repair/photo`, `/repair/rooms/2/photo`): the first segment
 * naming a form, and the last naming one of its pages. Undefined when that page asks for no file.
 */
export function filePageAt(
  forms: ReadonlyMap<string, FormDefinition>,
  urlPath: string,
): QuestionPage | undefined {
  const segments = urlPath.split('/').filter(Boolean);
  const at = segments.findIndex((segment) => forms.has(segment));
  const form = at >= 0 ? forms.get(segments[at] as string) : undefined;
  const pageId = segments[segments.length - 1];
  if (!form || segments.length < at + 2) return undefined;
  const page = questionPagesOf(form).find((p) => p.id === pageId);
  return page && fileQuestionsOf(page).length > 0 ? page : undefined;
}
