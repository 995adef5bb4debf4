import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CivicFormsApp } from '../../src/web/app';
import { h1, testApp, textOf, Visitor } from '../support/agent';
import { civicFormsIn } from '../support/cli';

const TUTORIAL = path.join(__dirname, '..', '..', 'docs', 'tutorial.md');

/** One step of the tutorial: a command to run, or JSON to put into the form. */
type Step =
  | { kind: 'command'; line: string }
  | { kind: 'merge' | 'append pages'; json: Record<string, unknown> };

/** The tutorial's code blocks, in order, as steps; a JSON block must say how it is applied. */
function stepsOf(markdown: string): Step[] {
  const steps: Step[] = [];
  const block = /(?:<!-- tutorial: ([a-z ]+) -->\s*)?```(\w+)\n([\s\S]*?)```/g;
  for (const [, how, lang, body = ''] of markdown.matchAll(block)) {
    if (lang === 'sh') {
      for (const line of body.split('\n').filter((l) => l.trim() !== ''))
        steps.push({ kind: 'command', line: line.trim() });
    } else if (lang === 'json') {
      if (how !== 'merge' && how !== 'append pages')
        throw new Error(`a JSON block of the tutorial does not say how it is applied:\n${body}`);
      steps.push({ kind: how, json: JSON.parse(body) as Record<string, unknown> });
    }
  }
  return steps;
}

describe('docs/tutorial.md, followed literally', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-tutorial-'));
  let formFile = '';
  let formId = '';
  let app: CivicFormsApp | undefined;
  const commands: string[] = [];

  beforeAll(async () => {
    for (const step of stepsOf(fs.readFileSync(TUTORIAL, 'utf8'))) {
      if (step.kind === 'command') {
        commands.push(step.line);
        if (step.line === 'npm ci') continue; // this checkout is installed already
        if (step.line === 'npm start') {
          // What `npm start` serves: the project's forms folder (FORMS_DIR defaults to "forms").
          app = testApp({ formsDir: path.join(project, 'forms') });
          continue;
        }
        const [npx, bin, ...args] = step.line.split(/\s+/);
        if (npx !== 'npx' || bin !== 'civic-forms') throw new Error(`unknown step: ${step.line}`);
        const run = await civicFormsIn(project, args);
        if (run.code !== 0 || run.stdout.some((l) => l.startsWith('warning:'))) {
          throw new Error(`${step.line} gave ${run.code}:\n${run.stdout.join('\n')}${run.stderr}`);
        }
        if (args[0] === 'new') {
          formId = args[1] ?? '';
          formFile = path.join(project, 'forms', `${formId}.json`);
        }
        continue;
      }
      const form = JSON.parse(fs.readFileSync(formFile, 'utf8')) as Record<string, unknown>;
      if (step.kind === 'merge') Object.assign(form, step.json);
      else (form.pages as unknown[]).push(step.json);
      fs.writeFileSync(formFile, `${JSON.stringify(form, null, 2)}\n`);
    }
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    fs.rmSync(project, { recursive: true, force: true });
  });

  it('runs the commands it names, and no others', () => {
    expect(commands).toEqual([
      'npm ci',
      'npx civic-forms new apply-for-free-school-meals',
      'npx civic-forms validate',
      'npm start',
      'npx civic-forms publish',
    ]);
  });

  it('sends someone without a qualifying benefit to the exit page', async () => {
    const visitor = new Visitor(app as CivicFormsApp);
    expect(h1((await visitor.get(`/${formId}`)).text)).toBe('Apply for free school meals');
    const at = await visitor.answer(`/${formId}/gets-benefits`, { 'gets-benefits': 'no' });
    expect(at).toBe(`/${formId}/cannot-apply`);
    expect(h1((await visitor.get(at)).text)).toBe('You cannot get free school meals');
  }, 120_000);

  it('takes a parent with two children through to the confirmation', async () => {
    const visitor = new Visitor(app as CivicFormsApp);
    await visitor.get(`/${formId}`);
    const answers: Array<Record<string, string>> = [
      { 'gets-benefits': 'yes' },
      { 'full-name': 'Ama Mensah' },
      { phone: '01632 960 001' },
      { 'child-name': 'Kofi Mensah' },
      { 'child-school': 'Northbrook Primary School' },
    ];
    let at = `/${formId}/gets-benefits`;
    for (const fields of answers) at = await visitor.answer(at, fields);
    const summary = (page: string) =>
      textOf(page, /<h1[^>]*>[\s\S]*?<\/h1>\s*<p class="govuk-body">([\s\S]*?)<\/p>/);
    expect(at).toBe(`/${formId}/children`);
    expect(summary((await visitor.get(at)).text)).toBe('You have added 1 child');
    at = await visitor.answer(at, { 'add-another': 'yes' });
    at = await visitor.answer(at, { 'child-name': 'Efua Mensah' });
    at = await visitor.answer(at, { 'child-school': 'Northbrook Primary School' });
    expect(summary((await visitor.get(at)).text)).toBe('You have added 2 children');
    at = await visitor.answer(at, { 'add-another': 'no' });
    expect(at).toBe(`/${formId}/check-answers`);
    const check = (await visitor.get(at)).text;
    for (const answer of ['Ama Mensah', '01632 960 001', 'Kofi Mensah', 'Efua Mensah'])
      expect(check).toContain(answer);
    const sent = await visitor.post(at, {});
    expect(sent.status).toBe(303);
    const confirmation = (await visitor.get(sent.headers.location as string)).text;
    expect(h1(confirmation)).toContain('Application sent');
    expect(textOf(confirmation, /<strong class="cf-reference"[^>]*>([\s\S]*?)<\/strong>/)).toMatch(
      /^[A-Z0-9]{4}- [A-Z0-9]{4}- [A-Z0-9]{2}$/,
    );
    expect(confirmation).toContain('We will tell each child&#39;s school within 5 working days');
  }, 120_000);

  it('has the paper version it points to', async () => {
    const visitor = new Visitor(app as CivicFormsApp);
    const paper = await visitor.agent.get(`/${formId}/paper.pdf`);
    expect(paper.status).toBe(200);
    expect(paper.headers['content-type']).toBe('application/pdf');
  }, 120_000);
});
