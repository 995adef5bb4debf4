import type { Store } from '../../../src/store/store';
import { DATABASES, newTestLocation, openStoreAt } from '../support/databases';

const NOW = Date.parse('2025-06-16T09:00:00Z');
const LEASE = 60_000;

describe.each(DATABASES)('store contract on %s: job leases', (kind) => {
  let store: Store;
  let other: Store;
  beforeEach(async () => {
    const location = await newTestLocation(kind);
    store = await openStoreAt(location);
    // A second process on the same database.
    other = await openStoreAt(location);
  }, 60_000);
  afterEach(async () => {
    await other.close();
    await store.close();
  });

  it('gives a job to one holder at a time until its lease runs out', async () => {
    expect(await store.jobs.claimJob('purge', 'process-a', NOW, NOW + LEASE)).toBe(true);
    expect(await other.jobs.claimJob('purge', 'process-b', NOW + 1, NOW + 1 + LEASE)).toBe(false);
    expect(await other.jobs.claimJob('purge', 'process-b', NOW + LEASE - 1, NOW + 2 * LEASE)).toBe(
      false,
    );
    expect(await store.inspect.rows('job_leases')).toEqual([
      { name: 'purge', holder: 'process-a', until: NOW + LEASE },
    ]);
  });

  it('lets its holder renew the lease before it runs out', async () => {
    expect(await store.jobs.claimJob('purge', 'process-a', NOW, NOW + LEASE)).toBe(true);
    expect(await store.jobs.claimJob('purge', 'process-a', NOW + 10, NOW + 10 + LEASE)).toBe(true);
    // Renewed: the other process is still refused after the first lease would have ended.
    expect(await other.jobs.claimJob('purge', 'process-b', NOW + LEASE, NOW + 2 * LEASE)).toBe(
      false,
    );
    expect(await store.inspect.rows('job_leases')).toEqual([
      { name: 'purge', holder: 'process-a', until: NOW + 10 + LEASE },
    ]);
  });

  it('lets another holder take the job over once the lease has run out', async () => {
    expect(await store.jobs.claimJob('purge', 'process-a', NOW, NOW + LEASE)).toBe(true);
    expect(await other.jobs.claimJob('purge', 'process-b', NOW + LEASE, NOW + 2 * LEASE)).toBe(
      true,
    );
    // The first holder, back late, is refused until the new lease runs out in turn.
    expect(await store.jobs.claimJob('purge', 'process-a', NOW + LEASE + 1, NOW + 3 * LEASE)).toBe(
      false,
    );
    expect(await store.inspect.rows('job_leases')).toEqual([
      { name: 'purge', holder: 'process-b', until: NOW + 2 * LEASE },
    ]);
  });

  it('keeps the leases of different jobs apart', async () => {
    expect(await store.jobs.claimJob('purge', 'process-a', NOW, NOW + LEASE)).toBe(true);
    expect(await other.jobs.claimJob('kpi-writer', 'process-b', NOW, NOW + LEASE)).toBe(true);
    expect((await store.inspect.rows('job_leases')).map((row) => row.name)).toEqual([
      'kpi-writer',
      'purge',
    ]);
  });

  it('gives a job to exactly one of many holders claiming it at the same moment', async () => {
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? store : other).jobs.claimJob('purge', `process-${i}`, NOW, NOW + LEASE),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = `process-${claims.indexOf(true)}`;
    expect(await store.inspect.rows('job_leases')).toEqual([
      { name: 'purge', holder: winner, until: NOW + LEASE },
    ]);
  });
});
