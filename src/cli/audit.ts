import { parseArgs } from 'node:util';
import type { AuditEvent } from '../store/audit-events';
import type { Store } from '../store/store';
import type { CommandIo } from './users';

export const AUDIT_USAGE = `Usage: civic-forms audit [--since 2025-01-31T09:00Z] [--user username] [--target reference]
                        [--agency agency-id] [--limit 100] [--json]
  Lists the audit trail, oldest first: the latest --limit events (100 by default) of those matching.
  One line each: time (UTC), who, what, on what, why, from where, the agency; --json prints every
  field.`;

const line = (e: AuditEvent) =>
  [
    new Date(e.at).toISOString(),
    e.actorUsername,
    e.action,
    e.target ?? '-',
    e.detail ?? '-',
    e.clientIp ?? '-',
    e.agency ?? '-',
  ].join('  ');

/** `civic-forms audit`: prints the audit trail. */
export async function audit(store: Store, args: string[], io: CommandIo): Promise<number> {
  let values: {
    since?: string;
    user?: string;
    target?: string;
    agency?: string;
    limit?: string;
    json?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        since: { type: 'string' },
        user: { type: 'string' },
        target: { type: 'string' },
        agency: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    io.err((error as Error).message);
    io.err(AUDIT_USAGE);
    return 2;
  }
  const since = values.since === undefined ? undefined : new Date(values.since);
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  const problems = [
    since && Number.isNaN(since.getTime())
      ? `--since: is "${values.since}" (expected a date or time, ISO 8601)`
      : '',
    Number.isInteger(limit) && limit > 0
      ? ''
      : `--limit: is "${values.limit}" (expected a whole number above 0)`,
  ].filter(Boolean);
  if (problems.length > 0) {
    problems.forEach((p) => io.err(p));
    return 2;
  }
  const events = await store.staff.listAudit({
    since: since?.getTime(),
    actorUsername: values.user,
    target: values.target,
    agency: values.agency,
    limit,
  });
  events.forEach((e) =>
    io.out(values.json ? JSON.stringify({ ...e, at: new Date(e.at).toISOString() }) : line(e)),
  );
  return 0;
}
