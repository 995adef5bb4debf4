import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAgenciesDir, loadAgencies } from '../../src/agency/load-agencies';
import { formatProblem } from '../../src/definition/problem';

const EXAMPLES = path.join(__dirname, '..', '..', 'agencies');
const LANGUAGES = ['ar', 'cy', 'en', 'es'];
const FORMS = ['council-tax-reduction', 'register-change-of-address', 'report-housing-repair'];
const example = JSON.parse(
  fs.readFileSync(path.join(EXAMPLES, 'northbrook-council', 'agency.json'), 'utf8'),
) as Record<string, unknown>;
const LOGO = fs.readFileSync(path.join(EXAMPLES, 'northbrook-council', 'logo.svg'));

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'agencies-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Writes one agency folder, `northbrook-council`, with the example changed by `change`. */
function agency(change: (json: Record<string, unknown>) => void, logo: Buffer = LOGO): string {
  const dir = path.join(root, 'northbrook-council');
  fs.mkdirSync(dir, { recursive: true });
  const json = structuredClone(example);
  change(json);
  fs.writeFileSync(path.join(dir, 'agency.json'), JSON.stringify(json));
  fs.writeFileSync(path.join(dir, 'logo.svg'), logo);
  return path.join(dir, 'agency.json');
}

/** Every problem with the folder, each as the one line `civic-forms validate` prints. */
function problems(): string[] {
  const checked = checkAgenciesDir(root, FORMS, LANGUAGES);
  return [...checked.results.flatMap((r) => (r.ok ? [] : r.problems)), ...checked.problems].map(
    (p) => formatProblem({ ...p, file: path.basename(path.dirname(p.file)) }),
  );
}

describe('agencies/<id>/agency.json', () => {
  it('loads the two example agencies, each with its forms, colour and logo', () => {
    const loaded = loadAgencies(EXAMPLES, FORMS, LANGUAGES);
    expect(loaded.map((a) => [a.agency.id, a.agency.brandColour, a.agency.forms])).toEqual([
      ['northbrook-council', '#00594f', ['council-tax-reduction', 'register-change-of-address']],
      ['northbrook-housing', '#5b2a86', ['report-housing-repair']],
    ]);
    expect(checkAgenciesDir(EXAMPLES, FORMS, LANGUAGES).warnings).toEqual([]);
  });

  it('is no agency at all when the folder does not exist (every form is the default agency)', () => {
    expect(loadAgencies(path.join(root, 'none'), FORMS, LANGUAGES)).toEqual([]);
  });

  it('reports schema errors as file: json.path: found (expected ...)', () => {
    agency((json) => {
      delete json.name;
      json.brandColour = 'green';
      json.colour = '#000000';
      (json.retention as Record<string, unknown>).submissionDays = 'forever';
    });
    expect(problems()).toEqual([
      'northbrook-council: name: is missing (expected a value: this key is required)',
      expect.stringMatching(
        /^northbrook-council: brandColour: does not match .* \(found "green"\)$/,
      ),
      'northbrook-council: retention.submissionDays: is "forever" (expected a number)',
      'northbrook-council: colour: is not a key this place allows (found "#000000") (expected only the keys listed in docs/agencies.md)',
    ]);
  });

  it('refuses a brand colour that fails WCAG AA contrast with the white text on it', () => {
    agency((json) => (json.brandColour = '#1d8feb'));
    expect(problems()).toEqual([
      'northbrook-council: brandColour: is "#1d8feb", whose contrast with white is 3.40:1: the header\'s white text on it, and it on white, fail WCAG 2.2 AA (expected a colour with at least 4.5:1 contrast with white (a darker shade))',
    ]);
  });

  it('asks for every text in every language the agency offers, and only languages with pages', () => {
    agency((json) => {
      json.languages = ['en', 'cy', 'fr'];
      (json.name as Record<string, string>).cy = '';
      delete (json.name as Record<string, string>).cy;
    });
    expect(problems()).toEqual([
      'northbrook-council: languages[2]: is "fr", a language civic-forms has no pages in (expected one of ar, cy, en, es)',
      'northbrook-council: name: has no text in cy, fr (expected text in every language of "languages" (en, cy, fr))',
      expect.stringContaining('northbrook-council: staffAreaName: has no text in fr'),
      expect.stringContaining('northbrook-council: logo.alt: has no text in fr'),
      expect.stringContaining('northbrook-council: footerLinks[0].text: has no text in fr'),
      expect.stringContaining('northbrook-council: contact.hours: has no text in fr'),
    ]);
  });

  it('refuses a logo that is missing, not the image its name says, or an SVG with script', () => {
    agency((json) => ((json.logo as Record<string, string>).file = 'crest.png'));
    expect(problems()).toEqual([
      expect.stringMatching(
        /^northbrook-council: logo.file: is "crest.png", which is not in .* \(expected an SVG or PNG file in the agency's folder\)$/,
      ),
    ]);
    agency(() => undefined, Buffer.from('GIF89a'));
    expect(problems()).toEqual([
      'northbrook-council: logo.file: is "logo.svg", which is not an SVG image (expected a file that is the image its name says)',
    ]);
    agency(() => undefined, Buffer.from('<svg onload="alert(1)"></svg>'));
    expect(problems()).toEqual([
      'northbrook-council: logo.file: is "logo.svg", an SVG with script or event handlers (expected a picture only)',
    ]);
  });

  it("wants the id to be the folder's name", () => {
    agency((json) => (json.id = 'northbrook'));
    expect(problems()).toEqual([
      'northbrook-council: id: is "northbrook" but the folder is northbrook-council (expected "northbrook-council", the folder\'s name)',
    ]);
  });

  it('refuses a form in two agencies and warns of a form the forms folder does not have', () => {
    agency((json) => (json.forms = ['report-housing-repair', 'apply-for-a-permit']));
    fs.cpSync(path.join(EXAMPLES, 'northbrook-housing'), path.join(root, 'northbrook-housing'), {
      recursive: true,
    });
    expect(problems()).toEqual([
      'northbrook-housing: forms[0]: is "report-housing-repair", which agency "northbrook-council" lists too (expected each form in one agency only)',
    ]);
    const { warnings } = checkAgenciesDir(root, FORMS, LANGUAGES);
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'forms[1]: is "apply-for-a-permit", which is not in the forms folder',
    ]);
    expect(() => loadAgencies(root, FORMS, LANGUAGES)).toThrow(
      /Agencies are not valid:\n.*forms\[0\]/,
    );
  });

  it('refuses a host name two agencies name, and one that is not a host name', () => {
    agency((json) => (json.hosts = ['repairs.northbrook.example']));
    fs.cpSync(path.join(EXAMPLES, 'northbrook-housing'), path.join(root, 'northbrook-housing'), {
      recursive: true,
    });
    expect(problems()).toEqual([
      'northbrook-housing: hosts[0]: is "repairs.northbrook.example", which agency "northbrook-council" names too (expected each host name in one agency only)',
    ]);
    agency((json) => (json.hosts = ['https://Forms.Northbrook.example/']));
    expect(problems()).toEqual([
      expect.stringMatching(/^northbrook-council(\/agency\.json)?: hosts\[0\]: /),
    ]);
  });
});
