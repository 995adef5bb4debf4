import { loadForms } from '../../src/definition/load';
import { EXAMPLE_FORMS, h1, testApp, Visitor } from '../support/agent';
import { explore } from '../support/form-filler';
import type { CivicFormsApp } from '../../src/web/app';
import { panelCode } from '../support/panel-code';

const forms = [...loadForms(EXAMPLE_FORMS).values()];

jest.setTimeout(60_000);

describe('the example forms', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
  });
  afterAll(() => app.close());

  it('are listed on the home page', async () => {
    const page = (await new Visitor(app).get('/')).text;
    for (const form of forms) expect(page).toContain(`href="/${form.id}"`);
  });

  it.each(forms.map((f) => [f.id, f] as const))(
    '%s can be completed to its confirmation, after empty answers are refused',
    async (_id, form) => {
      const visitor = new Visitor(app);
      const journey = await explore(visitor, form, 'check-answers');
      expect(journey).toBeDefined();
      const acceptedEmpty = (journey?.emptyErrors ?? []).filter(
        (p) => p.required && p.errors.length === 0,
      );
      expect(acceptedEmpty.map((p) => p.url)).toEqual([]);
      await visitor.get(`/${form.id}/check-answers`);
      const sent = await visitor.post(`/${form.id}/check-answers`, {});
      expect(sent.headers.location).toBe(`/${form.id}/confirmation`);
      const confirmation = (await visitor.get(`/${form.id}/confirmation`)).text;
      const reference = panelCode(confirmation) ?? '';
      expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/);
      const submission = await app.store.journeys.findSubmission(reference);
      expect(submission?.formId).toBe(form.id);
      expect(Object.keys(submission?.answers ?? {}).length).toBeGreaterThan(4);
    },
  );

  it.each(forms.map((f) => [f.id, f] as const))(
    '%s has an exit page a journey can reach',
    async (_id, form) => {
      const visitor = new Visitor(app);
      const journey = await explore(visitor, form, 'exit');
      expect(journey).toBeDefined();
      const exitTitles = form.pages.flatMap((p) => (p.kind === 'exit' ? [p.title] : []));
      expect(exitTitles).toContain(h1(visitor.html));
    },
  );
});
