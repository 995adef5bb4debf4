import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import type { Condition } from '../../src/definition/types';

/** What `civic-forms validate` says about a form asking a question, then a page with a condition. */
function reportOf(question: object, condition: Condition): string[] {
  const form = {
    id: 'apply-for-a-garden-waste-bin',
    title: 'Apply for a garden waste bin',
    version: '1.0',
    language: 'en',
    description: 'Ask for a garden waste bin.',
    start: { body: ['Use this service to ask for a garden waste bin.'] },
    help: {
      phone: '0300 123 9876',
      hours: 'Monday to Friday, 8am to 6pm',
      postalAddress: ['Waste and Recycling', 'NB1 1AA'],
    },
    pages: [
      { id: 'first', questions: [{ id: 'bins', label: 'How many?', ...question }] },
      {
        id: 'second',
        condition,
        questions: [{ id: 'why', type: 'text', label: 'Why do you need them?' }],
      },
    ],
    confirmation: { title: 'Application sent', whatHappensNext: ['We will deliver it.'] },
  };
  const result = parseDefinition(JSON.stringify(form), 'apply-for-a-garden-waste-bin.json');
  return result.ok ? [] : result.problems.map((p) => formatProblem(p).split('.json: ')[1] ?? '');
}

const number = { type: 'number' };
const money = { type: 'money' };
const radios = {
  type: 'radios',
  options: [
    { value: '1', text: 'One' },
    { value: '2', text: 'Two' },
  ],
};

describe('condition values of the kind the answer is kept as', () => {
  it('reports a number question compared with a number written as text, for every operator', () => {
    expect(reportOf(number, { question: 'bins', equals: '5' })).toEqual([
      'pages[1].condition.equals: compares "bins", a number question, with the text "5" (expected the number 5, without quotes)',
    ]);
    expect(reportOf(number, { question: 'bins', notEquals: '5' })).toEqual([
      'pages[1].condition.notEquals: compares "bins", a number question, with the text "5" (expected the number 5, without quotes)',
    ]);
    expect(reportOf(number, { question: 'bins', greaterThan: '2' })).toEqual([
      'pages[1].condition.greaterThan: compares "bins", a number question, with the text "2" (expected the number 2, without quotes)',
    ]);
    expect(reportOf(number, { question: 'bins', lessThan: '2.5' })).toEqual([
      'pages[1].condition.lessThan: compares "bins", a number question, with the text "2.5" (expected the number 2.5, without quotes)',
    ]);
  });

  it('reports a money question compared with text, naming the one value in a list', () => {
    expect(reportOf(money, { question: 'bins', oneOf: [25, '50'] })).toEqual([
      'pages[1].condition.oneOf[1]: compares "bins", a money question, with the text "50" (expected the number 50, without quotes)',
    ]);
    expect(reportOf(money, { question: 'bins', equals: 'fifty' })).toEqual([
      'pages[1].condition.equals: compares "bins", a money question, with "fifty", which is not a number (expected a number, without quotes)',
    ]);
    expect(reportOf(money, { question: 'bins', equals: true })).toEqual([
      'pages[1].condition.equals: compares "bins", a money question, with true, which is not a number (expected a number, without quotes)',
    ]);
  });

  it('reports a choice compared with a number, which its text values never equal', () => {
    expect(reportOf(radios, { question: 'bins', equals: 2 })).toEqual([
      'pages[1].condition.equals: compares "bins", a radios question, with the number 2, which its answers never equal (expected text, in quotes: "2")',
    ]);
  });

  it('accepts numbers for number and money questions, and text for choices', () => {
    expect(reportOf(number, { question: 'bins', greaterThan: 2 })).toEqual([]);
    expect(reportOf(money, { question: 'bins', oneOf: [25, 50.5] })).toEqual([]);
    expect(reportOf(radios, { question: 'bins', equals: '2' })).toEqual([]);
  });
});
