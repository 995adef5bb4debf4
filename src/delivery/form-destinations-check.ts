import path from 'node:path';
import { DefinitionError } from '../definition/load';
import type { FormDefinition } from '../definition/types';
import type { DestinationsConfig } from './destination';
import { checkFormDestinations } from './form-destinations';

/** A file as problems name it: from the working folder when it is below it. */
export function problemFileName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') ? file : relative;
}

/**
 * Stops the start when a form names a destination the operator has not configured, as
 * `civic-forms validate` reports it (file, JSON path, what was found, what was expected).
 */
export function assertFormDestinations(
  forms: ReadonlyMap<string, FormDefinition>,
  config: DestinationsConfig,
  formsDir?: string,
): void {
  const problems = [...forms.values()].flatMap((form) =>
    checkFormDestinations(
      form,
      problemFileName(formsDir ? path.join(formsDir, `${form.id}.json`) : `${form.id}.json`),
      config,
    ),
  );
  if (problems.length > 0) throw new DefinitionError(problems);
}
