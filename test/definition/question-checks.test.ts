import fs from 'node:fs';
import path from 'node:path';
import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import { FIXTURE_FORMS } from '../support/agent';

const base = JSON.parse(fs.readFileSync(path.join(FIXTURE_FORMS, 'parking-permit.json'), 'utf8'));

/** The problem lines for the fixture form after an author's edit. */
function problemsAfter(edit: (form: typeof base) => void, file = 'parking-permit.json'): string[] {
  const form = structuredClone(base);
  edit(form);
  const result = parseDefinition(JSON.stringify(form), path.join(process.cwd(), 'forms', file));
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('question checks', () => {
  it('reports an error message for a code the type never gives, with the likely one', () => {
    expect(
      problemsAfter((f) => (f.pages[2].questions[0].errors = { requried: 'Enter your name' })),
    ).toEqual([
      'forms/parking-permit.json: pages[2].questions[0].errors.requried: is not an error a name question gives (expected one of required, tooLong); did you mean "required"?',
    ]);
  });

  it('reports a date that must be both past and future', () => {
    expect(problemsAfter((f) => (f.pages[6].questions[0].past = true))).toEqual([
      'forms/parking-permit.json: pages[6].questions[0].future: is true, and so is past: no date is both (expected past or future, not both)',
    ]);
  });

  it('reports a text length range that no answer fits', () => {
    expect(problemsAfter((f) => (f.pages[5].pages[0].questions[0].minLength = 10))).toEqual([
      'forms/parking-permit.json: pages[5].pages[0].questions[0].minLength: is 10, more than maxLength (8) (expected minLength no greater than maxLength)',
    ]);
  });

  it('reports a file question that asks for more files than it takes', () => {
    const photos = { id: 'permit-photo', type: 'file', label: 'Add a photo of your car' };
    expect(problemsAfter((f) => (f.pages[2].questions[0] = { ...photos, minFiles: 2 }))).toEqual([
      'forms/parking-permit.json: pages[2].questions[0].minFiles: is 2, more than maxFiles (1, when not given) (expected minFiles no greater than maxFiles)',
    ]);
    expect(
      problemsAfter((f) => (f.pages[2].questions[0] = { ...photos, minFiles: 3, maxFiles: 2 })),
    ).toEqual([
      'forms/parking-permit.json: pages[2].questions[0].minFiles: is 3, more than maxFiles (2) (expected minFiles no greater than maxFiles)',
    ]);
    expect(
      problemsAfter(
        (f) => (f.pages[2].questions[0] = { ...photos, accept: ['gif'], maxSizeMB: 80 }),
      ),
    ).toEqual([
      'forms/parking-permit.json: pages[2].questions[0].accept[0]: is "gif" (expected one of jpeg, png, pdf, heic, webp); did you mean "pdf"?',
      'forms/parking-permit.json: pages[2].questions[0].maxSizeMB: must be less than or equal to 50 (found 80)',
    ]);
  });

  it('reports a form id the service keeps for its own addresses', () => {
    expect(problemsAfter((f) => (f.id = 'health'), 'health.json')).toEqual([
      'forms/health.json: id: is "health", an address the service keeps for itself (/health: the health check) (expected any id except health, assets, resume, caseworker, dashboard, preview, metrics, admin, agencies, accessibility, privacy, cookies, contact, session, api, favicon.ico); name the form after what people use it for, such as "apply-for-a-parking-permit", and its file to match',
    ]);
  });

  it('reports equals on a checkboxes question, which has several answers', () => {
    const lines = problemsAfter((f) => {
      f.pages[4].questions[0] = {
        id: 'has-vehicles',
        type: 'checkboxes',
        label: 'Which do you own?',
        options: [
          { value: 'yes', text: 'A car' },
          { value: 'van', text: 'A van' },
        ],
      };
    });
    expect(lines).toEqual([
      'forms/parking-permit.json: pages[5].condition: compares "has-vehicles", a checkboxes question, as if it had one answer (expected contains, or answered, for a checkboxes question)',
    ]);
  });
});
