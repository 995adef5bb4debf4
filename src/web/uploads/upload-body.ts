import type { Request, RequestHandler } from 'express';
import type { FormDefinition } from '../../definition/types';
import { ServiceError, type ErrorCode } from '../../errors';
import { maxBytesOf, maxFilesOf } from '../../questions/file-words';
import { MultipartError, type MultipartErrorCode } from '../../uploads/multipart-error';
import { parseMultipart, type ParsedMultipart } from '../../uploads/parse-multipart';
import { fileQuestionsOf, filePageAt } from './file-pages';

export interface UploadBodyOptions {
  forms: ReadonlyMap<string, FormDefinition>;
  /** Most text fields a post may have (the CSRF token is one). */
  maxFields: number;
  /** Largest text field, in bytes. */
  maxFieldBytes: number;
}

/** The files of a multipart post, read by `createUploadBody`, until the page's route takes them. */
const received = new WeakMap<Request, Pick<ParsedMultipart, 'files' | 'problems'>>();

/** The files a multipart post brought (none for a post that was not multipart). */
export function receivedFiles(req: Request): Pick<ParsedMultipart, 'files' | 'problems'> {
  return received.get(req) ?? { files: [], problems: [] };
}

const REFUSALS: Readonly<Record<MultipartErrorCode, ErrorCode>> = {
  notMultipart: 'BODY_UNSUPPORTED',
  malformed: 'BODY_UNREADABLE',
  aborted: 'BODY_UNREADABLE',
  unexpectedFile: 'FILE_FIELD_UNKNOWN',
  tooManyFields: 'TOO_MANY_FIELDS',
  tooManyParts: 'TOO_MANY_FIELDS',
  fieldTooLong: 'BODY_TOO_LARGE',
  tooLarge: 'BODY_TOO_LARGE',
};

const MULTIPART = /^multipart\/form-data\s*;/i;

/**
 * Reads a `multipart/form-data` post before the CSRF check, with the limits of the file questions
 * of the page it posts to (streaming: a file past its size is dropped as it arrives, nothing goes to
 * disk), so the check finds the token in the form's own `_csrf` field. It only reads: the files are
 * checked, scanned and stored by the page's route, after the CSRF check has passed. A multipart post
 * to a page without a file question may carry fields but no file.
 *
 * @example
 *   app.use(createUploadBody({ forms, maxFields: 200, maxFieldBytes: 64 * 1024 }));
 */
export function createUploadBody(options: UploadBodyOptions): RequestHandler {
  return function uploadBody(req, res, next) {
    if (req.method !== 'POST' || !MULTIPART.test(req.headers['content-type'] ?? '')) {
      return next();
    }
    const page = filePageAt(options.forms, req.path);
    const fileFields = Object.fromEntries(
      (page ? fileQuestionsOf(page) : []).map((q) => [
        q.id,
        { maxBytes: maxBytesOf(q), maxFiles: maxFilesOf(q) },
      ]),
    );
    parseMultipart(req, {
      fileFields,
      maxFields: options.maxFields,
      maxFieldBytes: options.maxFieldBytes,
    }).then(
      ({ fields, files, problems }) => {
        req.body = fields;
        received.set(req, { files, problems });
        next();
      },
      (error: unknown) => {
        if (!(error instanceof MultipartError)) return next(error);
        // The rest of a body too large is not read: the connection cannot carry another request.
        if (error.code === 'tooLarge') res.setHeader('Connection', 'close');
        next(new ServiceError(REFUSALS[error.code], `multipart body refused (${error.code})`));
      },
    );
  };
}
