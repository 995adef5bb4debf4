import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DefinitionError,
  checkDefinitions,
  checkFormsDir,
  definitionFiles,
  loadForms,
  parseDefinition,
} from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import type { RadiosQuestion, RepeatSection } from '../../src/definition/types';

const FORMS = path.join(__dirname, '..', 'fixtures', 'forms');
const BROKEN = path.join(__dirname, '..', 'fixtures', 'broken');
const FRAMEWORK_LANGUAGE = path.join(__dirname, '..', 'fixtures', 'framework-language');
/** How a broken file is named in its report: relative to the current folder. */
const shown = (name: string) => path.relative(process.cwd(), path.join(BROKEN, `${name}.json`));

/** The report lines for one definition file, as `civic-forms validate` prints them. */
function reportOf(file: string): string[] {
  const [result] = checkDefinitions([file]);
  if (!result || result.ok) throw new Error(`${file} was expected to be broken`);
  return result.problems.map(formatProblem);
}

/**
 * The start of a definition as an author might type it, with a comma left out after the title.
 * (Files that are not JSON live here, not in fixtures/, so that prettier can check every fixture.)
 */
const MISSING_COMMA = `{
  "id": "blue-badge",
  "title": "Apply for a Blue Badge"
  "version": "2.0",
  "language": "en"
}
`;

/** The same, from an author used to Python, who wrote True for true. */
const PYTHON_TRUE = `{
  "id": "blue-badge",
  "title": "Apply for a Blue Badge",
  "pages": [
    {
      "id": "date-of-birth",
      "questions": [
        { "id": "date-of-birth", "type": "date", "label": "What is your date of birth?", "past": True }
      ]
    }
  ]
}
`;

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A fresh folder holding the given definition files. */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-definitions-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** What V8 says about text that is not JSON; its wording varies between Node versions. */
function jsonParseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the text was expected not to parse');
}

/** Each broken fixture with a single problem, and the line reported for it after `file: `. */
const REPORTS: Array<[string, string]> = [
  [
    'misspelt-type',
    'pages[0].questions[0].type: is "yesno" (expected one of text, textarea, number, money, email, phone, date, radios, checkboxes, select, yes-no, name, address, file); did you mean "yes-no"?',
  ],
  [
    'misspelt-radios-type',
    'pages[3].pages[0].questions[0].type: is "radio" (expected one of text, textarea, number, money, email, phone, date, radios, checkboxes, select, yes-no, name, address, file); did you mean "radios"?',
  ],
  [
    'missing-label',
    'pages[2].questions[0].label: is missing (expected a value: this key is required)',
  ],
  [
    'unknown-key',
    'pages[2].questions[0].hnit: is not a key this place allows (found "For example, 27 3 2025") (expected only the keys listed in docs/form-definition.md)',
  ],
  [
    'duplicate-page-ids',
    'pages[5].id: repeats the page id "address" of pages[4] (expected a page id used once in the form)',
  ],
  [
    'duplicate-question-ids',
    'pages[5].questions[1].id: repeats the question id "email" of pages[5].questions[0] (expected a question id used once in the form)',
  ],
  [
    'reserved-page-id',
    'pages[5].id: is "check-answers", a name the runner keeps for its own pages (expected any id except check-answers, confirmation, start, paper, resume, save, clear, timeout, session-expired, remove, feedback)',
  ],
  [
    'caseworker',
    'id: is "caseworker", an address the service keeps for itself (/caseworker: the caseworker area) (expected any id except health, assets, resume, caseworker, dashboard, preview, metrics, admin, agencies, accessibility, privacy, cookies, contact, session, api, favicon.ico); name the form after what people use it for, such as "apply-for-a-parking-permit", and its file to match',
  ],
  [
    'condition-unknown-question',
    'pages[1].condition.question: names a question that does not exist ("put-out-ontime") (expected the id of a question asked earlier in the form); did you mean "put-out-on-time"?',
  ],
  [
    'condition-later-question',
    'pages[0].condition.question: names "put-out-on-time", which is not asked before this page (expected a question on an earlier page)',
  ],
  [
    'condition-not-an-option',
    'pages[3].pages[1].condition: compares "bin-type" with "green", which is not one of its options (expected one of general, recycling, food, garden)',
  ],
  [
    'condition-greater-than-radios',
    'pages[3].pages[1].condition: compares "bin-type", a radios question, with greaterThan/lessThan (expected a number, money or date question)',
  ],
  [
    'condition-date-not-comparable',
    'pages[3].condition: compares "collection-date" with "a fortnight ago", which its answers cannot be compared with (expected "today", a date written YYYY-MM-DD, or one relative to today such as "16 years ago")',
  ],
  [
    'condition-outside-section',
    'pages[4].condition.question: names "bin-type", a question of the repeating section "missed-bins" (expected a question outside repeating sections, or one of the same section as this page)',
  ],
  [
    'condition-two-operators',
    'pages[1].condition: has equals and notEquals together (expected exactly one of equals, notEquals, oneOf, contains, greaterThan, lessThan, answered)',
  ],
  [
    'item-label-outside-section',
    'pages[3].itemLabel: names "address", which is not a question of this section (expected the id of a question asked in this repeating section)',
  ],
  [
    'condition-number-as-text',
    'pages[4].condition.greaterThan: compares "days-since", a number question, with the text "14" (expected the number 14, without quotes)',
  ],
  [
    'condition-contradictory',
    'pages[3].pages[1].condition: is met by no answers at all, so the page "garden-subscription" is never shown (expected a condition that some answers on the way to it meet)',
  ],
  [
    'condition-after-exit',
    'pages[3].pages[1].condition: is never met by the answers of a journey that gets this far, so the page "garden-subscription" is never shown (expected a condition that some answers on the way to it meet)',
  ],
  [
    'exit-before-every-page',
    'pages[3]: is never reached, nor is anything after it: every journey ends at an exit page before it ("too-late", "report-on-the-day") (expected exit pages whose conditions some answers get past)',
  ],
  ['min-above-max', 'pages[3].min: is 5, more than max (4) (expected min no greater than max)'],
  [
    'id-not-file-name',
    'id: is "report-missed-bin" but the file is id-not-file-name.json (expected "id-not-file-name", the file\'s name without .json)',
  ],
];

