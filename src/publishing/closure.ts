import { today } from '../engine/today';
import type { FormClosure } from '../store/form-version-repository';
import type { FormCatalogue } from './form-catalogue';

/**
 * How a form is closed to this journey today, or undefined when it may go on: a closed form takes
 * no new journeys from its closing day, and journeys already started until their deadline.
 */
export function closedTo(
  catalogue: Pick<FormCatalogue, 'closure'>,
  formId: string,
  started: boolean,
  day: string = today(),
): FormClosure | undefined {
  const closure = catalogue.closure(formId);
  if (!closure || day < closure.closesOn) return undefined;
  if (started && day <= closure.draftsUntil) return undefined;
  return closure;
}
