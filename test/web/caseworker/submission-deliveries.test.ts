import { loadForms } from '../../../src/definition/load';
import type { CivicFormsApp } from '../../../src/web/app';
import { destinationsOf, webhookTo } from '../../delivery/support/outbox-fixture';
import { deadUrl } from '../../delivery/support/webhook-receiver';
import { FIXTURE_FORMS, testApp, textOf } from '../../support/agent';
import { signedInCaseworker, submitPermitOnline } from '../../support/caseworker';

/** The deliveries section's rows: destination, then status and details (direction marks left out). */
function deliveryRows(html: string): string[] {
  const section = /id="deliveries"[\s\S]*?<\/dl>/.exec(html)?.[0] ?? '';
  return section
    .split('class="govuk-summary-list__row')
    .slice(1)
    .map((row) => textOf(`<div class="${row}`.replace(/<[^>]*$/, ''), /^([\s\S]*)$/) ?? '')
    .map((text) => text.replace(/[\u2066-\u2069]/g, ''));
}

// Each sign-in hashes with scrypt (0.3 s of a core): on a busy shared machine.
jest.setTimeout(60_000);

describe('caseworker: a submission’s deliveries', () => {
  let app: CivicFormsApp;
  beforeEach(async () => {
    const forms = new Map(loadForms(FIXTURE_FORMS));
    const permit = forms.get('parking-permit');
    if (!permit) throw new Error('no parking-permit fixture');
    forms.set('parking-permit', { ...permit, destinations: ['permits-webhook', 'permits-pull'] });
    app = testApp({
      forms,
      destinations: destinationsOf(webhookTo(await deadUrl(), 'permits-webhook'), {
        id: 'permits-pull',
        type: 'pull-api',
      }),
    });
  });
  afterEach(() => app.close());

  it('shows each destination waiting, then failing with why and the next try, then dead with a retry that is audited', async () => {
    const reference = await submitPermitOnline(app);
    const caseworker = await signedInCaseworker(app);
    const page = `/caseworker/submissions/${reference}`;
    let rows = deliveryRows((await caseworker.get(page)).text);
    expect(rows).toEqual([
      'permits-pull Waiting for the agency to fetch it',
      expect.stringMatching(/^permits-webhook Waiting to be sent First try due \d/),
    ]);

    const [claimed] = await app.store.deliveries.claimDue('w', Date.now(), 60_000, 10);
    await app.store.deliveries.markFailed(claimed?.id ?? 0, 'w', {
      at: Date.now(),
      error: 'status: HTTP 500',
      next: { nextTryAt: Date.now() + 30_000 },
    });
    rows = deliveryRows((await caseworker.get(page)).text);
    expect(rows[1]).toMatch(
      /^permits-webhook Failing The receiver answered with an error \(status: HTTP 500\)\. Tries so far: 1\. Next try \d/,
    );
    expect((await caseworker.get(page)).text).not.toContain('Try again');

    const [again] = await app.store.deliveries.claimDue('w', Date.now() + 31_000, 60_000, 10);
    await app.store.deliveries.markFailed(again?.id ?? 0, 'w', {
      at: Date.now(),
      error: 'timeout: no answer in 10000 ms',
      next: 'dead',
    });
    const deadPage = await caseworker.get(page);
    rows = deliveryRows(deadPage.text);
    expect(rows[1]).toMatch(
      /^permits-webhook Stopped trying No answer in time \(timeout: no answer in 10000 ms\)\. Tries: 2, the last \d.* Try again the delivery to permits-webhook$/,
    );

    const retried = await caseworker.post(`${page}/deliveries/permits-webhook/retry`, {});
    expect(retried.status).toBe(303);
    expect(retried.headers.location).toBe(`${page}?retried=permits-webhook#deliveries`);
    const after = await caseworker.get(`${page}?retried=permits-webhook`);
    expect(after.text).toContain(
      'The delivery to permits-webhook will be tried again within a few seconds.',
    );
    expect(deliveryRows(after.text)[1]).toMatch(/^permits-webhook Waiting to be sent/);
    expect(await app.store.deliveries.listForSubmission(reference)).toEqual([
      expect.objectContaining({ destination: 'permits-pull', status: 'pending' }),
      expect.objectContaining({ destination: 'permits-webhook', status: 'pending', attempts: 0 }),
    ]);
    const audit = await app.store.staff.listAudit({ target: reference });
    expect(audit.filter((e) => e.action === 'retry-delivery')).toEqual([
      expect.objectContaining({ actorUsername: 'sian.evans', detail: 'permits-webhook' }),
    ]);
    expect(after.text).toContain('Asked for a delivery to be tried again');

    // Only a dead delivery is retried: again, or the pull API's, is not a page.
    expect((await caseworker.post(`${page}/deliveries/permits-pull/retry`, {})).status).toBe(404);
  });

  it('says when a form sends its submissions nowhere', async () => {
    const plain = testApp();
    try {
      const reference = await submitPermitOnline(plain);
      const caseworker = await signedInCaseworker(plain);
      expect((await caseworker.get(`/caseworker/submissions/${reference}`)).text).toContain(
        'This form does not send its submissions anywhere: they stay in this service.',
      );
    } finally {
      await plain.close();
    }
  });
});
