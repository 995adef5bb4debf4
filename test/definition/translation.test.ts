import fs from 'node:fs';
import path from 'node:path';
import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import { translatableEntries } from '../../src/definition/translatable-strings';
import { applyTranslation, checkTranslation } from '../../src/definition/translation';
import type { FormDefinition } from '../../src/definition/types';
import { FIXTURE_FORMS } from '../support/agent';

const file = path.join(FIXTURE_FORMS, 'parking-permit.json');
const result = parseDefinition(fs.readFileSync(file, 'utf8'), file);
if (!result.ok) throw new Error('the fixture form is not valid');
const form: FormDefinition = result.form;
const welsh = JSON.parse(
  fs.readFileSync(path.join(FIXTURE_FORMS, 'locales', 'cy', 'parking-permit.json'), 'utf8'),
);

describe('translation', () => {
  it('lists every string of a definition by page and question id', () => {
    const keys = translatableEntries(form).map((e) => e.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'title',
        'start.body.0',
        'pages.cannot-apply.title',
        'pages.vehicles.addAnotherLabel',
        'questions.fuel.options.electric.text',
        'questions.live-in-zone.errors.required',
        'questions.start-date.hint',
        'checkAnswers.submitLabel',
        'confirmation.whatHappensNext.0',
      ]),
    );
    expect(keys).not.toContain('help.phone');
  });

  it('accepts a complete translation and puts it in a copy of the definition', () => {
    const checked = checkTranslation(form, welsh, 'cy.json');
    expect(checked.problems).toEqual([]);
    // "Petrol" is Welsh too: a warning for a person to confirm, not an error.
    expect(checked.warnings.map((w) => w.path)).toEqual(['questions.fuel.options.petrol.text']);
    const cy = applyTranslation(form, welsh, 'cy');
    expect(cy.language).toBe('cy');
    expect(cy.title).toBe('Gwneud cais am drwydded barcio preswylwyr');
    const section = cy.pages.find((p) => p.id === 'vehicles');
    expect(section?.kind === 'repeat' && section.itemName).toBe('cerbyd');
    const fuel = cy.pages
      .flatMap((p) => (p.kind === 'repeat' ? p.pages : []))
      .find((p) => p.id === 'fuel');
    const options =
      fuel?.questions[0] && 'options' in fuel.questions[0] ? fuel.questions[0].options : [];
    expect(options.map((o) => [o.value, o.text])).toEqual([
      ['petrol', 'Petrol'],
      ['diesel', 'Disel'],
      ['electric', 'Trydan'],
    ]);
    expect(cy.help.phone).toBe(form.help.phone);
    expect(Object.isFrozen(cy.pages)).toBe(true);
    expect(form.title).toBe('Apply for a resident parking permit');
  });

  it('reports each missing string as an error, with the text to translate', () => {
    const partial = structuredClone(welsh);
    delete partial.questions.fuel.options.diesel;
    partial.start.body = [];
    const { problems } = checkTranslation(form, partial, 'forms/locales/cy/parking-permit.json');
    expect(problems.map(formatProblem)).toEqual([
      'forms/locales/cy/parking-permit.json: start.body[0]: is missing (expected the translation of "Use this service to apply for a resident parking permit.")',
      'forms/locales/cy/parking-permit.json: questions.fuel.options.diesel.text: is missing (expected the translation of "Diesel")',
    ]);
  });

  it('warns about keys the definition does not have and strings left in English', () => {
    const odd = structuredClone(welsh);
    odd.questions['full-name'].summaryLabel = 'Enw';
    odd.title = form.title;
    const { problems, warnings } = checkTranslation(form, odd, 'cy.json');
    expect(problems).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([
      'cy.json: title: is the same as in en ("Apply for a resident parking permit") (expected a translation, unless the words really are the same)',
      'cy.json: questions.fuel.options.petrol.text: is the same as in en ("Petrol") (expected a translation, unless the words really are the same)',
      'cy.json: questions.full-name.summaryLabel: is not used: the definition has no such text (expected only keys for texts the definition has)',
    ]);
  });
});
