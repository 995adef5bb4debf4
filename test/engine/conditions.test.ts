import type { Condition, FormDefinition } from '../../src/definition/types';
import type { Answers } from '../../src/engine/answers';
import { holds } from '../../src/engine/conditions';
import { lookupIn } from '../../src/engine/journey';
import { addDays } from '../support/dates';

/** A housing support form whose questions the conditions below look at. */
const form: FormDefinition = {
  id: 'housing-support',
  title: 'Apply for help with your rent',
  version: '1.0',
  language: 'en',
  description: 'Apply for help paying your rent.',
  start: { body: ['Use this service to apply for help with your rent.'] },
  help: {
    phone: '0300 123 4567',
    hours: 'Monday to Friday, 9am to 5pm',
    postalAddress: ['Housing Services', 'Northbrook Council', 'NB1 1AA'],
  },
  pages: [
    {
      id: 'tenancy',
      questions: [
        {
          id: 'tenancy',
          type: 'radios',
          label: 'Who is your landlord?',
          options: [
            { value: 'council', text: 'The council' },
            { value: 'housing-association', text: 'A housing association' },
            { value: 'private', text: 'A private landlord' },
          ],
        },
      ],
    },
    {
      id: 'has-partner',
      questions: [{ id: 'has-partner', type: 'yes-no', label: 'Do you live with a partner?' }],
    },
    {
      id: 'household-size',
      questions: [
        { id: 'household-size', type: 'number', label: 'How many people live in your home?' },
      ],
    },
    {
      id: 'monthly-rent',
      questions: [{ id: 'monthly-rent', type: 'money', label: 'How much is your rent a month?' }],
    },
    {
      id: 'move-in-date',
      questions: [{ id: 'move-in-date', type: 'date', label: 'When did you move in?' }],
    },
    {
      id: 'benefits',
      questions: [
        {
          id: 'benefits',
          type: 'checkboxes',
          label: 'Which benefits do you get?',
          optional: true,
          options: [
            { value: 'universal-credit', text: 'Universal Credit' },
            { value: 'pension-credit', text: 'Pension Credit' },
            { value: 'carers-allowance', text: "Carer's Allowance" },
          ],
        },
      ],
    },
    {
      id: 'landlord-name',
      questions: [
        { id: 'landlord-name', type: 'text', label: "Your landlord's name", optional: true },
      ],
    },
  ],
  confirmation: { title: 'Application sent', whatHappensNext: ['We will write to you.'] },
};

const answered: Answers = {
  tenancy: 'private',
  'has-partner': 'no',
  'household-size': 3,
  'monthly-rent': '725.50',
  'move-in-date': '2023-09-01',
  benefits: ['universal-credit', 'carers-allowance'],
  'landlord-name': 'Harbour Lettings Ltd',
};

/** Whether the condition holds for these answers, looked up as the journey looks them up. */
function check(condition: Condition, answers: Answers = answered): boolean {
  return holds(condition, lookupIn(form, answers));
}

