import { didYouMean } from '../definition/joi-problems';
import { jsonPath, type Problem } from '../definition/problem';
import type { DestinationsConfig } from './destination';

/** What a form says about where its submissions go: the ids of the operator's destinations. */
export interface FormDestinations {
  readonly id: string;
  readonly destinations?: readonly string[];
}

/**
 * The definition problems of a form that names destinations the operator has not configured.
 * A form that names none is delivered nowhere (its submissions stay in the service) and is fine.
 *
 * @example
 *   checkFormDestinations(form, 'forms/report-housing-repair.json', destinations); // Problem[]
 */
export function checkFormDestinations(
  form: FormDestinations,
  file: string,
  config: DestinationsConfig,
): Problem[] {
  const known = [...config.destinations.keys()];
  return (form.destinations ?? []).flatMap((id, index) => {
    if (config.destinations.has(id)) return [];
    const guess = didYouMean(id, known);
    return [
      {
        file,
        path: jsonPath(['destinations', index]),
        message: `is "${id}", which is not a destination the service has`,
        expected:
          known.length > 0
            ? `one of ${known.join(', ')}`
            : 'a destination from the destinations file (DESTINATIONS_FILE), which names none',
        hint: guess ? `did you mean "${guess}"?` : undefined,
      },
    ];
  });
}
