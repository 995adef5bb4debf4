import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startPurgeJob } from '../../src/resume/purge-job';
import { hashSecret } from '../../src/resume/saved-secret';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { tempDataDir } from '../support/agent';

describe('purge-job', () => {
  it('cleans up at once and then on its interval, on a timer that does not hold the process', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    );
    const store = openSqliteStore({ file: path.join(tempDataDir(), 'civic-forms.sqlite') });
    await store.sessions.setSession('gone', '{}', Date.now() - 1);
    const savedAt = Date.now() - 120_000;
    await store.journeys.saveDraft({
      id: 'saved-two-minutes-ago',
      formId: 'parking-permit',
      formVersion: '1.0',
      answers: { 'live-in-zone': 'yes' },
      done: ['live-in-zone'],
      language: 'cy',
      channel: 'online',
      createdAt: savedAt,
      updatedAt: savedAt,
    });
    await store.resume.saveResumeCode(
      {
        codeDigest: 'digest',
        draftId: 'saved-two-minutes-ago',
        formId: 'parking-permit',
        secret: await hashSecret({ kind: 'memorable-word', value: 'blue heron' }),
        savedAt,
        expiresAt: savedAt + 60_000,
      },
      savedAt,
    );
    const expired: unknown[] = [];
    const job = startPurgeJob(store, {
      intervalMs: 50,
      maxAgeMs: 60_000,
      logger,
      onExpired: (draft) => expired.push(draft),
    });
    await new Promise((resolve) => setTimeout(resolve, 180));
    job.stop();
    const runs = lines.filter((l) => l.event === 'purge');
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs[0]).toMatchObject({ sessions: 1, drafts: 1, codes: 1 });
    // The saved draft that ran out unused is reported once, for the figures.
    expect(expired).toEqual([
      {
        id: 'saved-two-minutes-ago',
        formId: 'parking-permit',
        formVersion: '1.0',
        language: 'cy',
        channel: 'online',
        expiredAt: savedAt + 60_000,
      },
    ]);
    const after = runs.length;
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(lines.filter((l) => l.event === 'purge')).toHaveLength(after);
    await store.close();
  });
});
