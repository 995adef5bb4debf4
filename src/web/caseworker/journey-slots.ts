import type { Request } from 'express';

/** The two kinds of staff journey: with a caller on the phone, or keying in a paper form. */
export type AssistedKind = 'call' | 'paper';
import type {} from '../session/session-data';

declare module '../session/session-data' {
  interface SessionData {
    /**
     * A caseworker's journeys in progress, by `<kind>:<form id>`: apart from `journeys`, so a staff
     * journey and a constituent's draft never mix.
     */
    caseworkerJourneys?: Record<string, string>;
    /** The last reference each staff journey sent, by `<kind>:<form id>`, for its confirmation. */
    caseworkerSubmitted?: Record<string, string>;
  }
}

const slotKey = (kind: AssistedKind, formId: string) => `${kind}:${formId}`;

/** The transaction id of the caseworker's journey of this kind for the form, if one is going on. */
export function journeyIn(req: Request, kind: AssistedKind, formId: string): string | undefined {
  return req.session.caseworkerJourneys?.[slotKey(kind, formId)];
}

/** Ties a staff journey to the caseworker's session, replacing any earlier one of the kind. */
export function holdJourney(req: Request, kind: AssistedKind, formId: string, id: string): void {
  req.session.caseworkerJourneys = {
    ...req.session.caseworkerJourneys,
    [slotKey(kind, formId)]: id,
  };
}

/** Lets go of a sent journey and remembers its reference for the confirmation page. */
export function releaseJourney(
  req: Request,
  kind: AssistedKind,
  formId: string,
  reference: string,
): void {
  const rest = { ...req.session.caseworkerJourneys };
  delete rest[slotKey(kind, formId)];
  req.session.caseworkerJourneys = rest;
  req.session.caseworkerSubmitted = {
    ...req.session.caseworkerSubmitted,
    [slotKey(kind, formId)]: reference,
  };
}

/** The reference the caseworker's last journey of this kind for the form sent, if any. */
export function sentReference(
  req: Request,
  kind: AssistedKind,
  formId: string,
): string | undefined {
  return req.session.caseworkerSubmitted?.[slotKey(kind, formId)];
}
