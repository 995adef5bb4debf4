import type { Problem } from './problem';
import type { FormDefinition } from './types';

/** An urgent exit page tells people to call: the form must have a phone number to call. */
export function checkExits(form: FormDefinition, file: string): Problem[] {
  if (form.help.phone) return [];
  return form.pages.flatMap((page, i) =>
    page.kind === 'exit' && page.reason === 'urgent'
      ? [
          {
            file,
            path: `pages[${i}].reason`,
            message: 'is "urgent", which tells people to call, but help has no phone',
            expected: 'a help.phone, or another reason ("ineligible" or "elsewhere")',
          },
        ]
      : [],
  );
}
