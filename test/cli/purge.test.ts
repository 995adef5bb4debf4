import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { submitWithDeliveries } from '../../src/delivery/outbox';
import { hashSecret } from '../../src/resume/saved-secret';
import { openPostgresStore } from '../../src/store/postgres-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { tempDataDir } from '../support/agent';
import { DATABASES, postgresSchemaUrl, type TestDatabase } from '../store/support/databases';
import { destinationsOf, housingForm, webhookTo } from '../delivery/support/outbox-fixture';
import { sampleAnswers } from '../delivery/support/sample-submission';

/** A new store and the environment that points the command line at it. */
async function database(
  kind: TestDatabase,
): Promise<{ store: Store; env: Record<string, string> }> {
  const dataDir = tempDataDir();
  if (kind === 'sqlite') {
    const store = openSqliteStore({ file: path.join(dataDir, 'civic-forms.sqlite') });
    return { store, env: { DATA_DIR: dataDir, UPLOADS_KEY } };
  }
  const url = await postgresSchemaUrl();
  return {
    store: await openPostgresStore({ connectionString: url }),
    env: { DATA_DIR: dataDir, DATABASE_URL: url, UPLOADS_KEY },
  };
}

/** The example forms ask for files: an operator sets the key their uploads are encrypted with. */
const UPLOADS_KEY = randomBytes(32).toString('base64');
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'civic-forms.js');
const DAY = 24 * 60 * 60_000;

function civicForms(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe.each(DATABASES)('civic-forms purge on %s', (kind) => {
  it('deletes saved drafts whose code has expired, with their codes', async () => {
    const { store, env } = await database(kind);
    const savedAt = Date.now() - 10 * DAY;
    for (const id of ['saved-ten-days-ago', 'saved-today']) {
      const at = id === 'saved-today' ? Date.now() : savedAt;
      await store.journeys.saveDraft({
        id,
        formId: 'parking-permit',
        formVersion: '1.0',
        answers: { 'live-in-zone': 'yes' },
        done: ['live-in-zone'],
        language: 'en',
        channel: 'online',
        createdAt: at,
        updatedAt: at,
      });
      await store.resume.saveResumeCode(
        {
          codeDigest: `digest-${id}`,
          draftId: id,
          formId: 'parking-permit',
          secret: await hashSecret({ kind: 'memorable-word', value: 'blue heron' }),
          savedAt: at,
          expiresAt: at + 7 * DAY,
        },
        at,
      );
    }

    const run = await civicForms(['purge'], { ...env, RESUME_EXPIRY_DAYS: '7' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'deleted 1 draft(s), 1 resume code(s), 0 session(s), 0 old count(s) of wrong tries and 0 old count(s) of failed sign-ins; 0 uploaded file(s) nothing holds\n',
    );
    expect((await store.inspect.rows('drafts')).map((row) => row.id)).toEqual(['saved-today']);
    // As when the server deletes it: the save not resumed in time counts as not completed.
    const events = await store.inspect.rows('journey_events');
    expect(events.map((e) => [e.type, e.form_id, e.at])).toEqual([
      ['expired', 'parking-permit', savedAt + 7 * DAY],
    ]);
    await store.close();
  }, 120_000);

  it('with SUBMISSION_RETENTION_DAYS, deletes the submissions every destination has had that long, as the server does', async () => {
    const { store, env } = await database(kind);
    const form = housingForm('housing-webhook');
    const config = destinationsOf(webhookTo('https://housing.example.gov.uk/hook'));
    const references: Record<string, string> = {};
    for (const [id, deliveredDaysAgo] of [
      ['delivered-long-ago', 40],
      ['delivered-yesterday', 1],
    ] as const) {
      const at = Date.now() - (deliveredDaysAgo + 1) * DAY;
      const answers = sampleAnswers(form);
      const draft = { id, formId: form.id, formVersion: form.version, answers, done: [] };
      const { submission } = await submitWithDeliveries(store, config, form, {
        draft: { ...draft, language: 'en', channel: 'online', createdAt: at, updatedAt: at },
        answers,
        at,
      });
      references[id] = submission.reference;
      // Delivered as the worker records it.
      const deliveredAt = Date.now() - deliveredDaysAgo * DAY;
      for (const row of await store.deliveries.claimDue('w', Date.now(), 60_000, 10)) {
        await store.deliveries.markDelivered(row.id, 'w', deliveredAt);
      }
    }

    const run = await civicForms(['purge'], { ...env, SUBMISSION_RETENTION_DAYS: '30' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('; 1 submission(s) past their retention;');
    expect((await store.inspect.rows('submissions')).map((row) => row.reference)).toEqual([
      references['delivered-yesterday'],
    ]);
    const audit = await store.inspect.rows('audit_events');
    expect(audit.map((a) => [a.action, a.target, a.actor_username])).toEqual([
      ['delete-submission', references['delivered-long-ago'], 'system:retention'],
    ]);
    await store.close();
  }, 120_000);

  it('refuses arguments it does not take', async () => {
    const run = await civicForms(['purge', '--all'], { DATA_DIR: tempDataDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: civic-forms purge');
  });
});
