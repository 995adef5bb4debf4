import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request id: the proxy's `X-Request-Id` when it sends one, otherwise a new one. */
    id: string;
    /** The service's logger, for lines about this request (pass `reqId: req.id`). */
    log: Logger;
  }
}

const VALID_ID = /^[\w.:-]{1,100}$/;

/**
 * One JSON log line per request, written when the response is finished: id, method, path (never
 * the query string), status and time. Never headers, cookies or bodies, so no answer reaches a log.
 * pino-http does the same with a child logger per request; this keeps the hot path lighter.
 */
export function createRequestLog(logger: Logger): RequestHandler {
  const prefix = randomUUID().slice(0, 8);
  let counter = 0;
  return function requestLog(req, res, next) {
    const given = req.headers['x-request-id'];
    req.id =
      typeof given === 'string' && VALID_ID.test(given) ? given : `${prefix}-${(counter += 1)}`;
    req.log = logger;
    res.setHeader('X-Request-Id', req.id);
    if (logger.isLevelEnabled('info')) {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        logger.info(
          {
            reqId: req.id,
            method: req.method,
            path: req.originalUrl.split('?')[0],
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'request',
        );
      });
    }
    next();
  };
}
