import { submitWithDeliveries } from '../../../src/delivery/outbox';
import { loadForms } from '../../../src/definition/load';
import type { FormDefinition } from '../../../src/definition/types';
import type { Channel } from '../../../src/engine/answers';
import type { Store } from '../../../src/store/store';
import type { CivicFormsApp } from '../../../src/web/app';
import { destinationsOf, webhookTo } from '../../delivery/support/outbox-fixture';
import { sampleAnswers } from '../../delivery/support/sample-submission';
import { deadUrl } from '../../delivery/support/webhook-receiver';
import { FIXTURE_FORMS, h1, testApp, textOf, Visitor } from '../../support/agent';
import { addAccount, signedInCaseworker, signIn } from '../../support/caseworker';
import { DATABASES, openTestStore } from '../../store/support/databases';

const DAY = 86_400_000;

/** The list's rows as text: reference, sent, channel, language, deliveries. */
function listRows(html: string): string[][] {
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return body
    .split('<tr')
    .slice(1)
    .map((row) =>
      [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(
        (cell) => textOf(cell[1] ?? '', /^([\s\S]*)$/) ?? '',
      ),
    );
}

/** The staff navigation's links: text and address. */
function navigation(html: string): string[] {
  const nav = /<nav aria-label="Staff area"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return [
    ...nav.matchAll(
      /<a class="govuk-service-navigation__link" href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g,
    ),
  ].map((m) => `${textOf(m[2] ?? '', /^([\s\S]*)$/)} ${m[1]}`);
}

// Each sign-in hashes with scrypt (0.3 s of a core): on a busy shared machine.
jest.setTimeout(120_000);

describe.each(DATABASES)('caseworker: a form’s submissions listed and exported, on %s', (kind) => {
  let app: CivicFormsApp;
  let store: Store;
  let permit: FormDefinition;
  beforeEach(async () => {
    const forms = new Map(loadForms(FIXTURE_FORMS));
    const source = forms.get('parking-permit');
    if (!source) throw new Error('no parking-permit fixture');
    permit = { ...source, destinations: ['permits-webhook'] };
    forms.set('parking-permit', permit);
    store = await openTestStore(kind);
    app = testApp({
      forms,
      store,
      destinations: destinationsOf(webhookTo(await deadUrl(), 'permits-webhook')),
    });
  });
  afterEach(() => app.close());

  /** A submission of the permit form through the outbox, as every channel makes one. */
  async function submit(
    id: string,
    at: number,
    channel: Channel = 'online',
    name = 'Llŷr ap Siôn',
  ) {
    const answers = { ...sampleAnswers(permit), 'full-name': name };
    const { submission } = await submitWithDeliveries(store, app.destinations, permit, {
      draft: {
        id,
        formId: permit.id,
        formVersion: permit.version,
        answers,
        done: [],
        language: 'cy',
        channel,
        ...(channel !== 'online' && { caseworkerId: 'a3f1c9e2-caseworker' }),
        createdAt: at,
        updatedAt: at,
      },
      answers,
      at,
    });
    return submission.reference;
  }

  it('lists a form’s submissions newest first with filters, links each to its page, and audits each view', async () => {
    const now = Date.now();
    const old = await submit('old', now - 40 * DAY);
    const paper = await submit('paper', now - 2 * DAY, 'paper');
    const online = await submit('online', now - DAY);
    const dead = await submit('dead', now - 3 * DAY, 'phone');
    const [row] = await store.deliveries.listForSubmission(dead);
    await store.deliveries.claimDue('w', now + DAY, 60_000, 10);
    await store.deliveries.markFailed(row?.id ?? 0, 'w', {
      at: now,
      error: 'status: HTTP 500',
      next: 'dead',
    });
    const caseworker = await signedInCaseworker(app);

    const home = await caseworker.get('/caseworker');
    expect(navigation(home.text)).toEqual([
      'Find a submission /caseworker',
      'Submissions /caseworker/forms',
    ]);
    const forms = await caseworker.get('/caseworker/forms');
    expect(h1(forms.text)).toBe('Submissions');
    expect(forms.text).toContain('href="/caseworker/forms/parking-permit/submissions"');
    expect(forms.text).toContain('href="/caseworker/forms/parking-permit/export"');

    const list = await caseworker.get('/caseworker/forms/parking-permit/submissions');
    expect(list.status).toBe(200);
    expect(h1(list.text)).toBe('Apply for a resident parking permit');
    expect(textOf(list.text, /<p class="govuk-body" id="found">([\s\S]*?)<\/p>/)).toBe(
      'Submissions found: 3. Newest first.',
    );
    // The last 30 days by default: the one sent 40 days ago is not there.
    expect(listRows(list.text).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      [online, 'Online', 'Cymraeg', 'Waiting'],
      [paper, 'Paper form', 'Cymraeg', 'Waiting'],
      [dead, 'By phone, with a caseworker', 'Cymraeg', 'Stopped trying'],
    ]);
    expect(list.text).toContain(`href="/caseworker/submissions/${online}"`);
    // No answer is on the list.
    expect(list.text).not.toContain('Llŷr ap Siôn');

    const fromDay = new Date(now - 45 * DAY);
    const filtered = await caseworker.get(
      `/caseworker/forms/parking-permit/submissions?${new URLSearchParams({
        'from-day': String(fromDay.getUTCDate()),
        'from-month': String(fromDay.getUTCMonth() + 1),
        'from-year': String(fromDay.getUTCFullYear()),
        'to-day': String(new Date(now).getUTCDate()),
        'to-month': String(new Date(now).getUTCMonth() + 1),
        'to-year': String(new Date(now).getUTCFullYear()),
        channel: 'online',
        delivery: 'pending',
      })}`,
    );
    expect(listRows(filtered.text).map((r) => r[0])).toEqual([online, old]);
    expect(filtered.text).toMatch(/<option value="online" selected>Online<\/option>/);
    const deadOnly = await caseworker.get(
      '/caseworker/forms/parking-permit/submissions?delivery=dead',
    );
    expect(listRows(deadOnly.text).map((r) => r[0])).toEqual([dead]);

    const wrong = await caseworker.get(
      '/caseworker/forms/parking-permit/submissions?from-day=31&from-month=2&from-year=2031&to-day=1&to-month=1&to-year=2031',
    );
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('There is a problem');
    expect(listRows(wrong.text)).toEqual([]);

    const audit = (await store.staff.listAudit({ target: 'parking-permit' })).filter(
      (e) => e.action === 'list-submissions',
    );
    expect(audit).toHaveLength(4);
    expect(audit[1]).toMatchObject({
      actorUsername: 'sian.evans',
      detail: expect.stringMatching(
        /^\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d channel=online delivery=pending page=1$/,
      ),
    });
    expect((await caseworker.get('/caseworker/forms/no-such-form/submissions')).status).toBe(404);
  });

  it('pages through more than 50 submissions, keeping the filter in the links', async () => {
    const now = Date.now();
    const references: string[] = [];
    for (let i = 0; i < 53; i++) references.unshift(await submit(`tx-${i}`, now - DAY + i * 1000));
    const caseworker = await signedInCaseworker(app);
    const first = await caseworker.get(
      '/caseworker/forms/parking-permit/submissions?channel=online',
    );
    expect(listRows(first.text).map((r) => r[0])).toEqual(references.slice(0, 50));
    expect(first.text).toContain('Submissions found: 53. Newest first. Page 1 of 2.');
    const next = /<a class="govuk-link" rel="next" href="([^"]+)">Next page<\/a>/.exec(
      first.text,
    )?.[1];
    expect(next?.replace(/&amp;/g, '&')).toBe(
      '/caseworker/forms/parking-permit/submissions?channel=online&page=2',
    );
    const second = await caseworker.get(next?.replace(/&amp;/g, '&') ?? '');
    expect(listRows(second.text).map((r) => r[0])).toEqual(references.slice(50));
    expect(second.text).toContain('Page 2 of 2.');
  });

  it('lets the service team list, open a submission and retry its dead delivery, from its navigation', async () => {
    const reference = await submit('st', Date.now() - DAY);
    const [row] = await store.deliveries.listForSubmission(reference);
    await store.deliveries.claimDue('w', Date.now() + DAY, 60_000, 10);
    await store.deliveries.markFailed(row?.id ?? 0, 'w', {
      at: Date.now(),
      error: 'x: y',
      next: 'dead',
    });
    await addAccount(store, 'priya.shah', { role: 'service-team', displayName: 'Priya Shah' });
    const team = new Visitor(app);
    expect((await signIn(team, 'priya.shah')).headers.location).toBe('/dashboard');
    const dashboard = await team.get('/dashboard');
    expect(navigation(dashboard.text)).toEqual([
      'Submissions /caseworker/forms',
      'Figures /dashboard',
    ]);
    const list = await team.get('/caseworker/forms/parking-permit/submissions');
    expect(listRows(list.text).map((r) => r[0])).toEqual([reference]);
    const page = await team.get(`/caseworker/submissions/${reference}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Llŷr ap Siôn');
    expect(page.text).not.toContain('href="/caseworker">'); // the phone tools are not theirs
    const retried = await team.post(
      `/caseworker/submissions/${reference}/deliveries/permits-webhook/retry`,
      {},
    );
    expect(retried.status).toBe(303);
    expect((await store.deliveries.listForSubmission(reference))[0]?.status).toBe('pending');
    const actions = (await store.staff.listAudit({ actorUsername: 'priya.shah' })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['list-submissions', 'view-submission', 'retry-delivery']),
    );
    // The contact centre's own tools stay theirs.
    expect((await team.get('/caseworker')).status).toBe(403);
  });

  it('exports the submissions of a period as CSV (BOM, Welsh and Arabic, no formula) and JSON, audited', async () => {
    const now = Date.now();
    await submit('welsh', now - DAY, 'online', 'Llŷr ap Siôn');
    await submit('arabic', now - DAY / 2, 'paper', 'ليلى حداد');
    await submit('formula', now - DAY / 4, 'phone', '=HYPERLINK("http://evil.example","x")');
    await submit('too-old', now - 60 * DAY);
    const caseworker = await signedInCaseworker(app);
    const page = await caseworker.get('/caseworker/forms/parking-permit/export');
    expect(page.status).toBe(200);
    expect(h1(page.text)).toBe('Export submissions');
    expect(page.text).toContain('name="format" type="radio" value="csv" checked');

    const today = new Date(now);
    const from = new Date(now - 7 * DAY);
    const dates = {
      'from-day': String(from.getUTCDate()),
      'from-month': String(from.getUTCMonth() + 1),
      'from-year': String(from.getUTCFullYear()),
      'to-day': String(today.getUTCDate()),
      'to-month': String(today.getUTCMonth() + 1),
      'to-year': String(today.getUTCFullYear()),
    };
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const csv = await caseworker.agent
      .get(
        `/caseworker/forms/parking-permit/export?${new URLSearchParams({ ...dates, format: 'csv' })}`,
      )
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="parking-permit-submissions-${iso(from)}-to-${iso(today)}.csv"`,
    );
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(
      /^Reference,Received,Channel,Language,Form version,Caseworker,Paper form arrived,/,
    );
    expect(lines).toHaveLength(5); // header, three submissions, and the last line's end
    expect(text).toContain('Llŷr ap Siôn');
    expect(text).toContain('ليلى حداد');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);

    const json = await caseworker.get(
      `/caseworker/forms/parking-permit/export?${new URLSearchParams({ ...dates, format: 'json' })}`,
    );
    expect(json.headers['content-disposition']).toBe(
      `attachment; filename="parking-permit-submissions-${iso(from)}-to-${iso(today)}.json"`,
    );
    const payloads = JSON.parse(json.text) as Array<{
      channel: string;
      answers: Array<{ questionId?: string; value?: unknown }>;
    }>;
    expect(payloads.map((p) => p.channel)).toEqual(['online', 'paper', 'phone']);
    expect(payloads[1]?.answers.find((a) => a.questionId === 'full-name')?.value).toBe('ليلى حداد');

    const refused = await caseworker.get(
      `/caseworker/forms/parking-permit/export?${new URLSearchParams({ ...dates, format: 'xls' })}`,
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Choose a file format');

    const audit = (await store.staff.listAudit({ target: 'parking-permit' })).filter(
      (e) => e.action === 'export-submissions',
    );
    expect(audit.map((e) => e.detail)).toEqual([
      `csv ${iso(from)}..${iso(today)} 3`,
      `json ${iso(from)}..${iso(today)} 3`,
    ]);
    expect(JSON.stringify(audit)).not.toContain('Llŷr');
  });
});
