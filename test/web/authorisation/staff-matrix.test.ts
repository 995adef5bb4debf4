import { createHash } from 'node:crypto';
import request from 'supertest';
import { apiKeyHint, hashApiKey, newApiKey } from '../../../src/delivery/api-key';
import { ROLES, type Role } from '../../../src/store/accounts';
import type { StoredFile } from '../../../src/uploads/stored-file';
import type { CivicFormsApp } from '../../../src/web/app';
import { EXAMPLE_FORMS, testApp, Visitor } from '../../support/agent';
import { appRoutes } from '../../support/app-routes';
import { addAccount, signIn } from '../../support/caseworker';

// Four sign-ins (scrypt) and a few hundred requests on a busy shared machine.
jest.setTimeout(180_000);

/**
 * One agency's side of the matrix: a form, a submission of it (with a delivery that stopped
 * trying), a member of its staff, words only its pages show. "Own" is the agency of the accounts
 * signed in; "other" is another agency of the same deployment.
 */
interface Side {
  agency: string;
  form: string;
  title: string;
  firstPage: string;
  reference: string;
  username: string;
  /** A file the submission holds (its bytes stored): the file routes' target. */
  fileId: string;
}

const OWN: Side = {
  agency: 'northbrook-council',
  form: 'council-tax-reduction',
  title: 'Apply for council tax reduction',
  firstPage: 'your-area',
  /** Given when the submission is made. */
  reference: '',
  username: 'own.colleague',
  fileId: 'matrixownfile01',
};
const OTHER: Side = {
  agency: 'northbrook-housing',
  form: 'report-housing-repair',
  title: 'Report a repair in your council home',
  firstPage: 'problem-type',
  reference: '',
  username: 'other.colleague',
  fileId: 'matrixotherfile01',
};

type Method = 'GET' | 'POST';
interface Probe {
  method: Method;
  url: string;
  body?: Record<string, string>;
}

/**
 * What a staff route names of an agency: a form, a submission or an account in its address (the
 * other agency's is not found: 404, as one that does not exist), or nothing (the page shows only
 * the agency's own, and never the other's words).
 */
type Names = 'form' | 'submission' | 'account' | 'nothing';

interface Entry {
  /** The roles that may use it; every other role is refused (403). */
  roles: readonly Role[];
  names: Names;
  /** Roles that see every agency's (the platform team, for accounts). */
  everyAgency?: readonly Role[];
  probes(side: Side): Probe[];
}

const get = (url: string): Probe => ({ method: 'GET', url });
const post = (url: string, body: Record<string, string> = {}): Probe => ({
  method: 'POST',
  url,
  body,
});
const ADMINS = ['agency-admin', 'platform-admin'] as const;

/** A page of each kind of the form's journey routes (the section is the council form's). */
const JOURNEY_PAGES: Readonly<Record<string, (side: Side) => string>> = {
  'check-answers': () => 'check-answers',
  ':pageId': (s) => s.firstPage,
  ':sectionId/:position/:pageId': () => 'household/1/member-name',
};

/**
 * THE ROUTE TABLE: every staff route the app has, who may use it and what it names. A route added
 * to /caseworker, /dashboard or /admin without a line here fails the first test below.
 */
