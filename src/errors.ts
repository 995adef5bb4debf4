/**
 * Every error the service reports, with a stable code and its HTTP status.
 * `docs/errors.md` documents each one; a test keeps the two in step.
 */
export const ERROR_CODES = Object.freeze({
  FORM_NOT_FOUND: 404,
  FORM_CLOSED: 410,
  FORM_VERSION_TAKEN: 409,
  PAGE_NOT_FOUND: 404,
  CSRF_INVALID: 403,
  BODY_TOO_LARGE: 413,
  TOO_MANY_FIELDS: 413,
  BODY_UNSUPPORTED: 415,
  BODY_UNREADABLE: 400,
  DEFINITION_INVALID: 500,
  CONFIG_INVALID: 500,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_NEWER: 500,
  TRANSLATION_MISSING: 500,
  SIGN_IN_REQUIRED: 403,
  FORBIDDEN: 403,
  SIGN_IN_LOCKED: 429,
  SUBMISSION_NOT_FOUND: 404,
  METRICS_UNAUTHORISED: 401,
  FILE_FIELD_UNKNOWN: 400,
  FILE_STORE_UNAVAILABLE: 503,
  FILE_LINK_INVALID: 403,
  FILE_LINK_EXPIRED: 410,
  API_KEY_INVALID: 401,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const);

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error the service expects and knows how to show. */
export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = code,
  ) {
    super(message);
    this.status = ERROR_CODES[code];
  }
}
