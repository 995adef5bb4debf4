import type { CivicFormsApp } from '../../src/web/app';
import { EXAMPLE_FORMS, h1, testApp, Visitor } from '../support/agent';
import { addAccount, signIn } from '../support/caseworker';

// Two sign-ins (scrypt) and the example forms' pages on a busy machine.
jest.setTimeout(120_000);

/** A service team's member of an agency, signed in. */
async function serviceTeamOf(app: CivicFormsApp, agency: string): Promise<Visitor> {
  const username = `team.${agency}`;
  await addAccount(app.store, username, { role: 'service-team', agency });
  const visitor = new Visitor(app);
  const signedIn = await signIn(visitor, username);
  if (signedIn.status !== 303) throw new Error(`sign-in gave ${signedIn.status}`);
  return visitor;
}

describe("a service team previews only its own agency's forms", () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
  });
  afterAll(() => app.close());

  it("lists and opens its agency's forms, and finds none of another agency's", async () => {
    const council = await serviceTeamOf(app, 'northbrook-council');
    const housing = await serviceTeamOf(app, 'northbrook-housing');

    const councilList = await council.get('/preview');
    expect(councilList.status).toBe(200);
    expect(councilList.text).toContain('/preview/council-tax-reduction');
    expect(councilList.text).not.toContain('/preview/report-housing-repair');

    const housingList = await housing.get('/preview');
    expect(housingList.text).toContain('/preview/report-housing-repair');
    expect(housingList.text).not.toContain('/preview/council-tax-reduction');

    // The other agency's form, its paper form and its script: not found, as if it did not exist.
    for (const url of [
      '/preview/report-housing-repair',
      '/preview/report-housing-repair/paper.pdf',
      '/preview/report-housing-repair/script',
    ]) {
      const refused = await council.get(url);
      expect([url, refused.status]).toEqual([url, 404]);
      expect(refused.text).not.toContain('Report a repair');
    }
    const own = await housing.get('/preview/report-housing-repair');
    expect(own.status).toBeLessThan(400);
    const unknown = await council.get('/preview/no-such-form');
    expect(h1(unknown.text)).toBe(h1((await council.get('/preview/report-housing-repair')).text));
  });
});
