import { parseDefinition } from '../../src/definition/load';
import type { FormDefinition, Question, QuestionPage } from '../../src/definition/types';

/** A form around some pages, checked by the same loader as the example forms. */
function form(id: string, title: string, pages: QuestionPage[]): FormDefinition {
  const definition = {
    id,
    title,
    version: '1.0',
    language: 'en',
    description: `A form made for the tests: ${title.toLowerCase()}.`,
    start: { body: ['Use this form to test the paper form.'] },
    help: {
      phone: '0306 999 0400',
      hours: 'Monday to Friday, 9am to 5pm',
      postalAddress: ['Forms Team', 'Northbrook Council', 'NB1 1AA'],
    },
    pages,
    confirmation: { title: 'Form sent', whatHappensNext: ['We will write to you.'] },
  };
  const loaded = parseDefinition(JSON.stringify(definition), `${id}.json`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return loaded.form;
}

const page = (question: Question): QuestionPage => ({ id: question.id, questions: [question] });

/** A select question with 60 options, one for each ward of a large district. */
export const longSelect = form('long-select', 'Report a street light fault', [
  page({
    id: 'ward',
    type: 'select',
    label: 'Which ward is the street light in?',
    hint: 'The ward is on your council tax bill.',
    options: Array.from({ length: 60 }, (_, i) => ({
      value: `ward-${i + 1}`,
      text: `Ward ${i + 1}: ${['North', 'South', 'East', 'West'][i % 4]} ${['Hill', 'Vale', 'Park', 'Green', 'Cross'][i % 5]} ${i + 1}`,
    })),
  }),
  page({ id: 'street', type: 'text', label: 'Which street is it on?' }),
]);

/** Radios with 20 long options, each with a hint. */
export const longRadios = form('long-radios', 'Apply for a parking permit', [
  page({
    id: 'reason',
    type: 'radios',
    label: 'Why do you need a parking permit?',
    options: Array.from({ length: 20 }, (_, i) => ({
      value: `reason-${i + 1}`,
      text:
        `Reason ${i + 1}: I need to park near my home because of my circumstances, which are ` +
        `explained in the guidance notes, section ${i + 1}, and which I can show evidence for`,
      hint: `For example a letter from the organisation that knows about reason ${i + 1}.`,
    })),
  }),
  page({ id: 'registration', type: 'text', label: 'What is the registration number?' }),
]);

const KINDS: Array<(n: number) => Question> = [
  (n) => ({ id: `q${n}`, type: 'text', label: `Question ${n}: what is the answer to this?` }),
  (n) => ({ id: `q${n}`, type: 'yes-no', label: `Question ${n}: is this true?` }),
  (n) => ({ id: `q${n}`, type: 'date', label: `Question ${n}: when did it start?` }),
  (n) => ({
    id: `q${n}`,
    type: 'textarea',
    label: `Question ${n}: tell us more`,
    maxLength: 400,
    optional: true,
  }),
  (n) => ({
    id: `q${n}`,
    type: 'checkboxes',
    label: `Question ${n}: which of these apply?`,
    options: [
      { value: 'a', text: `First choice of question ${n}` },
      { value: 'b', text: `Second choice of question ${n}` },
      { value: 'none', text: `None of the choices of question ${n}`, exclusive: true },
    ],
  }),
  (n) => ({ id: `q${n}`, type: 'money', label: `Question ${n}: how much is it?` }),
];

/** A survey of 240 questions of every kind, one to a page. */
export const longForm = form(
  'long-survey',
  'Tell us about your home',
  Array.from({ length: 240 }, (_, i) =>
    page((KINDS[i % KINDS.length] as (n: number) => Question)(i + 1)),
  ),
);
