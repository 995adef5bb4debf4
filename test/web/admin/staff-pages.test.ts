import type { CivicFormsApp } from '../../../src/web/app';
import { EXAMPLE_FORMS, h1, summaryErrors, testApp, textOf, Visitor } from '../../support/agent';
import { addAccount, PASSWORD, signIn } from '../../support/caseworker';

// Each sign-in and each account added hashes with scrypt (0.3 s of a core): a busy shared machine.
jest.setTimeout(120_000);

const COUNCIL = 'northbrook-council';
const HOUSING = 'northbrook-housing';

/** The staff table's rows as text: name, username, role, (agency,) status. */
function staffRows(html: string): string[] {
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(
    (row) => textOf(row[0], /<tr[^>]*>([\s\S]*?)<\/tr>/) ?? '',
  );
}

async function signedIn(app: CivicFormsApp, username: string): Promise<Visitor> {
  const visitor = new Visitor(app);
  const response = await signIn(visitor, username);
  if (response.status !== 303) throw new Error(`sign-in gave ${response.status}`);
  await visitor.get(response.headers.location as string);
  return visitor;
}

describe('the staff pages', () => {
  let app: CivicFormsApp;
  beforeEach(async () => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
    await addAccount(app.store, 'olu.admin', {
      role: 'agency-admin',
      displayName: 'Olu Bankole',
      agency: COUNCIL,
    });
    await addAccount(app.store, 'sian.evans', { displayName: 'Siân Evans', agency: COUNCIL });
    await addAccount(app.store, 'tomasz.nowak', {
      displayName: 'Tomasz Nowak',
      agency: HOUSING,
    });
    await addAccount(app.store, 'pat.platform', {
      role: 'platform-admin',
      displayName: 'Pat Reid',
      agency: 'default',
    });
  });
  afterEach(() => app.close());

  it("shows an agency's administrator its own agency's staff, never another's or the platform team", async () => {
    const visitor = new Visitor(app);
    expect((await signIn(visitor, 'olu.admin')).headers.location).toBe('/admin/staff');
    const page = await visitor.get('/admin/staff');
    expect(page.status).toBe(200);
    expect(h1(page.text)).toBe('Staff of Northbrook Council');
    // The staff area is the agency's, by its own name.
    expect(page.text).toContain('Northbrook Council staff area');
    expect(staffRows(page.text)).toEqual([
      'Olu Bankole (you) olu.admin Agency administrator Can sign in',
      'Siân Evans sian.evans Caseworker Can sign in',
    ]);
    expect(page.text).not.toContain('tomasz.nowak');
    expect(page.text).not.toContain('pat.platform');
    // Another agency's account, the platform team's and one's own: not found, as no account at all.
    for (const username of ['tomasz.nowak', 'pat.platform', 'olu.admin', 'nobody.here']) {
      const url = `/admin/staff/accounts/${username}`;
      const response = await visitor.get(url);
      expect([url, response.status]).toEqual([url, 404]);
      expect(h1(response.text)).toBe('Page not found');
      expect(response.text).toContain(
        '<a class="govuk-link" href="/admin/staff">Go to the staff list</a>',
      );
    }
    const refused = await visitor.post('/admin/staff/accounts/tomasz.nowak/disable', {});
    expect(refused.status).toBe(404);
    expect((await app.store.staff.findUser('tomasz.nowak'))?.disabled).toBe(false);
    // The platform overview is the platform team's.
    expect((await visitor.get('/admin/platform')).status).toBe(403);
  });

  it('adds an account to its own agency, after saying what is wrong, and audits it there', async () => {
    const visitor = await signedIn(app, 'olu.admin');
    await visitor.get('/admin/staff/new');
    const wrong = await visitor.post('/admin/staff/new', {
      displayName: ' ',
      username: 'Sian.Evans',
      role: 'platform-admin',
      agency: HOUSING,
      password: 'short',
    });
    expect(wrong.status).toBe(400);
    expect(summaryErrors(wrong.text)).toEqual([
      '#displayName Enter the person’s full name',
      '#role Select a role',
      '#password Enter a password of at least 12 characters',
    ]);
    // What was typed is kept, the password never.
    expect(wrong.text).toContain('value="sian.evans"');
    expect(wrong.text).not.toContain('value="short"');
    const taken = await visitor.post('/admin/staff/new', {
      displayName: 'Another Siân',
      username: 'SIAN.EVANS',
      role: 'caseworker',
      password: PASSWORD,
    });
    expect(summaryErrors(taken.text)).toEqual([
      '#username The username sian.evans is taken: choose another',
    ]);
    const added = await visitor.post('/admin/staff/new', {
      displayName: 'Amara Okafor',
      username: 'Amara.Okafor',
      role: 'service-team',
      // An agency's administrator cannot choose another agency: this is ignored.
      agency: HOUSING,
      password: PASSWORD,
    });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe('/admin/staff?done=added&account=amara.okafor');
    const list = await visitor.get(added.headers.location as string);
    expect(list.text).toContain('Amara Okafor has an account with the role Service team.');
    expect(await app.store.staff.findUser('amara.okafor')).toMatchObject({
      role: 'service-team',
      agency: COUNCIL,
      displayName: 'Amara Okafor',
    });
    // The new account signs in with the password given, on its dashboard.
    expect((await signIn(new Visitor(app), 'amara.okafor')).headers.location).toBe('/dashboard');
    const audit = await app.store.staff.listAudit({ target: 'amara.okafor' });
    expect(audit.map((e) => [e.action, e.actorUsername, e.detail, e.agency])).toEqual([
      ['add-user', 'olu.admin', 'service-team', COUNCIL],
    ]);
  });

  it('changes a role within the agency (never to the platform team) and disables and enables an account', async () => {
    const visitor = await signedIn(app, 'olu.admin');
    const account = await visitor.get('/admin/staff/accounts/sian.evans');
    expect(account.status).toBe(200);
    expect(h1(account.text)).toBe('Siân Evans');
    expect(account.text).not.toContain('value="platform-admin"');
    const refused = await visitor.post('/admin/staff/accounts/sian.evans/role', {
      role: 'platform-admin',
    });
    expect(refused.status).toBe(400);
    expect(summaryErrors(refused.text)).toEqual(['#role Select a role']);
    expect((await app.store.staff.findUser('sian.evans'))?.role).toBe('caseworker');

    const changed = await visitor.post('/admin/staff/accounts/sian.evans/role', {
      role: 'agency-admin',
    });
    expect(changed.headers.location).toBe('/admin/staff?done=role&account=sian.evans');
    expect((await app.store.staff.findUser('sian.evans'))?.role).toBe('agency-admin');

    await visitor.get('/admin/staff/accounts/sian.evans');
    const disabled = await visitor.post('/admin/staff/accounts/sian.evans/disable', {});
    expect(disabled.headers.location).toBe('/admin/staff?done=disabled&account=sian.evans');
    expect((await visitor.get(disabled.headers.location as string)).text).toContain(
      'Siân Evans’s account is disabled. They cannot sign in.',
    );
    expect((await signIn(new Visitor(app), 'sian.evans')).status).toBe(400);
    await visitor.get('/admin/staff/accounts/sian.evans');
    await visitor.post('/admin/staff/accounts/sian.evans/enable', {});
    expect((await app.store.staff.findUser('sian.evans'))?.disabled).toBe(false);

    const audit = await app.store.staff.listAudit({ target: 'sian.evans' });
    expect(audit.map((e) => [e.action, e.detail, e.agency])).toEqual([
      ['set-role', 'agency-admin', COUNCIL],
      ['disable-user', undefined, COUNCIL],
      ['enable-user', undefined, COUNCIL],
    ]);
  });

  it("lets the platform team see every agency's staff and add an account to the agency it chooses", async () => {
    const visitor = new Visitor(app);
    expect((await signIn(visitor, 'pat.platform')).headers.location).toBe('/admin/platform');
    const list = await visitor.get('/admin/staff');
    expect(h1(list.text)).toBe('Staff of every agency');
    expect(staffRows(list.text)).toEqual([
      'Olu Bankole olu.admin Agency administrator Northbrook Council Can sign in',
      'Pat Reid (you) pat.platform Platform team Public services Can sign in',
      'Siân Evans sian.evans Caseworker Northbrook Council Can sign in',
      'Tomasz Nowak tomasz.nowak Caseworker Northbrook Housing Service Can sign in',
    ]);
    await visitor.get('/admin/staff/new');
    const noAgency = await visitor.post('/admin/staff/new', {
      displayName: 'Jo Lee',
      username: 'jo.lee',
      role: 'agency-admin',
      agency: 'no-such-agency',
      password: PASSWORD,
    });
    expect(summaryErrors(noAgency.text)).toEqual(['#agency Select an agency']);
    const added = await visitor.post('/admin/staff/new', {
      displayName: 'Jo Lee',
      username: 'jo.lee',
      role: 'agency-admin',
      agency: HOUSING,
      password: PASSWORD,
    });
    expect(added.status).toBe(303);
    expect(await app.store.staff.findUser('jo.lee')).toMatchObject({
      role: 'agency-admin',
      agency: HOUSING,
    });
    // The platform team's view of the staff is audited for the platform, its changes for the agency.
    const audit = await app.store.staff.listAudit({ actorUsername: 'pat.platform' });
    expect(audit.map((e) => [e.action, e.target, e.agency])).toEqual([
      ['sign-in', undefined, 'default'],
      ['view-staff', undefined, undefined],
      ['add-user', 'jo.lee', HOUSING],
    ]);
  });
});
