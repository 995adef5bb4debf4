import { Writable } from 'node:stream';
import pino from 'pino';
import { startPurgeJob } from '../../src/resume/purge-job';
import { openPostgresStore } from '../../src/store/postgres-store';
import type { Store } from '../../src/store/store';
import { postgresSchemaUrl } from '../store/support/databases';

const INTERVAL = 60_000;
const T0 = Date.UTC(2026, 5, 1, 9);

interface Claim {
  process: 'A' | 'B';
  at: number;
  claimed: boolean;
}

/**
 * The clean-up as two processes run it (two stores, two jobs on one PostgreSQL schema). Config's
 * smallest interval is a minute, so the intervals are jest's (only setInterval is faked: the
 * database driver keeps its real timers) and the clock is the job's injected one.
 */
describe('the clean-up job with two processes on one database', () => {
  const stores: Store[] = [];
  afterAll(async () => {
    jest.useRealTimers();
    await Promise.all(stores.map((s) => s.close()));
  }, 60_000);

  it('runs in one process per interval; the other takes over once the lease has run out', async () => {
    const url = await postgresSchemaUrl();
    for (let i = 0; i < 2; i += 1) stores.push(await openPostgresStore({ connectionString: url }));
    jest.useFakeTimers({
      doNotFake: [
        'Date',
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
      ],
    });
    let clock = T0;
    const claims: Claim[] = [];
    const purgeLines: string[] = [];
    const start = (name: Claim['process'], store: Store) => {
      // The real store, its claims noted as they are answered.
      const noted: Store = {
        ...store,
        jobs: {
          claimJob: async (...args) => {
            const claimed = await store.jobs.claimJob(...args);
            claims.push({ process: name, at: args[2], claimed });
            return claimed;
          },
        },
      };
      const logger = pino(
        { level: 'info' },
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            if (JSON.parse(chunk.toString()).event === 'purge') purgeLines.push(name);
            done();
          },
        }),
      );
      return startPurgeJob(noted, {
        intervalMs: INTERVAL,
        maxAgeMs: 86_400_000,
        logger,
        now: () => clock,
      });
    };
    /** Waits until every run started has answered its claim (and the claimant has purged). */
    const settled = async (claimsExpected: number) => {
      for (
        let i = 0;
        i < 600 &&
        (claims.length < claimsExpected ||
          purgeLines.length < claims.filter((c) => c.claimed).length);
        i += 1
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(claims).toHaveLength(claimsExpected);
    };
    const claimantsAt = (at: number) =>
      claims.filter((c) => c.at === at && c.claimed).map((c) => c.process);

    // Both start at the same moment: one of them wins the first interval.
    const a = start('A', stores[0]!);
    const b = start('B', stores[1]!);
    await settled(2);
    const [winner = 'A'] = claimantsAt(T0);
    expect(claimantsAt(T0)).toHaveLength(1);
    const loser = winner === 'A' ? 'B' : 'A';

    // Three more intervals with both running: the holder renews, the other never runs it.
    for (let i = 1; i <= 3; i += 1) {
      clock = T0 + i * INTERVAL;
      jest.advanceTimersByTime(INTERVAL);
      await settled(2 + 2 * i);
      expect(claimantsAt(clock)).toEqual([winner]);
    }

    // The holder stops (its process ended): its lease (1.5 intervals) still runs at the next
    // interval, and has run out at the one after, when the other takes over, and keeps it.
    (winner === 'A' ? a : b).stop();
    const taken: Array<Claim['process'][]> = [];
    for (let i = 4; i <= 6; i += 1) {
      clock = T0 + i * INTERVAL;
      jest.advanceTimersByTime(INTERVAL);
      await settled(8 + (i - 3));
      taken.push(claimantsAt(clock));
    }
    expect(taken).toEqual([[], [loser], [loser]]);
    expect(purgeLines).toEqual([winner, winner, winner, winner, loser, loser]);
    (winner === 'A' ? b : a).stop();
  }, 180_000);
});
