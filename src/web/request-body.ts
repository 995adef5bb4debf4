import express, { type RequestHandler } from 'express';
import { ServiceError, type ErrorCode } from '../errors';

export interface RequestBodyOptions {
  /** Largest body accepted, in bytes. */
  limit: number;
  /** Most fields a body may have. */
  parameterLimit: number;
}

/** The code of each refusal of body-parser's (its `type`); any other one is `BODY_UNREADABLE`. */
const REFUSALS: Readonly<Record<string, ErrorCode>> = Object.freeze({
  'entity.too.large': 'BODY_TOO_LARGE',
  'parameters.too.many': 'TOO_MANY_FIELDS',
  'charset.unsupported': 'BODY_UNSUPPORTED',
  'encoding.unsupported': 'BODY_UNSUPPORTED',
});

/** A body-parser error as the service's own, keeping its kind and nothing of the body. */
export function bodyRefusal(error: unknown): ServiceError {
  const { type, status } = error as { type?: unknown; status?: unknown };
  const kind = typeof type === 'string' ? type : 'unknown';
  if (typeof status === 'number' && status >= 500) {
    return new ServiceError('INTERNAL', `request body not read (${kind})`);
  }
  return new ServiceError(REFUSALS[kind] ?? 'BODY_UNREADABLE', `request body refused (${kind})`);
}

/**
 * Parses posted forms (`application/x-www-form-urlencoded`). A body it refuses (too large, too
 * many fields, a charset or encoding it cannot read, malformed) becomes a `ServiceError` with its
 * own 4xx code, and the original error, which body-parser gives the whole body (`err.body`), goes
 * no further: nothing downstream can log it.
 *
 * @example
 *   app.use(createRequestBody({ limit: 64 * 1024, parameterLimit: 200 }));
 */
export function createRequestBody(options: RequestBodyOptions): RequestHandler {
  const parse = express.urlencoded({
    extended: false,
    limit: options.limit,
    parameterLimit: options.parameterLimit,
  });
  return function requestBody(req, res, next) {
    parse(req, res, (error?: unknown) =>
      next(error === undefined ? undefined : bodyRefusal(error)),
    );
  };
}
