import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';

/** Whether an Authorization header carries the bearer token, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  // Digests of equal length, so the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * `GET /metrics` for Prometheus: the app's own registry, for a request with
 * `Authorization: Bearer <METRICS_TOKEN>`; 401 (`METRICS_UNAUTHORISED`) for any other.
 * Mount it only when a token is configured: without one there is no `/metrics` (404).
 *
 * @example
 *   if (config.metricsToken) app.get('/metrics', createMetricsRoute(metrics.registry, config.metricsToken));
 */
export function createMetricsRoute(registry: Registry, token: string): RequestHandler {
  if (token.length === 0) throw new TypeError('createMetricsRoute needs a token');
  return async function metrics(req, res) {
    res.setHeader('Cache-Control', 'no-store');
    if (!bearerMatches(req.get('authorization'), token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(401).type('text').send('METRICS_UNAUTHORISED');
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}
