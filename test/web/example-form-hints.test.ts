import { loadForms } from '../../src/definition/load';
import { languagesOf, localise } from '../../src/definition/translation';
import type { FormDefinition, Page, Question, TextQuestion } from '../../src/definition/types';
import { text } from '../../src/questions/text';
import { EXAMPLE_FORMS } from '../support/agent';
import { parseContext } from '../questions/context';

/**
 * The example each patterned question of the example forms gives in its hint, by `form/question`.
 * A person copies the hint's example to see the format: the form must accept it, in every language.
 */
const HINT_EXAMPLES: Record<string, string> = {
  'council-tax-reduction/national-insurance-number': 'AB 12 34 56 C',
  'register-change-of-address/council-tax-account': 'NB 5012 3456',
  'register-change-of-address/vehicle-registration': 'CU57 ABC',
};

const forms = [...loadForms(EXAMPLE_FORMS).values()];

/** The questions of a page, and of each page of a repeating section. */
function questionsOf(page: Page): Question[] {
  if (page.kind === 'exit') return [];
  if (page.kind === 'repeat') return page.pages.flatMap(questionsOf);
  return page.questions;
}

/** Every text question with a pattern, in every language its form is offered in. */
function patterned(form: FormDefinition): Array<[string, string, TextQuestion]> {
  return languagesOf(form).flatMap((lang) =>
    localise(form, lang)
      .pages.flatMap(questionsOf)
      .flatMap((q) =>
        q.type === 'text' && q.pattern
          ? [[`${form.id}/${q.id}`, lang, q] as [string, string, TextQuestion]]
          : [],
      ),
  );
}

const cases = forms.flatMap(patterned);

describe('the example forms’ hint examples', () => {
  it('lists every patterned question of the example forms', () => {
    expect([...new Set(cases.map(([key]) => key))].sort()).toEqual(
      Object.keys(HINT_EXAMPLES).sort(),
    );
  });

  it.each(cases)('%s (%s): the hint’s example passes the question’s own pattern', (key, _l, q) => {
    const example = HINT_EXAMPLES[key] ?? '';
    expect(q.hint).toContain(example);
    // The message for a wrong format, when it gives an example, gives the same one.
    if (q.errors?.pattern && /\d/.test(q.errors.pattern)) {
      expect(q.errors.pattern).toContain(example);
    }
    expect(text.parse(q, { [q.id]: example }, parseContext).errors).toEqual([]);
  });
});
