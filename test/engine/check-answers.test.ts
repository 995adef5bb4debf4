import path from 'node:path';
import { loadForms } from '../../src/definition/load';
import type { FormDefinition } from '../../src/definition/types';
import type { Answers, Draft } from '../../src/engine/answers';
import { amaraAnswers, car, everyStepDone, van } from '../fixtures/amara-draft';
import { summarise, type SummaryGroup } from '../../src/engine/check-answers';
import { createI18n, translator } from '../../src/web/i18n';

const form = loadForms(path.join(__dirname, '..', 'fixtures', 'forms')).get(
  'parking-permit',
) as FormDefinition;
const context = { t: translator(createI18n(), 'en'), lang: 'en' };

// Without an email address: the optional answer she skipped.
const { email: _email, ...answers }: Answers = amaraAnswers;
const done = everyStepDone;

/** What check answers shows, as a person reads it: each group's rows as label and lines. */
function shown(groups: SummaryGroup[]) {
  return groups.map((group) => ({
    item: group.item,
    rows: group.rows.map((row) => [row.label, row.lines]),
  }));
}

function summary(draft: Pick<Draft, 'answers' | 'done'>): SummaryGroup[] {
  return summarise(form, draft, context);
}

describe('check-answers', () => {
  it('shows every answer in order, with one group per vehicle', () => {
    expect(shown(summary({ answers, done }))).toEqual([
      {
        item: undefined,
        rows: [
          ['Do you live in a resident parking zone?', ['Yes']],
          ['What is your full name?', ['Amara Okafor']],
          ['Phone number', ['01632 960001']],
          ['Email address', undefined],
          ['Do you own a vehicle?', ['Yes']],
        ],
      },
      {
        item: { sectionId: 'vehicles', itemName: 'vehicle', position: 1 },
        rows: [
          ["What is the vehicle's registration number?", ['AB12CDE']],
          ['What fuel does it use?', ['Electric']],
          ['Do you need a charging bay?', ['Yes']],
        ],
      },
      {
        item: { sectionId: 'vehicles', itemName: 'vehicle', position: 2 },
        rows: [
          ["What is the vehicle's registration number?", ['LV19KTP']],
          ['What fuel does it use?', ['Petrol']],
        ],
      },
      {
        item: undefined,
        rows: [['When do you want the permit to start?', ['1 April 2031']]],
      },
    ]);
  });

  it('gives a skipped optional answer no lines, so the page can say it was not provided', () => {
    const email = summary({ answers, done })[0]?.rows.find((row) => row.questionId === 'email');
    expect(email).toMatchObject({ label: 'Email address', lines: undefined });
  });

  it('links each row to the step it was answered on', () => {
    const groups = summary({ answers, done });
    expect(groups[0]?.rows.map((row) => row.step.key)).toEqual([
      'live-in-zone',
      'full-name',
      'contact',
      'contact',
      'has-vehicles',
    ]);
    expect(groups[2]?.rows.map((row) => row.step.key)).toEqual([
      'vehicles/c07d4e95/registration',
      'vehicles/c07d4e95/fuel',
    ]);
  });

  it("leaves out an item's answer whose condition no longer holds", () => {
    const petrolCar = { ...car, answers: { ...car.answers, fuel: 'petrol' } };
    const groups = summary({ answers: { ...answers, vehicles: [petrolCar, van] }, done });
    expect(groups[1]?.rows.map((row) => row.questionId)).toEqual(['registration', 'fuel']);
    expect(JSON.stringify(shown(groups))).not.toContain('charging bay');
  });

  it('leaves out a whole section when the person no longer has vehicles', () => {
    const groups = summary({ answers: { ...answers, 'has-vehicles': 'no' }, done });
    expect(groups).toHaveLength(1);
    expect(groups[0]?.rows.map((row) => [row.label, row.lines])).toEqual([
      ['Do you live in a resident parking zone?', ['Yes']],
      ['What is your full name?', ['Amara Okafor']],
      ['Phone number', ['01632 960001']],
      ['Email address', undefined],
      ['Do you own a vehicle?', ['No']],
      ['When do you want the permit to start?', ['1 April 2031']],
    ]);
  });
});
