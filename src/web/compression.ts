import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';

/** The encodings the service sends, in the order it prefers them. */
export type Encoding = 'br' | 'gzip' | 'identity';

const PREFERRED: readonly Encoding[] = ['br', 'gzip'];

/**
 * The encoding to send, from the request's `Accept-Encoding` and the encodings on offer: the one
 * the client weights highest (`q`), brotli on a tie; identity when it accepts none of them.
 *
 * @example
 *   chooseEncoding('gzip, deflate, br, zstd'); // 'br'
 *   chooseEncoding('br;q=0.5, gzip'); // 'gzip'
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  offered: readonly Encoding[] = PREFERRED,
): Encoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  let best: Encoding = 'identity';
  let bestWeight = 0;
  for (const encoding of PREFERRED) {
    if (!offered.includes(encoding)) continue;
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  return best;
}

/** Adds `Accept-Encoding` to the response's `Vary` header, once. */
export function varyOnEncoding(res: Response): void {
  const vary = String(res.getHeader('Vary') ?? '');
  if (/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) return;
  res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

export interface CompressionOptions {
  /** Bodies smaller than this many bytes are sent as they are: compressing them saves too little. */
  threshold: number;
  /** Brotli quality, 0-11: 4-5 is the fast end where brotli still beats gzip. */
  brotliQuality: number;
  /** gzip level, 1-9. */
  gzipLevel: number;
  /**
   * Whether this response is a page the same for everyone (no session, nothing personal): its
   * compressed bytes are kept, by a digest of the body, and sent again without compressing. Pages
   * with per-request parts (a session's CSRF token, answers) are compressed per request.
   */
  shared: (req: Request, res: Response) => boolean;
  /** How many compressed shared pages are kept (the oldest goes first). */
  sharedEntries: number;
}

export const COMPRESSION_DEFAULTS: Readonly<CompressionOptions> = Object.freeze({
  threshold: 1024,
  brotliQuality: 5,
  gzipLevel: 6,
  shared: () => false,
  sharedEntries: 500,
});

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/i;

function checkOption(name: keyof CompressionOptions, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(
      `compression: ${name} must be an integer from ${min} to ${max}, not ${value}`,
    );
  }
}

/**
 * Compresses each response body sent in one piece (`res.send`, `res.end`) with brotli or gzip, as the
 * request's `Accept-Encoding` allows, and adds `Vary: Accept-Encoding`. Synchronous and in memory:
 * a page is a few kilobytes, which brotli at quality 5 compresses in 0.1-0.3 ms, less than handing it
 * to zlib's thread pool and back costs. Responses that already carry a `Content-Encoding` (the
 * precompressed assets) are left alone. Mount it after any middleware that also wraps `res.end` and
 * may write the body in parts.
 *
 * @example
 *   app.use(createCompression({ brotliQuality: 4 }));
 */
export function createCompression(options: Partial<CompressionOptions> = {}): RequestHandler {
  const { threshold, brotliQuality, gzipLevel, shared, sharedEntries } = {
    ...COMPRESSION_DEFAULTS,
    ...options,
  };
  checkOption('threshold', threshold, 0, Number.MAX_SAFE_INTEGER);
  checkOption('brotliQuality', brotliQuality, 0, 11);
  checkOption('gzipLevel', gzipLevel, 1, 9);
  checkOption('sharedEntries', sharedEntries, 0, Number.MAX_SAFE_INTEGER);
  // Keyed by the body's digest, so a page that changes is another entry: nothing here goes stale.
  const kept = new Map<string, Buffer>();
  const keptOrCompressed = (encoding: Encoding, body: Buffer): Buffer => {
    const key = `${encoding} ${createHash('sha256').update(body).digest('base64')}`;
    let compressed = kept.get(key);
    if (!compressed) {
      compressed = compress(encoding, body);
      if (kept.size >= sharedEntries) kept.delete(kept.keys().next().value as string);
      if (sharedEntries > 0) kept.set(key, compressed);
    }
    return compressed;
  };

  const compress = (encoding: Encoding, body: Buffer): Buffer =>
    encoding === 'br'
      ? zlib.brotliCompressSync(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : zlib.gzipSync(body, { level: gzipLevel });

  return function compressResponses(req, res, next) {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = function endCompressed(chunk?: unknown, ...rest: unknown[]): Response {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (res.headersSent || !COMPRESSIBLE.test(type) || res.getHeader('Content-Encoding')) {
        return end(chunk, ...rest);
      }
      varyOnEncoding(res);
      const textEncoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8';
      const body =
        typeof chunk === 'string'
          ? Buffer.from(chunk, textEncoding)
          : Buffer.isBuffer(chunk)
            ? chunk
            : undefined;
      const encoding = chooseEncoding(req.headers['accept-encoding']);
      if (
        !body ||
        body.length < threshold ||
        encoding === 'identity' ||
        req.method === 'HEAD' ||
        /\bno-transform\b/.test(String(res.getHeader('Cache-Control') ?? ''))
      ) {
        return end(chunk, ...rest);
      }
      const compressed = shared(req, res)
        ? keptOrCompressed(encoding, body)
        : compress(encoding, body);
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', compressed.length);
      const callback = rest.find((arg) => typeof arg === 'function');
      return callback ? end(compressed, callback) : end(compressed);
    } as Response['end'];
    next();
  };
}