const STAFF_ROUTES: Readonly<Record<string, Entry>> = {
  'GET /caseworker/': {
    roles: ['caseworker'],
    names: 'nothing',
    probes: () => [get('/caseworker')],
  },
  'GET /caseworker/search': {
    roles: ['caseworker'],
    names: 'submission',
    probes: (s) => [get(`/caseworker/search?reference=${s.reference.toLowerCase()}`)],
  },
  'GET /caseworker/submissions/:reference': {
    roles: ['caseworker', 'service-team'],
    names: 'submission',
    probes: (s) => [get(`/caseworker/submissions/${s.reference}`)],
  },
  'GET /caseworker/submissions/:reference/answers.pdf': {
    roles: ['caseworker', 'service-team'],
    names: 'submission',
    probes: (s) => [get(`/caseworker/submissions/${s.reference}/answers.pdf`)],
  },
  'GET /caseworker/submissions/:reference/files/:fileId': {
    roles: ['caseworker', 'service-team'],
    names: 'submission',
    probes: (s) => [get(`/caseworker/submissions/${s.reference}/files/${s.fileId}`)],
  },
  'POST /caseworker/call/:formId/check-answers/remove-file': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [post(`/caseworker/call/${s.form}/check-answers/remove-file`)],
  },
  'POST /caseworker/paper/:formId/check-answers/remove-file': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [post(`/caseworker/paper/${s.form}/check-answers/remove-file`)],
  },
  'POST /caseworker/submissions/:reference/deliveries/:destination/retry': {
    roles: ['caseworker', 'service-team'],
    names: 'submission',
    probes: (s) => [post(`/caseworker/submissions/${s.reference}/deliveries/agency-crm/retry`)],
  },
  'GET /caseworker/forms': {
    roles: ['caseworker', 'service-team'],
    names: 'nothing',
    probes: () => [get('/caseworker/forms')],
  },
  'GET /caseworker/forms/:formId/submissions': {
    roles: ['caseworker', 'service-team'],
    names: 'form',
    probes: (s) => [get(`/caseworker/forms/${s.form}/submissions`)],
  },
  'GET /caseworker/forms/:formId/export': {
    roles: ['caseworker', 'service-team'],
    names: 'form',
    probes: (s) => [
      get(`/caseworker/forms/${s.form}/export`),
      get(
        `/caseworker/forms/${s.form}/export?from-day=1&from-month=1&from-year=2026&to-day=31&to-month=12&to-year=2026&format=csv`,
      ),
    ],
  },
  'GET /caseworker/start/:formId/:lang': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [get(`/caseworker/start/${s.form}/en`)],
  },
  'POST /caseworker/start/:formId/:lang': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [post(`/caseworker/start/${s.form}/en`)],
  },
  'GET /caseworker/call/:formId': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [get(`/caseworker/call/${s.form}`)],
  },
  'GET /caseworker/call/:formId/confirmation': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [get(`/caseworker/call/${s.form}/confirmation`)],
  },
  'GET /caseworker/paper/:formId': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [get(`/caseworker/paper/${s.form}`)],
  },
  'POST /caseworker/paper/:formId': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [post(`/caseworker/paper/${s.form}`)],
  },
  'GET /caseworker/paper/:formId/confirmation': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [get(`/caseworker/paper/${s.form}/confirmation`)],
  },
  'GET /caseworker/pick-up': {
    roles: ['caseworker'],
    names: 'nothing',
    probes: () => [get('/caseworker/pick-up')],
  },
  'POST /caseworker/pick-up': {
    roles: ['caseworker'],
    names: 'nothing',
    probes: () => [post('/caseworker/pick-up')],
  },
  'GET /caseworker/pick-up/:formId': {
    roles: ['caseworker'],
    names: 'form',
    probes: (s) => [get(`/caseworker/pick-up/${s.form}`)],
  },
  // The form's own journey routes, mounted for staff: each kind of page, with a caller and on paper.
  ...Object.fromEntries(
    (['call', 'paper'] as const).flatMap((kind) =>
      (['GET', 'POST'] as const).flatMap((method) =>
        Object.entries(JOURNEY_PAGES).map(([pattern, page]): [string, Entry] => [
          `${method} /caseworker/${kind}/:formId/${pattern}`,
          {
            roles: ['caseworker'],
            names: 'form',
            probes: (s) => [{ method, url: `/caseworker/${kind}/${s.form}/${page(s)}`, body: {} }],
          },
        ]),
      ),
    ),
  ),
  'GET /dashboard/': {
    roles: ['service-team'],
    names: 'nothing',
    probes: () => [get('/dashboard')],
  },
  'GET /dashboard/:file': {
    roles: ['service-team'],
    names: 'form',
    probes: (s) => [
      get(`/dashboard/${s.form}`),
      get(`/dashboard/${s.form}.csv`),
      get(`/dashboard/${s.form}.json`),
    ],
  },
  'GET /admin/staff/': { roles: ADMINS, names: 'nothing', probes: () => [get('/admin/staff')] },
  'GET /admin/staff/new': {
    roles: ADMINS,
    names: 'nothing',
    probes: () => [get('/admin/staff/new')],
  },
  'POST /admin/staff/new': {
    roles: ADMINS,
    names: 'nothing',
    probes: () => [post('/admin/staff/new')],
  },
  'GET /admin/staff/accounts/:username': {
    roles: ADMINS,
    names: 'account',
    everyAgency: ['platform-admin'],
    probes: (s) => [get(`/admin/staff/accounts/${s.username}`)],
  },
  'POST /admin/staff/accounts/:username/role': {
    roles: ADMINS,
    names: 'account',
    everyAgency: ['platform-admin'],
    probes: (s) => [post(`/admin/staff/accounts/${s.username}/role`, { role: 'caseworker' })],
  },
  'POST /admin/staff/accounts/:username/disable': {
    roles: ADMINS,
    names: 'account',
    everyAgency: ['platform-admin'],
    probes: (s) => [post(`/admin/staff/accounts/${s.username}/disable`)],
  },
  'POST /admin/staff/accounts/:username/enable': {
    roles: ADMINS,
    names: 'account',
    everyAgency: ['platform-admin'],
    probes: (s) => [post(`/admin/staff/accounts/${s.username}/enable`)],
  },
  'GET /admin/platform/': {
    roles: ['platform-admin'],
    names: 'nothing',
    probes: () => [get('/admin/platform')],
  },
};

