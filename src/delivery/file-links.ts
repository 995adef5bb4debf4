import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where a signed link leads: one file of one submission, for one destination. */
export interface FileLinkTarget {
  reference: string;
  fileId: string;
  destination: string;
}

/** A signed link and when it stops working (ms since 1970). */
export interface SignedFileLink {
  url: string;
  expiresAt: number;
}

/** What a link's query says, as the download route reads it. */
export interface FileLinkQuery {
  destination?: unknown;
  expires?: unknown;
  signature?: unknown;
}

export type FileLinkCheck =
  { ok: true; destination: string } | { ok: false; why: 'invalid' | 'expired' };

/** Signs and checks the short-lived download links deliveries carry. */
export interface FileLinks {
  sign(target: FileLinkTarget, lifetimeMs: number, now?: number): SignedFileLink;
  check(reference: string, fileId: string, query: FileLinkQuery, now?: number): FileLinkCheck;
}

/** The path a file's signed link points at, under the service's address. */
export function fileLinkPath(reference: string, fileId: string): string {
  return `/files/${encodeURIComponent(reference)}/${encodeURIComponent(fileId)}`;
}

/**
 * Short-lived signed links to a submission's files: `BASE_URL/files/<reference>/<file id>` with the
 * destination, the expiry (seconds since 1970) and an HMAC-SHA256 of all four, keyed by a key
 * derived from `SESSION_SECRET`, so every process of a deployment signs and checks alike and no
 * link can be made for another file, another destination or a later time.
 *
 * @example
 *   const links = createFileLinks({ baseUrl: config.baseUrl, secret: config.sessionSecret });
 *   links.sign({ reference, fileId, destination: 'housing-webhook' }, 60 * 60_000).url;
 */
export function createFileLinks(options: { baseUrl: string; secret: string }): FileLinks {
  const key = createHmac('sha256', options.secret).update('civic-forms file links v1').digest();
  const signatureOf = (target: FileLinkTarget, expires: number) =>
    createHmac('sha256', key)
      .update([target.reference, target.fileId, target.destination, String(expires)].join('\n'))
      .digest('base64url');
  return {
    sign(target, lifetimeMs, now = Date.now()) {
      const expires = Math.floor((now + lifetimeMs) / 1000);
      const query = new URLSearchParams({
        destination: target.destination,
        expires: String(expires),
        signature: signatureOf(target, expires),
      });
      return {
        url: `${options.baseUrl}${fileLinkPath(target.reference, target.fileId)}?${query}`,
        expiresAt: expires * 1000,
      };
    },
    check(reference, fileId, query, now = Date.now()) {
      const { destination, expires, signature } = query;
      if (typeof destination !== 'string' || typeof signature !== 'string') {
        return { ok: false, why: 'invalid' };
      }
      if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires)) {
        return { ok: false, why: 'invalid' };
      }
      const wanted = Buffer.from(signatureOf({ reference, fileId, destination }, Number(expires)));
      const given = Buffer.from(signature);
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
        return { ok: false, why: 'invalid' };
      }
      // Checked after the signature: an expired link says so only when it was a real one.
      if (Number(expires) * 1000 <= now) return { ok: false, why: 'expired' };
      return { ok: true, destination };
    },
  };
}
