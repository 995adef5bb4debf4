import { pluralCategoriesOf, pluralForms } from './plural-keys';
import type { Problem } from './problem';
import type { FormDefinition } from './types';

/** The plural texts of a definition: each repeating section's `itemCount`, with its JSON path. */
export function pluralTexts(
  form: FormDefinition,
): Array<{ path: string; key: string; name: string; forms: Record<string, string> }> {
  return form.pages.flatMap((page, i) => {
    if (page.kind !== 'repeat') return [];
    const forms = pluralForms(page, 'itemCount');
    return forms
      ? [{ path: `pages[${i}]`, key: `pages.${page.id}`, name: 'itemCount', forms }]
      : [];
  });
}

/**
 * A plural text must give every plural category of the language it is written in (English `one`
 * and `other`; Welsh and Arabic all six), so no count falls back to another number's words.
 */
export function checkPlurals(form: FormDefinition, file: string): Problem[] {
  const wanted = pluralCategoriesOf(form.language);
  return pluralTexts(form).flatMap(({ path, name, forms }) =>
    wanted
      .filter((category) => forms[category] === undefined)
      .map((category) => ({
        file,
        path: `${path}.${name}_${category}`,
        message: 'is missing',
        expected: `every plural form ${form.language} has: ${wanted.map((c) => `${name}_${c}`).join(', ')}`,
      })),
  );
}