describe('load', () => {
  describe('loadForms', () => {
    it('loads every valid form of a folder, by id', () => {
      const forms = loadForms(FORMS);
      expect([...forms.keys()]).toEqual(['parking-permit']);
      expect(forms.get('parking-permit')).toMatchObject({
        title: 'Apply for a resident parking permit',
        version: '1.0',
        language: 'en',
      });
    });

    it('fills in the defaults a definition leaves out', () => {
      const vehicles = loadForms(FORMS)
        .get('parking-permit')
        ?.pages.find((page) => page.id === 'vehicles') as RepeatSection;
      expect(vehicles).toMatchObject({ min: 1, max: 3 });
    });

    it('freezes every form, all the way down', () => {
      const form = loadForms(FORMS).get('parking-permit');
      const vehicles = form?.pages.find((page) => page.id === 'vehicles') as RepeatSection;
      const fuel = vehicles.pages[1]?.questions[0] as RadiosQuestion;
      expect(Object.isFrozen(form)).toBe(true);
      expect(Object.isFrozen(form?.pages)).toBe(true);
      expect(Object.isFrozen(fuel.options[2])).toBe(true);
      expect(() => {
        (fuel.options[2] as { text: string }).text = 'Hydrogen';
      }).toThrow(TypeError);
      expect(fuel.options[2]?.text).toBe('Electric');
    });

    it('throws a DefinitionError naming the folder when it does not exist', () => {
      const missing = path.join(FORMS, 'no-such-folder');
      expect(() => loadForms(missing)).toThrow(DefinitionError);
      expect(() => loadForms(missing)).toThrow(
        `${path.relative(process.cwd(), missing)}: does not exist (expected a folder of form definitions (FORMS_DIR))`,
      );
    });

    it('refuses a language the framework has no locale files for, as the validator does', () => {
      const checked = checkFormsDir(FRAMEWORK_LANGUAGE);
      const reported = checked.results.flatMap((r) => (r.ok ? [] : r.problems));
      expect(reported.map((p) => `${path.basename(p.file)}: ${p.path}: ${p.message}`)).toEqual([
        'bus-pass.json: languages[1]: offers "fr", which the framework has no locale files for',
        'demande-carte-bus.json: language: offers "fr", which the framework has no locale files for',
      ]);
      let thrown: unknown;
      try {
        loadForms(FRAMEWORK_LANGUAGE);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DefinitionError);
      expect((thrown as DefinitionError).problems).toEqual(reported);
    });

    it('lists every problem of every broken file in one DefinitionError', () => {
      const dir = folderWith({
        'blue-badge.json': MISSING_COMMA,
        ...Object.fromEntries(
          REPORTS.map(([name]) => [
            `${name}.json`,
            fs.readFileSync(path.join(BROKEN, `${name}.json`), 'utf8'),
          ]),
        ),
      });
      let thrown: unknown;
      try {
        loadForms(dir);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DefinitionError);
      const error = thrown as DefinitionError;
      expect(error.code).toBe('DEFINITION_INVALID');
      expect(error.problems).toHaveLength(REPORTS.length + 1);
      const lines = error.message.split('\n');
      expect(lines[0]).toBe('Form definitions are not valid:');
      expect(lines.slice(1).sort()).toEqual(
        [
          `${path.join(dir, 'blue-badge.json')}: is not valid JSON at line 4, column 3: ${jsonParseMessage(MISSING_COMMA)} (expected a JSON object)`,
          ...REPORTS.map(([name, line]) => `${path.join(dir, `${name}.json`)}: ${line}`),
        ].sort(),
      );
      expect(error.message).not.toMatch(/\bat .+\.ts:\d+/);
    });
  });

  describe('broken definitions', () => {
    it('reports invalid JSON with the line and column of the missing comma', () => {
      const file = path.join(folderWith({ 'blue-badge.json': MISSING_COMMA }), 'blue-badge.json');
      expect(reportOf(file)).toEqual([
        `${file}: is not valid JSON at line 4, column 3: ${jsonParseMessage(MISSING_COMMA)} (expected a JSON object)`,
      ]);
    });

    it('reports an unexpected word such as Python True with its line and column, on one line', () => {
      const file = path.join(folderWith({ 'blue-badge.json': PYTHON_TRUE }), 'blue-badge.json');
      expect(reportOf(file)).toEqual([
        `${file}: is not valid JSON at line 8, column 98: Unexpected token 'T' (expected a JSON object)`,
      ]);
    });

    it('reports a file cut short at its end', () => {
      const cut = PYTHON_TRUE.slice(0, PYTHON_TRUE.indexOf('"date-of-birth"'));
      const file = path.join(folderWith({ 'blue-badge.json': cut }), 'blue-badge.json');
      expect(reportOf(file)).toEqual([
        `${file}: is not valid JSON at line 6, column 13: Unexpected end of JSON input (expected a JSON object)`,
      ]);
    });

    it('reads a file that starts with a byte order mark', () => {
      const text = fs.readFileSync(path.join(FORMS, 'parking-permit.json'), 'utf8');
      expect(parseDefinition(`\uFEFF${text}`, path.join(FORMS, 'parking-permit.json')).ok).toBe(
        true,
      );
    });

    it.each(REPORTS)('reports %s.json as file: path: problem (expected ...)', (name, line) => {
      expect(reportOf(path.join(BROKEN, `${name}.json`))).toEqual([`${shown(name)}: ${line}`]);
    });

    it('reports a file that does not exist', () => {
      const missing = path.join(BROKEN, 'council-tax-discount.json');
      const [result] = checkDefinitions([missing]);
      expect(result?.ok).toBe(false);
      expect(result?.ok === false && result.problems.map(formatProblem)).toEqual([
        `${path.relative(process.cwd(), missing)}: does not exist (expected a readable JSON file)`,
      ]);
    });

    it('has a test here for every broken fixture file', () => {
      const names = definitionFiles(BROKEN).map((file) => path.basename(file, '.json'));
      expect([...names].sort()).toEqual(REPORTS.map(([name]) => name).sort());
    });
  });
});
