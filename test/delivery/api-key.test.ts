import { createHash } from 'node:crypto';
import {
  apiKeyHint,
  apiKeyMatches,
  bearerKey,
  hashApiKey,
  newApiKey,
} from '../../src/delivery/api-key';

describe('pull API keys', () => {
  it('are cfk_ and 256 random bits in base64url, never twice the same', () => {
    const keys = Array.from({ length: 1000 }, () => newApiKey());
    for (const key of keys) expect(key).toMatch(/^cfk_[A-Za-z0-9_-]{43}$/);
    expect(new Set(keys).size).toBe(1000);
    expect(Buffer.from(keys[0]?.slice(4) ?? '', 'base64url')).toHaveLength(32);
  });

  it('are stored as their SHA-256 in hex, which does not contain the key', () => {
    const key = newApiKey();
    const hash = hashApiKey(key);
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(4, 12));
  });

  it('match only their own hash', () => {
    const key = newApiKey();
    const hash = hashApiKey(key);
    expect(apiKeyMatches(key, hash)).toBe(true);
    expect(apiKeyMatches(newApiKey(), hash)).toBe(false);
    expect(apiKeyMatches(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, hash)).toBe(false);
    expect(apiKeyMatches(key, hash.slice(0, 32))).toBe(false);
    expect(apiKeyMatches(key, '')).toBe(false);
  });

  it('are shown in lists by their first characters only', () => {
    expect(apiKeyHint('cfk_Q2hpZGkgT2thZm9yIGFuZCBBbWFyYSBPa2Fmb3IgYWdhaW4')).toBe('cfk_Q2hp…');
  });

  it('are read from an Authorization: Bearer header, and nothing else is taken for one', () => {
    const key = newApiKey();
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`bearer  ${key}`)).toBe(key);
    expect(bearerKey(undefined)).toBeUndefined();
    expect(bearerKey('')).toBeUndefined();
    expect(bearerKey(`Basic ${key}`)).toBeUndefined();
    expect(bearerKey(`Bearer ${key} extra`)).toBeUndefined();
    expect(bearerKey('Bearer cfk_short')).toBeUndefined();
    expect(bearerKey(`Bearer ghp_${key.slice(4)}`)).toBeUndefined();
  });
});
