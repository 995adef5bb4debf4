import { sqliteFile } from '../../src/store/open-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import {
  destinationsOf,
  housingForm,
  submitJourney,
  webhookTo,
} from '../delivery/support/outbox-fixture';
import { tempDataDir } from '../support/agent';
import { civicFormsOn } from '../support/cli';

describe('civic-forms deliveries', () => {
  it('lists a dead delivery with its last error, retries it (audited), and says when there is none to retry', async () => {
    const dataDir = tempDataDir();
    const store = openSqliteStore({ file: sqliteFile({ dataDir }) });
    const form = housingForm('housing-webhook');
    const config = destinationsOf(webhookTo('https://housing.example.gov.uk/hook'));
    let reference: string;
    try {
      reference = await submitJourney(store, form, config, 'tx-cli');
      const [row] = await store.deliveries.claimDue('w', Date.now(), 60_000, 1);
      await store.deliveries.markFailed(row?.id ?? 0, 'w', {
        at: Date.parse('2031-03-15T10:00:00Z'),
        error: 'status: HTTP 500',
        next: 'dead',
      });
    } finally {
      await store.close();
    }

    const dead = await civicFormsOn(dataDir, ['deliveries', 'list', '--status', 'dead']);
    expect(dead.code).toBe(0);
    expect(dead.stdout).toEqual([
      'REFERENCE\tFORM\tAGENCY\tDESTINATION\tSTATUS\tTRIES\tWHEN\tLAST ERROR',
      `${reference}\treport-housing-repair\tnorthbrook-housing\thousing-webhook\tdead\t1\t2031-03-15T10:00:00.000Z\tstatus: HTTP 500`,
    ]);

    const typed = reference.replace(/-/g, '').toLowerCase();
    const retried = await civicFormsOn(dataDir, ['deliveries', 'retry', typed]);
    expect([retried.code, retried.stdout]).toEqual([
      0,
      [`${reference}: the delivery to housing-webhook will be tried again`],
    ]);
    const pending = await civicFormsOn(dataDir, ['deliveries', 'list', '--status', 'pending']);
    expect(pending.stdout[1]).toMatch(
      new RegExp(
        `^${reference}\\treport-housing-repair\\tnorthbrook-housing\\thousing-webhook\\tpending\\t0\\t`,
      ),
    );
    const again = await civicFormsOn(dataDir, ['deliveries', 'retry', reference]);
    expect([again.code, again.stderr.trim()]).toEqual([
      1,
      `${reference}: no dead delivery to retry`,
    ]);

    const audit = await civicFormsOn(dataDir, ['audit']);
    expect(audit.stdout.join('\n')).toMatch(/retry-delivery/);
  }, 180_000);

  it("shows each delivery's agency and lists one agency's alone", async () => {
    const dataDir = tempDataDir();
    const store = openSqliteStore({ file: sqliteFile({ dataDir }) });
    let repair: string;
    let tax: string;
    try {
      repair = await submitJourney(
        store,
        housingForm('housing-webhook'),
        destinationsOf(webhookTo('https://housing.example.gov.uk/hook')),
        'tx-repair',
      );
      tax = await store.tx(async (t) => {
        const draft = {
          id: 'tx-tax',
          formId: 'council-tax-reduction',
          formVersion: '1.0',
          answers: {},
          done: [],
          language: 'en',
          channel: 'online' as const,
          createdAt: Date.now(),
          updatedAt: Date.now(),
        };
        const { submission } = await t.journeys.submit(draft, {}, Date.now());
        await t.deliveries.enqueue(submission.reference, draft.formId, [
          { destination: 'council-email', webhookId: 'msg_tax', pull: false },
        ]);
        return submission.reference;
      });
    } finally {
      await store.close();
    }
    const rows = (run: { stdout: string[] }) =>
      run.stdout.slice(1).map((line) => line.split('\t').slice(0, 4));

    const all = await civicFormsOn(dataDir, ['deliveries', 'list']);
    expect(all.code).toBe(0);
    expect(rows(all)).toEqual([
      [tax, 'council-tax-reduction', 'northbrook-council', 'council-email'],
      [repair, 'report-housing-repair', 'northbrook-housing', 'housing-webhook'],
    ]);
    const council = await civicFormsOn(dataDir, [
      'deliveries',
      'list',
      '--agency',
      'northbrook-council',
    ]);
    expect(rows(council)).toEqual([
      [tax, 'council-tax-reduction', 'northbrook-council', 'council-email'],
    ]);
    // The default agency has the forms no agency file lists: none of these.
    const unlisted = await civicFormsOn(dataDir, ['deliveries', 'list', '--agency', 'default']);
    expect([unlisted.code, rows(unlisted)]).toEqual([0, []]);
    const unknown = await civicFormsOn(dataDir, ['deliveries', 'list', '--agency', 'northbrook']);
    expect([unknown.code, unknown.stdout, unknown.stderr.trim()]).toEqual([
      2,
      [],
      '--agency: one of default, northbrook-council, northbrook-housing',
    ]);
  }, 180_000);
});
