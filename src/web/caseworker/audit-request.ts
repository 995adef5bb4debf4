import type { Request } from 'express';
import type { AuditAction } from '../../store/audit-events';
import type { Store } from '../../store/store';

/** What to record; who and from where come from the request. */
export interface AuditedAction {
  action: AuditAction;
  /** The account that acted; for a failed sign-in, the username typed. */
  actor: { id?: string; username: string; agency?: string };
  target?: string;
  detail?: string;
  /**
   * The agency whose data or staff it was done to: by default the acting account's (staff see
   * only their agency's data); null for the platform as a whole.
   */
  agency?: string | null;
}

/** Appends one line to the audit trail for this request: client address and browser included. */
export function auditRequest(store: Store, req: Request, event: AuditedAction): Promise<void> {
  return store.staff.appendAudit({
    at: Date.now(),
    actorId: event.actor.id,
    actorUsername: event.actor.username.slice(0, 100),
    action: event.action,
    target: event.target,
    detail: event.detail,
    clientIp: req.ip,
    userAgent: req.get('user-agent')?.slice(0, 200),
    agency: event.agency === undefined ? event.actor.agency : (event.agency ?? undefined),
  });
}
