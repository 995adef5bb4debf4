import Joi from 'joi';
import type { Option } from '../definition/types';

/** joi schema of a list of options: unique values, each with its text. */
export const optionsSchema = Joi.array()
  .items(
    Joi.object({
      value: Joi.string()
        .pattern(/^[a-z0-9][a-z0-9-]*$/)
        .required()
        .messages({
          'string.pattern.base': 'option values are lower-case letters, digits and dashes',
        }),
      text: Joi.string().required(),
      hint: Joi.string(),
      exclusive: Joi.boolean(),
    }),
  )
  .min(2)
  .unique('value')
  .required();

/** The text of the option with this value, or the value itself when none matches. */
export function optionText(options: readonly Option[], value: string): string {
  return options.find((o) => o.value === value)?.text ?? value;
}

/** Whether the value is one the options offer (so a forged post cannot store anything else). */
export function isOffered(options: readonly Option[], value: string): boolean {
  return options.some((o) => o.value === value);
}
