import os from 'node:os';
import type { AuditAction } from '../store/audit-events';
import type { Store } from '../store/store';

/** Who ran a command, for the audit trail: `cli:` and the operating-system user. */
export const cliActor = (): string => `cli:${os.userInfo().username}`;

/** Records a change made from the command line in the audit trail, as the operator who made it. */
export function auditFromCli(
  store: Store,
  action: AuditAction,
  target: string,
  detail?: string,
  agency?: string,
): Promise<void> {
  return store.staff.appendAudit({
    at: Date.now(),
    actorId: undefined,
    actorUsername: cliActor(),
    action,
    target,
    detail,
    clientIp: undefined,
    userAgent: undefined,
    agency,
  });
}