/** Routes open before sign-in or to any staff sign-in: they name no agency's data. */
const SIGN_IN_ROUTES = [
  'GET /caseworker/sign-in',
  'POST /caseworker/sign-in',
  'POST /caseworker/sign-out',
  'POST /caseworker/keep-alive',
];

/** The pull API's routes: a key, not a sign-in; the key's agency is what counts. */
const API_ROUTES: Readonly<Record<string, (side: Side) => Probe>> = {
  'GET /api/v1/forms/:formId/submissions': (s) => get(`/api/v1/forms/${s.form}/submissions`),
  'GET /api/v1/submissions/:reference': (s) => get(`/api/v1/submissions/${s.reference}`),
  'GET /api/v1/submissions/:reference/files/:fileId': (s) =>
    get(`/api/v1/submissions/${s.reference}/files/${s.fileId}`),
  'POST /api/v1/submissions/:reference/receipt': (s) =>
    post(`/api/v1/submissions/${s.reference}/receipt`),
};

const isStaffRoute = (route: string) =>
  /^(GET|POST|PUT|PATCH|DELETE) \/(caseworker|dashboard|admin|api)\b/.test(route);

/** A small file stored for the side's submission, as an upload would leave it. */
async function storedFileOf(app: CivicFormsApp, side: Side): Promise<StoredFile> {
  const bytes = Buffer.from(`%PDF-1.4 ${side.agency}'s evidence`);
  if (!app.uploads) throw new Error('the example forms have a file question: uploads are on');
  await app.uploads.blobs.put(side.fileId, bytes);
  return {
    id: side.fileId,
    name: 'payslip.pdf',
    size: bytes.length,
    kind: 'pdf',
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** A submission of the side's form, with a delivery to `agency-crm` that stopped trying. */
async function submissionOf(app: CivicFormsApp, side: Side): Promise<void> {
  const now = Date.now();
  const draft = {
    id: `t-${side.agency}`,
    formId: side.form,
    formVersion: app.forms.get(side.form)?.version ?? '1.0',
    answers: {},
    done: [],
    language: 'en',
    channel: 'online' as const,
    createdAt: now,
    updatedAt: now,
  };
  await app.store.journeys.saveDraft(draft);
  // A file among the answers, as a file question stores it, with its bytes in the blob store.
  const answers = { evidence: [await storedFileOf(app, side)] };
  const { submission } = await app.store.journeys.submit(draft, answers, now);
  side.reference = submission.reference;
  await app.store.deliveries.enqueue(side.reference, side.form, [
    { destination: 'agency-crm', webhookId: `w-${side.agency}`, pull: false },
  ]);
  const [claimed] = await app.store.deliveries.claimDue(
    `worker-${side.agency}`,
    Date.now() + 1000,
    60_000,
    10,
  );
  if (!claimed) throw new Error('no delivery to claim');
  await app.store.deliveries.markFailed(claimed.id, `worker-${side.agency}`, {
    at: now,
    error: 'HTTP 500',
    next: 'dead',
  });
}

describe('the staff authorisation matrix: every staff route × role × own or other agency', () => {
  let app: CivicFormsApp;
  const visitors = new Map<Role, Visitor>();
  beforeAll(async () => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
    await submissionOf(app, OWN);
    await submissionOf(app, OTHER);
    for (const side of [OWN, OTHER]) {
      await addAccount(app.store, side.username, {
        agency: side.agency,
        displayName: side.username,
      });
    }
    for (const role of ROLES) {
      // The platform team belongs to the default agency: its reach is its role's, not an agency's.
      const agency = role === 'platform-admin' ? 'default' : OWN.agency;
      await addAccount(app.store, `the.${role}`, { role, agency, displayName: `The ${role}` });
      const visitor = new Visitor(app);
      const signedIn = await signIn(visitor, `the.${role}`);
      // Any page in the staff layout holds a CSRF token for the posts (its sign-out form).
      await visitor.get(signedIn.headers.location as string);
      visitors.set(role, visitor);
    }
  }, 180_000);
  afterAll(() => app.close());

  it('has a line for every staff route the app answers, and no line for a route it does not', () => {
    const routes = appRoutes(app).filter(isStaffRoute);
    const listed = [...Object.keys(STAFF_ROUTES), ...SIGN_IN_ROUTES, ...Object.keys(API_ROUTES)];
    expect(routes.filter((r) => !listed.includes(r))).toEqual([]);
    expect(listed.filter((r) => !routes.includes(r))).toEqual([]);
  });

  it("answers a search for another agency's reference exactly as one for a reference nobody has", async () => {
    const visitor = visitors.get('caseworker') as Visitor;
    const unknown = '3334-4446-67';
    const theirs = await visitor.get(`/caseworker/search?reference=${OTHER.reference}`);
    const nobodys = await visitor.get(`/caseworker/search?reference=${unknown}`);
    expect(theirs.status).toBe(404);
    expect(nobodys.status).toBe(404);
    const page = (html: string, typed: string) =>
      html
        .split(typed)
        .join('REFERENCE')
        .replace(/name="_csrf" value="[^"]*"/g, '');
    expect(page(theirs.text, OTHER.reference)).toBe(page(nobodys.text, unknown));
  });

  const cases = Object.entries(STAFF_ROUTES).flatMap(([route, entry]) =>
    ROLES.flatMap((role) =>
      (['own', 'other'] as const).map((whose) => ({ route, entry, role, whose })),
    ),
  );

  it.each(cases.map((c) => [c.route, c.role, c.whose, c] as const))(
    '%s as %s, %s agency',
    async (_route, role, whose, { entry }) => {
      const side = whose === 'own' ? OWN : OTHER;
      const visitor = visitors.get(role) as Visitor;
      for (const probe of entry.probes(side)) {
        const response =
          probe.method === 'GET'
            ? await visitor.get(probe.url)
            : await visitor.post(probe.url, probe.body ?? {});
        const what = `${probe.method} ${probe.url}`;
        if (!entry.roles.includes(role)) {
          expect([what, response.status]).toEqual([what, 403]);
        } else if (
          whose === 'other' &&
          entry.names !== 'nothing' &&
          !entry.everyAgency?.includes(role)
        ) {
          // Not found, as something that does not exist: no page says it belongs to another agency.
          expect([what, response.status]).toEqual([what, 404]);
        } else {
          // Its page, a redirect on its way, or its own form's validation: never refused or lost.
          expect([what, [200, 204, 303, 400].includes(response.status)]).toEqual([what, true]);
        }
        // Whatever the answer, nothing of the other agency's shows (its form, its submission, its staff).
        // (What the address itself typed, a page may repeat: "No submission has the reference …".)
        if (role !== 'platform-admin') {
          const typed = probe.url.toUpperCase();
          const words = [OTHER.title, OTHER.reference, OTHER.username];
          for (const word of words.filter((w) => !typed.includes(w.toUpperCase()))) {
            expect([what, response.text?.includes(word) ?? false]).toEqual([what, false]);
          }
        }
      }
    },
  );

  it.each(
    Object.entries(API_ROUTES).flatMap(([route, probe]) =>
      (['own', 'other'] as const).map((whose) => [route, whose, probe] as const),
    ),
  )('%s with a key of the %s agency', async (_route, whose, probeOf) => {
    // A key made as `civic-forms api-keys add` makes it: for forms of one agency, which it carries.
    const key = newApiKey();
    await app.store.apiKeys.addKey({
      id: `k-${whose}-${_route}`,
      name: `${whose} ${_route}`.slice(0, 60),
      hash: hashApiKey(key),
      hint: apiKeyHint(key),
      forms: [OWN.form],
      agency: OWN.agency,
      createdAt: Date.now(),
    });
    const probe = probeOf(whose === 'own' ? OWN : OTHER);
    const agent = request(app);
    const response = await (probe.method === 'GET' ? agent.get(probe.url) : agent.post(probe.url))
      .set('Authorization', `Bearer ${key}`)
      // Every answer as bytes too: a file is not text, and its bytes must be the agency's own.
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const bytes = response.body as Buffer;
    const text = bytes.toString('utf8');
    expect(response.status).toBe(whose === 'own' ? 200 : 404);
    if (whose === 'own' && _route.endsWith('/files/:fileId')) {
      expect(text).toBe(`%PDF-1.4 ${OWN.agency}'s evidence`);
    }
    // A submission handed over names its agency.
    if (whose === 'own' && _route === 'GET /api/v1/submissions/:reference') {
      expect(JSON.parse(text)).toMatchObject({ reference: OWN.reference, agency: OWN.agency });
    }
    expect(text).not.toContain(OTHER.title);
    expect(text).not.toContain(OTHER.agency);
    if (whose === 'other')
      expect(JSON.parse(text)).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND' }) });
  });
});
