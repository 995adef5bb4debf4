/** Why a whole multipart request was refused, with the HTTP status to answer. */
export const MULTIPART_ERRORS = {
  notMultipart: 415,
  malformed: 400,
  aborted: 400,
  unexpectedFile: 400,
  tooManyFields: 413,
  fieldTooLong: 413,
  tooManyParts: 413,
  tooLarge: 413,
} as const;

export type MultipartErrorCode = keyof typeof MULTIPART_ERRORS;

/**
 * A request no user of the page could have sent (a field the page does not have, too many fields) or
 * that did not arrive whole. Problems with a file the user chose are `FileProblem`s instead.
 * After `tooLarge` the rest of the body is not read: answer with `Connection: close`.
 */
export class MultipartError extends Error {
  readonly status: number;
  constructor(
    readonly code: MultipartErrorCode,
    message: string = code,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MultipartError';
    this.status = MULTIPART_ERRORS[code];
  }
}
