import path from 'node:path';
import { resolveConfig } from '../../src/config';
import { resumePolicy } from '../../src/resume/resume-policy';
import { chargeSave } from '../../src/resume/save-limit';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { tempDataDir } from '../support/agent';

const MINUTE = 60_000;
const NOW = Date.parse('2025-06-15T09:15:00Z');
// The service's default limits.
const policy = resumePolicy(
  resolveConfig({ sessionSecret: 'a-test-secret-of-at-least-32-characters' }),
);

describe('chargeSave', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ file: path.join(tempDataDir(), 'civic-forms.sqlite') });
  });
  afterEach(() => store.close());

  const save = (session: string, client = '192.0.2.10', now = NOW) =>
    chargeSave(store, { session, client, now }, policy);

  it('gives one session 5 codes at once, then one every 12 minutes', async () => {
    const results = [];
    for (let i = 0; i < 6; i += 1) results.push(await save('session-a'));
    expect(results.slice(0, 5)).toEqual(Array(5).fill({ allowed: true }));
    expect(results[5]).toEqual({ allowed: false, until: NOW + 12 * MINUTE });
    // Another session at the same address is not held back.
    expect(await save('session-b')).toEqual({ allowed: true });
    expect(await save('session-a', '192.0.2.10', NOW + 12 * MINUTE)).toEqual({ allowed: true });
  });

  it('gives one address 60 codes at once across sessions (a library room), then one a minute', async () => {
    for (let i = 0; i < 60; i += 1) {
      expect(await save(`session-${i}`, '203.0.113.9')).toEqual({ allowed: true });
    }
    expect(await save('session-60', '203.0.113.9')).toEqual({
      allowed: false,
      until: NOW + MINUTE,
    });
    expect(await save('session-60', '203.0.113.10')).toEqual({ allowed: true });
    expect(await save('session-61', '203.0.113.9', NOW + MINUTE)).toEqual({ allowed: true });
  }, 60_000);

  it('keeps the session’s saves when the address refuses one', async () => {
    for (let i = 0; i < 60; i += 1) await save(`session-${i}`, '203.0.113.9');
    for (let i = 0; i < 5; i += 1) {
      expect((await save('session-z', '203.0.113.9')).allowed).toBe(false);
    }
    for (let i = 0; i < 5; i += 1) {
      expect(await save('session-z', '203.0.113.77')).toEqual({ allowed: true });
    }
  }, 60_000);
});
