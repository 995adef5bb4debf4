import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The session cookie's value: `s:<id>.<HMAC-SHA256 of the id, base64 without padding>`, the format
 * of cookie-signature that express-session used, so browsers keep their sessions across the change.
 *
 * @example
 *   signedId('abc', secret); // 's:abc.Wf1V…'
 */
export function signedId(id: string, secret: string): string {
  return `s:${id}.${createHmac('sha256', secret).update(id).digest('base64').replace(/=+$/, '')}`;
}

/** How many cookie values found right are remembered, per process. */
const REMEMBERED = 10_000;

/**
 * Cookie values whose signature was found right, by secret: a signature that was right stays right
 * (it depends on nothing but the value and the secret), so each browser's HMAC is computed once
 * per process rather than on every request. Only values found right are kept; bounded.
 */
const verified = new Map<string, Map<string, string>>();

/** The id a signed cookie value carries, if its signature is right (compared in constant time). */
export function verifiedId(value: string | undefined, secret: string): string | undefined {
  if (!value) return undefined;
  let known = verified.get(secret);
  const id = known?.get(value) ?? checkedId(value, secret);
  if (id === undefined) return undefined;
  if (!known) verified.set(secret, (known = new Map()));
  if (!known.has(value)) {
    if (known.size >= REMEMBERED) known.delete(known.keys().next().value as string);
    known.set(value, id);
  }
  return id;
}

function checkedId(value: string, secret: string): string | undefined {
  if (!value.startsWith('s:')) return undefined;
  const dot = value.lastIndexOf('.');
  if (dot < 2) return undefined;
  const id = value.slice(2, dot);
  const expected = Buffer.from(signedId(id, secret));
  const given = Buffer.from(value);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}