describe('conditions', () => {
  describe('equals and notEquals', () => {
    it('holds equals when the answer is the value', () => {
      expect(check({ question: 'tenancy', equals: 'private' })).toBe(true);
      expect(check({ question: 'tenancy', equals: 'council' })).toBe(false);
      expect(check({ question: 'has-partner', equals: 'no' })).toBe(true);
    });

    it('compares a number answer with a number or its text alike', () => {
      expect(check({ question: 'household-size', equals: 3 })).toBe(true);
      expect(check({ question: 'household-size', equals: '3' })).toBe(true);
      expect(check({ question: 'household-size', equals: 4 })).toBe(false);
    });

    it('holds notEquals when the answer is something else', () => {
      expect(check({ question: 'tenancy', notEquals: 'council' })).toBe(true);
      expect(check({ question: 'tenancy', notEquals: 'private' })).toBe(false);
    });
  });

  describe('oneOf', () => {
    it('holds when the answer is any of the values', () => {
      expect(check({ question: 'tenancy', oneOf: ['housing-association', 'private'] })).toBe(true);
      expect(check({ question: 'household-size', oneOf: [1, 2, 3] })).toBe(true);
    });

    it('does not hold when the answer is none of them', () => {
      expect(check({ question: 'tenancy', oneOf: ['council', 'housing-association'] })).toBe(false);
    });
  });

  describe('contains', () => {
    it('holds when the option is among the ticked boxes', () => {
      expect(check({ question: 'benefits', contains: 'carers-allowance' })).toBe(true);
      expect(check({ question: 'benefits', contains: 'pension-credit' })).toBe(false);
    });

    it('does not hold for an answer that is not a list of ticked boxes', () => {
      expect(check({ question: 'landlord-name', contains: 'Harbour' })).toBe(false);
    });
  });

  describe('greaterThan and lessThan', () => {
    it('compares numbers', () => {
      expect(check({ question: 'household-size', greaterThan: 2 })).toBe(true);
      expect(check({ question: 'household-size', greaterThan: 3 })).toBe(false);
      expect(check({ question: 'household-size', lessThan: 4 })).toBe(true);
      expect(check({ question: 'household-size', lessThan: 3 })).toBe(false);
    });

    it('matches a money amount given as a number with equals, whatever its decimals', () => {
      expect(check({ question: 'monthly-rent', equals: 725.5 })).toBe(true);
      expect(check({ question: 'monthly-rent', notEquals: 725.5 })).toBe(false);
      expect(check({ question: 'monthly-rent', oneOf: [100, 725.5] })).toBe(true);
      expect(check({ question: 'monthly-rent', equals: 725 })).toBe(false);
    });

    it('compares money amounts as amounts, not as text', () => {
      expect(check({ question: 'monthly-rent', greaterThan: 700 })).toBe(true);
      expect(check({ question: 'monthly-rent', greaterThan: '725.49' })).toBe(true);
      expect(check({ question: 'monthly-rent', greaterThan: '725.50' })).toBe(false);
      // As text "1250.00" sorts before "725.50"; as money it is more.
      expect(check({ question: 'monthly-rent', lessThan: '1250.00' })).toBe(true);
      expect(check({ question: 'monthly-rent', lessThan: 90 })).toBe(false);
    });

    it('compares ISO dates', () => {
      expect(check({ question: 'move-in-date', greaterThan: '2023-08-31' })).toBe(true);
      expect(check({ question: 'move-in-date', greaterThan: '2023-09-01' })).toBe(false);
      expect(check({ question: 'move-in-date', lessThan: '2024-01-01' })).toBe(true);
      expect(check({ question: 'move-in-date', lessThan: '2023-09-01' })).toBe(false);
    });

    it('compares dates with today', () => {
      const lastMonth = { ...answered, 'move-in-date': addDays(-30).iso };
      const nextMonth = { ...answered, 'move-in-date': addDays(30).iso };
      expect(check({ question: 'move-in-date', lessThan: 'today' }, lastMonth)).toBe(true);
      expect(check({ question: 'move-in-date', greaterThan: 'today' }, lastMonth)).toBe(false);
      expect(check({ question: 'move-in-date', greaterThan: 'today' }, nextMonth)).toBe(true);
      expect(check({ question: 'move-in-date', lessThan: 'today' }, nextMonth)).toBe(false);
    });

    it('does not hold for an operand that is not a number', () => {
      expect(check({ question: 'monthly-rent', greaterThan: '£700' })).toBe(false);
      expect(check({ question: 'monthly-rent', lessThan: '£700' })).toBe(false);
    });
  });

  describe('answered', () => {
    it('tells an answered question from an unanswered one', () => {
      const skipped: Answers = { ...answered };
      delete skipped['landlord-name'];
      expect(check({ question: 'landlord-name', answered: true })).toBe(true);
      expect(check({ question: 'landlord-name', answered: false })).toBe(false);
      expect(check({ question: 'landlord-name', answered: true }, skipped)).toBe(false);
      expect(check({ question: 'landlord-name', answered: false }, skipped)).toBe(true);
    });

    it('counts an empty text or no ticked boxes as unanswered', () => {
      const empty: Answers = { ...answered, 'landlord-name': '', benefits: [] };
      expect(check({ question: 'landlord-name', answered: false }, empty)).toBe(true);
      expect(check({ question: 'benefits', answered: false }, empty)).toBe(true);
    });
  });

  describe('unanswered questions', () => {
    const nothing: Answers = {};

    it.each<[string, Condition]>([
      ['equals', { question: 'tenancy', equals: 'private' }],
      ['notEquals', { question: 'tenancy', notEquals: 'council' }],
      ['oneOf', { question: 'tenancy', oneOf: ['council', 'private'] }],
      ['contains', { question: 'benefits', contains: 'universal-credit' }],
      ['greaterThan a number', { question: 'household-size', greaterThan: 0 }],
      ['lessThan a number', { question: 'household-size', lessThan: 100 }],
      ['greaterThan money', { question: 'monthly-rent', greaterThan: '0.00' }],
      ['lessThan today', { question: 'move-in-date', lessThan: 'today' }],
      ['answered: true', { question: 'tenancy', answered: true }],
    ])('makes %s false', (_name, condition) => {
      expect(check(condition, nothing)).toBe(false);
    });

    it('makes only answered: false hold', () => {
      expect(check({ question: 'tenancy', answered: false }, nothing)).toBe(true);
    });

    it('treats a question the form does not have as unanswered', () => {
      expect(check({ question: 'council-tax-band', equals: 'a' })).toBe(false);
      expect(check({ question: 'council-tax-band', notEquals: 'a' })).toBe(false);
      expect(check({ question: 'council-tax-band', answered: false })).toBe(true);
    });
  });

  describe('all, any and nesting', () => {
    it('holds all only when every part holds', () => {
      const privateRenter: Condition = {
        all: [
          { question: 'tenancy', equals: 'private' },
          { question: 'monthly-rent', greaterThan: 500 },
        ],
      };
      expect(check(privateRenter)).toBe(true);
      expect(check(privateRenter, { ...answered, 'monthly-rent': '450.00' })).toBe(false);
    });

    it('holds any when one part holds', () => {
      const onBenefits: Condition = {
        any: [
          { question: 'benefits', contains: 'pension-credit' },
          { question: 'benefits', contains: 'universal-credit' },
        ],
      };
      expect(check(onBenefits)).toBe(true);
      expect(check(onBenefits, { ...answered, benefits: ['carers-allowance'] })).toBe(false);
    });

    it('evaluates conditions nested inside one another', () => {
      const needsLandlordCheck: Condition = {
        all: [
          { question: 'tenancy', notEquals: 'council' },
          {
            any: [
              { question: 'household-size', greaterThan: 4 },
              {
                all: [
                  { question: 'has-partner', equals: 'no' },
                  { question: 'move-in-date', greaterThan: '2023-01-01' },
                ],
              },
            ],
          },
        ],
      };
      expect(check(needsLandlordCheck)).toBe(true);
      expect(check(needsLandlordCheck, { ...answered, 'has-partner': 'yes' })).toBe(false);
      expect(
        check(needsLandlordCheck, { ...answered, 'has-partner': 'yes', 'household-size': 5 }),
      ).toBe(true);
      expect(check(needsLandlordCheck, { ...answered, tenancy: 'council' })).toBe(false);
    });

    it('makes all false and any false when the parts are unanswered', () => {
      expect(
        check(
          {
            all: [
              { question: 'tenancy', equals: 'private' },
              { question: 'tenancy', answered: false },
            ],
          },
          {},
        ),
      ).toBe(false);
      expect(
        check(
          {
            any: [
              { question: 'tenancy', equals: 'private' },
              { question: 'benefits', contains: 'pension-credit' },
            ],
          },
          {},
        ),
      ).toBe(false);
    });
  });
});
