import path from 'node:path';
import { readAloudScript } from '../../src/caseworker/read-aloud-script';
import { loadForms } from '../../src/definition/load';
import { localise } from '../../src/definition/translation';
import type { FormDefinition, QuestionPage } from '../../src/definition/types';
import { createI18n, translator } from '../../src/web/i18n';

const i18n = createI18n();
const forms = loadForms(path.join(__dirname, '..', 'fixtures', 'forms'));
const permit = forms.get('parking-permit') as FormDefinition;

function page(form: FormDefinition, id: string, inner?: string): QuestionPage {
  const found = form.pages.find((p) => p.id === id);
  if (found?.kind === 'repeat') return found.pages.find((p) => p.id === inner) as QuestionPage;
  return found as QuestionPage;
}

describe('readAloudScript', () => {
  it('says a yes-or-no question with its two answers, in the caller’s language', () => {
    const welsh = localise(permit, 'cy');
    expect(readAloudScript(page(welsh, 'live-in-zone'), translator(i18n, 'cy'))).toEqual({
      body: [],
      questions: [
        { label: "Ydych chi'n byw mewn parth parcio preswylwyr?", options: ['Ie', 'Na'] },
      ],
    });
  });

  it('says a page of questions with its title, marking the optional one', () => {
    expect(readAloudScript(page(permit, 'contact'), translator(i18n, 'en'))).toEqual({
      title: 'How can we contact you?',
      body: [],
      questions: [{ label: 'Phone number' }, { label: 'Email address (optional)' }],
    });
  });

  it('says the choices of a radios question and the hint of a date', () => {
    const t = translator(i18n, 'en');
    expect(readAloudScript(page(permit, 'vehicles', 'fuel'), t).questions).toEqual([
      { label: 'What fuel does it use?', options: ['Petrol', 'Diesel', 'Electric'] },
    ]);
    expect(readAloudScript(page(permit, 'start-date'), t).questions).toEqual([
      { label: 'When do you want the permit to start?', hint: 'For example, 27 3 2027' },
    ]);
  });

  it('tells the caller they may choose more than one on a checkboxes question', () => {
    const checkboxes: QuestionPage = {
      id: 'help',
      questions: [
        {
          id: 'help',
          type: 'checkboxes',
          label: 'Pa help sydd ei angen arnoch?',
          options: [
            { value: 'large-print', text: 'Print bras' },
            { value: 'braille', text: 'Braille' },
          ],
        },
      ],
    };
    expect(readAloudScript(checkboxes, translator(i18n, 'cy')).questions).toEqual([
      {
        label: 'Pa help sydd ei angen arnoch?',
        options: ['Print bras', 'Braille'],
        instruction: 'Gallwch ddewis mwy nag un.',
      },
    ]);
  });
});
