import type { StoredFormVersion } from '../../../src/store/form-version-repository';
import type { Store } from '../../../src/store/store';
import { DATABASES, newTestLocation, openStoreAt, type TestLocation } from '../support/databases';
import { runRawSql } from '../support/raw-sql';

const AT = Date.parse('2026-03-02T10:00:00Z');

function version(v: string, hash: string, at = AT): StoredFormVersion {
  return {
    formId: 'blue-badge',
    version: v,
    contentHash: hash,
    definition: JSON.stringify({ id: 'blue-badge', version: v, title: `Apply ${v}` }),
    translations: JSON.stringify({ cy: { title: `Gwneud cais ${v}` } }),
    publishedAt: at,
  };
}

const CLOSURE = {
  message: { en: 'This scheme has ended.', cy: "Mae'r cynllun wedi dod i ben." },
  closesOn: '2026-04-01',
  draftsUntil: '2026-04-30',
};

describe.each(DATABASES)('store contract on %s: form versions', (kind) => {
  let store: Store;
  let other: Store;
  let location: TestLocation;
  beforeEach(async () => {
    location = await newTestLocation(kind);
    store = await openStoreAt(location);
    // Another process on the same database: what one publishes, the other reads.
    other = await openStoreAt(location);
  }, 60_000);
  afterEach(async () => {
    await other.close();
    await store.close();
  });

  it('stores a published version whole and makes it the current one', async () => {
    expect(await store.formVersions.revision()).toBe(0);
    expect(await store.formVersions.publish(version('1.0', 'h1'))).toBe('published');
    expect(await other.formVersions.getVersion('blue-badge', '1.0')).toEqual(version('1.0', 'h1'));
    const [release] = await other.formVersions.currentReleases();
    expect(release).toMatchObject({ formId: 'blue-badge', version: '1.0', at: AT });
    expect(release?.closure).toBeUndefined();
    expect(await other.formVersions.revision()).toBe(release?.id);
  });

  it('does nothing when the same content is published twice', async () => {
    await store.formVersions.publish(version('1.0', 'h1'));
    const revision = await store.formVersions.revision();
    expect(await other.formVersions.publish(version('1.0', 'h1', AT + 5))).toBe('unchanged');
    expect(await store.formVersions.revision()).toBe(revision);
    expect(await store.inspect.count('form_versions')).toBe(1);
    expect(await store.inspect.count('form_releases')).toBe(1);
  });

  it('refuses other content under a version number already published', async () => {
    await store.formVersions.publish(version('1.0', 'h1'));
    expect(await store.formVersions.publish(version('1.0', 'h2'))).toBe('version-taken');
    expect((await store.formVersions.getVersion('blue-badge', '1.0'))?.contentHash).toBe('h1');
    expect(await store.inspect.count('form_releases')).toBe(1);
  });

  it('keeps every version and the latest as current, the counter moving on each', async () => {
    await store.formVersions.publish(version('1.0', 'h1'));
    const first = await store.formVersions.revision();
    await store.formVersions.publish(version('1.1', 'h2', AT + 60_000));
    expect(await other.formVersions.revision()).toBeGreaterThan(first);
    expect(await other.formVersions.versionKeys()).toEqual([
      { formId: 'blue-badge', version: '1.0' },
      { formId: 'blue-badge', version: '1.1' },
    ]);
    expect((await other.formVersions.currentReleases()).map((r) => r.version)).toEqual(['1.1']);
    // An older version published again is current again.
    expect(await store.formVersions.publish(version('1.0', 'h1', AT + 120_000))).toBe(
      'republished',
    );
    expect((await other.formVersions.currentReleases()).map((r) => r.version)).toEqual(['1.0']);
  });

  it('closes a form with its message and dates, and publishing opens it again', async () => {
    expect(await store.formVersions.unpublish('blue-badge', CLOSURE, AT)).toBe(false);
    await store.formVersions.publish(version('1.0', 'h1'));
    expect(await store.formVersions.unpublish('blue-badge', CLOSURE, AT + 1)).toBe(true);
    const [closed] = await other.formVersions.currentReleases();
    expect(closed).toMatchObject({ version: '1.0', closure: CLOSURE, at: AT + 1 });
    expect(await store.formVersions.publish(version('1.0', 'h1', AT + 2))).toBe('republished');
    const [open] = await other.formVersions.currentReleases();
    expect(open?.closure).toBeUndefined();
  });

  it('stores a version once when it is published twice at once', async () => {
    // Two connections on PostgreSQL (the pool's); SQLite's one writer takes them in turn.
    const outcomes = await Promise.all([
      store.formVersions.publish(version('1.0', 'h1')),
      store.formVersions.publish(version('1.0', 'h1')),
    ]);
    expect(outcomes.sort()).toEqual(['published', 'unchanged']);
    expect(await store.inspect.count('form_versions')).toBe(1);
  });

  it('never changes or deletes a stored version or the log', async () => {
    await store.formVersions.publish(version('1.0', 'h1'));
    for (const statement of [
      "UPDATE form_versions SET definition = '{}'",
      'DELETE FROM form_versions',
      "UPDATE form_releases SET version = '9.9'",
      'DELETE FROM form_releases',
    ]) {
      await expect(runRawSql(location, statement)).rejects.toThrow(/immutable|append-only/);
    }
    expect(await store.formVersions.getVersion('blue-badge', '1.0')).toEqual(version('1.0', 'h1'));
    expect(await store.inspect.count('form_releases')).toBe(1);
  });
});
