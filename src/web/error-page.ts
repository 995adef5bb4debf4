import type { ErrorRequestHandler } from 'express';
import type { i18n } from 'i18next';
import { ERROR_CODES, ServiceError, type ErrorCode } from '../errors';
import type { Translate } from '../questions/question-type';
import { translator } from './i18n';
import type { Render } from './render';

/** The stable code of anything thrown while answering a request. */
export function errorCode(error: unknown): keyof typeof ERROR_CODES {
  if (error instanceof ServiceError) return error.code;
  const e = error as { code?: string; type?: string; status?: number };
  if (
    e?.code === 'EBADCSRFTOKEN' ||
    (e?.status === 403 && /csrf/i.test(String((error as Error).message)))
  )
    return 'CSRF_INVALID';
  // A store reports a database it cannot use as a ServiceError (DATABASE_UNAVAILABLE) itself.
  if (e?.code && e.code in ERROR_CODES) return e.code as keyof typeof ERROR_CODES;
  return 'INTERNAL';
}

/** The page for an error's code: its title and paragraphs, in the page's language. */
function messageOf(code: ErrorCode, t: Translate): Record<string, unknown> {
  switch (code) {
    case 'CSRF_INVALID':
      return { pageTitle: t('csrf.title'), paragraphs: [t('csrf.body')] };
    case 'BODY_TOO_LARGE':
    case 'TOO_MANY_FIELDS':
      return {
        pageTitle: t('requestBody.title'),
        paragraphs: [t('requestBody.tooLarge'), t('requestBody.tryAgain')],
      };
    case 'BODY_UNSUPPORTED':
    case 'BODY_UNREADABLE':
    case 'FILE_FIELD_UNKNOWN':
      return {
        pageTitle: t('requestBody.title'),
        paragraphs: [t('requestBody.unreadable'), t('requestBody.tryAgain')],
      };
    case 'FORM_CLOSED':
      return {
        pageTitle: t('closed.title'),
        paragraphs: [t('closed.staffStart')],
        link: { href: '/caseworker', text: t('closed.staffHome') },
      };
    case 'DATABASE_UNAVAILABLE':
    case 'FILE_STORE_UNAVAILABLE':
      return { pageTitle: t('unavailable.title'), paragraphs: [t('unavailable.body')] };
    default:
      return ERROR_CODES[code] === 404
        ? {
            pageTitle: t('notFound.title'),
            paragraphs: [t('notFound.body')],
            link: { href: '/', text: t('notFound.link') },
          }
        : { pageTitle: t('serverError.title'), paragraphs: [t('serverError.body')] };
  }
}

/**
 * The last handler: logs the error by its code (never a body: the logger's `err` serialiser keeps
 * only class, code, message and stack) and shows the page for its code, in the page's language.
 */
export function createErrorPage(deps: { render: Render; i18n: i18n }): ErrorRequestHandler {
  return function errorPage(error: unknown, req, res, _next) {
    const code = errorCode(error);
    const status = ERROR_CODES[code];
    if (status >= 500) req.log.error({ reqId: req.id, err: error, code }, 'request failed');
    else req.log.info({ reqId: req.id, code }, 'request refused');
    // A failure after the page went out (a session touched at the end) can only be logged.
    if (res.headersSent) return;
    const t = translator(deps.i18n, (res.locals.lang as string | undefined) ?? 'en');
    const view = messageOf(code, t);
    res.setHeader('Cache-Control', 'no-store');
    try {
      deps.render(req, res, 'message.njk', view, status);
    } catch {
      res.status(status).type('text').send(code);
    }
  };
}
