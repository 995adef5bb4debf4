import type { RequestHandler, Response } from 'express';
import type { Agencies, ShownAgency } from '../agency/agencies';
import type { FormDefinition } from '../definition/types';
import { ServiceError } from '../errors';

/** The agency whose host name this request came to, if it came to one (`agency.json`'s `hosts`). */
export function hostAgencyOf(res: Response): ShownAgency | undefined {
  return res.locals.hostAgency as ShownAgency | undefined;
}

/**
 * Matches the request's host name against the host names agencies configure: on one, the pages
 * outside a form wear that agency's brand, its legal pages answer at short paths (`/privacy`) and
 * another agency's form is not found. An unknown host (or none) is the main site. The host name is
 * only compared with the configured list, never put in a link: every link stays a path, and
 * absolute ones (emails, paper forms) come from BASE_URL.
 */
export function createAgencyHost(options: {
  agencies: Agencies;
  forms: ReadonlyMap<string, FormDefinition>;
}): RequestHandler {
  return function agencyHost(req, res, next) {
    const shown = options.agencies.byHost(req.hostname);
    if (!shown) return next();
    res.locals.hostAgency = shown;
    const first = /^\/([^/]+)/.exec(req.path)?.[1];
    const foreign =
      first !== undefined &&
      options.forms.has(first) &&
      options.agencies.ofForm(first).agency.id !== shown.agency.id;
    next(foreign ? new ServiceError('FORM_NOT_FOUND') : undefined);
  };
}
