import type { Condition, FormDefinition, QuestionPage } from '../../src/definition/types';

/** A question page whose one question is only asked when `condition` holds. */
function asked(id: string, condition: Condition): QuestionPage {
  return {
    id,
    condition,
    questions: [{ id, type: 'text', label: `Tell us more (${id})`, optional: true }],
  };
}

/**
 * A realistic form with every kind of answer a condition can look at, and one page per kind of
 * condition: the routing tests read its conditions back as paper instructions.
 */
export const busPass: FormDefinition = {
  id: 'apply-for-a-bus-pass',
  title: 'Apply for a disabled person’s bus pass',
  version: '2.1',
  language: 'en',
  description: 'Free bus travel if you are disabled.',
  start: { body: ['Use this service to apply for a bus pass.'] },
  help: {
    phone: '0306 999 0777',
    hours: 'Monday to Friday, 9am to 5pm',
    postalAddress: ['Bus Passes', 'Northbrook Council', 'NB1 1AA'],
  },
  pages: [
    {
      id: 'blue-badge',
      questions: [{ id: 'blue-badge', type: 'yes-no', label: 'Do you have a Blue Badge?' }],
    },
    {
      id: 'home',
      questions: [
        {
          id: 'home',
          type: 'radios',
          label: 'Do you own or rent your home?',
          options: [
            { value: 'own', text: 'Own' },
            { value: 'rent', text: 'Rent' },
            { value: 'other', text: 'Something else' },
            { value: 'no-home', text: 'I do not have a fixed address' },
          ],
        },
      ],
    },
    {
      id: 'benefits',
      questions: [
        {
          id: 'benefits',
          type: 'checkboxes',
          label: 'Which benefits do you get?',
          options: [
            { value: 'pip', text: 'Personal Independence Payment' },
            { value: 'dla', text: 'Disability Living Allowance' },
            { value: 'none', text: 'None of these', exclusive: true },
          ],
        },
      ],
    },
    {
      id: 'area',
      questions: [
        {
          id: 'area',
          type: 'select',
          label: 'Which area do you live in?',
          options: [
            { value: 'north', text: 'North' },
            { value: 'south', text: 'South' },
          ],
        },
      ],
    },
    { id: 'income', questions: [{ id: 'income', type: 'money', label: 'Your yearly income' }] },
    {
      id: 'trips',
      questions: [{ id: 'trips', type: 'number', label: 'Trips each week', suffix: 'trips' }],
    },
    {
      id: 'date-of-birth',
      questions: [{ id: 'date-of-birth', type: 'date', label: 'What is your date of birth?' }],
    },
    {
      id: 'old-pass',
      questions: [{ id: 'old-pass', type: 'text', label: 'Old pass number', optional: true }],
    },
    asked('equals-yes-no', { question: 'blue-badge', equals: 'no' }),
    asked('equals-radios', { question: 'home', equals: 'rent' }),
    asked('not-equals-short', { question: 'area', notEquals: 'north' }),
    asked('not-equals-long', { question: 'home', notEquals: 'own' }),
    asked('not-equals-text', { question: 'old-pass', notEquals: 'NB123' }),
    asked('one-of', { question: 'home', oneOf: ['own', 'rent'] }),
    asked('contains', { question: 'benefits', contains: 'pip' }),
    asked('more-money', { question: 'income', greaterThan: 16000 }),
    asked('less-number', { question: 'trips', lessThan: 3 }),
    asked('before-date', { question: 'date-of-birth', lessThan: '1959-04-06' }),
    asked('after-today', { question: 'date-of-birth', greaterThan: 'today' }),
    asked('answered', { question: 'old-pass', answered: true }),
    asked('not-answered', { question: 'old-pass', answered: false }),
    asked('all', {
      all: [
        { question: 'blue-badge', equals: 'yes' },
        { question: 'income', lessThan: 20000 },
      ],
    }),
    asked('any-same-question', {
      any: [
        { question: 'home', equals: 'own' },
        { question: 'home', equals: 'rent' },
      ],
    }),
    asked('nested', {
      all: [
        { question: 'blue-badge', equals: 'yes' },
        {
          any: [
            { question: 'benefits', contains: 'pip' },
            { question: 'trips', greaterThan: 5 },
          ],
        },
      ],
    }),
  ],
  confirmation: { title: 'Application sent', whatHappensNext: ['We will post your pass.'] },
};

/** The condition of one of the form's pages, by page id. */
export function conditionOf(pageId: string): Condition {
  const page = busPass.pages.find((p) => p.id === pageId);
  if (!page?.condition) throw new Error(`no condition on ${pageId}`);
  return page.condition;
}
