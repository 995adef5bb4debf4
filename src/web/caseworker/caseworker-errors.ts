import type { ErrorRequestHandler } from 'express';
import { ServiceError, type ErrorCode } from '../../errors';
import { tOf } from '../render';
import { renderCaseworker } from './caseworker-render';

/** The refusals the caseworker area shows in its own layout; anything else goes to the app's handler. */
const SHOWN: Partial<Record<ErrorCode, string>> = {
  SIGN_IN_REQUIRED: 'signInRequired',
  FORBIDDEN: 'forbidden',
  PAGE_NOT_FOUND: 'notFound',
  FORM_NOT_FOUND: 'notFound',
  SUBMISSION_NOT_FOUND: 'submissionNotFound',
};

const LINKS: Partial<Record<ErrorCode, string>> = {
  SIGN_IN_REQUIRED: '/caseworker/sign-in',
  PAGE_NOT_FOUND: '/caseworker',
  FORM_NOT_FOUND: '/caseworker',
  SUBMISSION_NOT_FOUND: '/caseworker',
};

/**
 * Shows sign-in required, forbidden and not found pages in the caseworker layout: for the
 * caseworker area, and after the dashboard, whose guard is the same `requireRole`.
 */
export function createCaseworkerErrors(
  deps: Parameters<typeof renderCaseworker>[0],
): ErrorRequestHandler {
  return function caseworkerErrors(error, req, res, next) {
    const key = error instanceof ServiceError ? SHOWN[error.code] : undefined;
    if (!(error instanceof ServiceError) || !key) return next(error);
    req.log.info({ reqId: req.id, code: error.code }, 'request refused');
    const t = tOf(res, deps);
    // In the administration area, "not found" leads back to its staff list, not the caseworker home.
    const inAdmin = req.baseUrl.startsWith('/admin') && error.code === 'PAGE_NOT_FOUND';
    const link = inAdmin
      ? { href: '/admin/staff', text: t('admin:staff.backToList') }
      : LINKS[error.code] && { href: LINKS[error.code], text: t(`caseworker:${key}.link`) };
    renderCaseworker(
      deps,
      req,
      res,
      'message.njk',
      {
        pageTitle: t(`caseworker:${key}.title`),
        paragraphs: [t(`caseworker:${key}.body`, { reference: req.params.reference })],
        link,
      },
      error.status,
    );
  };
}
