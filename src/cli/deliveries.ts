import { parseArgs } from 'node:util';
import { readTypedReference } from '../caseworker/typed-reference';
import type { DeliveryListFilter, DeliveryStatus } from '../store/delivery-repository';
import type { Store } from '../store/store';
import { agencyProblem } from './agency-option';
import { auditFromCli } from './cli-audit';
import type { DeploymentAgencies } from './deployment-agencies';
import { replay } from './deliveries-replay';
import type { CommandIo } from './users';

export const DELIVERIES_USAGE = `Usage: civic-forms deliveries list [--status pending|delivered|dead] [--agency <id>] [--form <formId>] [--limit <n>]
       civic-forms deliveries retry <reference> [<destination>]
       civic-forms deliveries replay --reference <reference> [--destination <id>]
       civic-forms deliveries replay --form <formId> --since <YYYY-MM-DD> [--destination <id>]
  The outbox (docs/delivery.md).
  list   deliveries, newest first (100 by default): reference, form, its agency, destination,
         status, tries, and the last error, the next try or when it was delivered; --agency: only
         that agency's forms (as the agency files in AGENCIES_DIR say)
  retry  tries a submission's dead deliveries again (or the one to <destination>) from the start of
         the retry schedule; the delivery worker picks them up within DELIVERY_POLL_SECONDS
  replay sends delivered submissions again (a receiver lost them): one, or a form's delivered since
         a day, with the same webhook-id as before, so a receiver that kept them ignores them`;

const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'dead'];

const iso = (at: number | undefined) => (at === undefined ? '-' : new Date(at).toISOString());

async function list(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
  deployment: DeploymentAgencies | undefined,
) {
  const { values } = parseArgs({
    args,
    options: {
      status: { type: 'string' },
      agency: { type: 'string' },
      form: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  const status = values.status as DeliveryStatus | undefined;
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if ((status && !STATUSES.includes(status)) || !Number.isInteger(limit) || limit < 1) {
    io.err('--status: pending, delivered or dead; --limit: a whole number from 1');
    return 2;
  }
  const { agency } = values;
  if (agency !== undefined) {
    const problem = deployment
      ? agencyProblem(agency, deployment.agencyIds)
      : "--agency: cannot tell which forms are the agency's: the forms or agency files are not valid (civic-forms validate says why)";
    if (problem) {
      io.err(problem);
      return 2;
    }
  }
  const filter: DeliveryListFilter = {
    status,
    formId: values.form,
    limit,
    ...(agency !== undefined && deployment && { forms: deployment.formsOf(agency) }),
  };
  const rows = await store.deliveries.list(filter);
  io.out(
    ['REFERENCE', 'FORM', 'AGENCY', 'DESTINATION', 'STATUS', 'TRIES', 'WHEN', 'LAST ERROR'].join(
      '\t',
    ),
  );
  for (const d of rows) {
    const when =
      d.status === 'delivered' ? d.deliveredAt : d.status === 'dead' ? d.lastTriedAt : d.nextTryAt;
    const owner = deployment?.agencyOf(d.formId) ?? '-';
    io.out(
      [
        d.reference,
        d.formId,
        owner,
        d.destination,
        d.status,
        d.attempts,
        iso(when),
        d.lastError ?? '-',
      ]
        .map(String)
        .join('\t'),
    );
  }
  return 0;
}

async function retry(store: Store, args: string[], io: Pick<CommandIo, 'out' | 'err'>) {
  const read = readTypedReference(args[0] ?? '');
  if (read.kind !== 'reference' || args.length > 2) {
    io.err('retry: give a submission reference, and optionally a destination id');
    return 2;
  }
  const { reference } = read;
  const dead = (await store.deliveries.listForSubmission(reference)).filter(
    (d) => d.status === 'dead' && (args[1] === undefined || d.destination === args[1]),
  );
  if (dead.length === 0) {
    io.err(`${reference}: no dead delivery${args[1] ? ` to ${args[1]}` : ''} to retry`);
    return 1;
  }
  for (const d of dead) {
    await store.deliveries.retry(reference, d.destination, Date.now());
    await auditFromCli(store, 'retry-delivery', reference, d.destination);
    io.out(`${reference}: the delivery to ${d.destination} will be tried again`);
  }
  return 0;
}

/**
 * `civic-forms deliveries list|retry|replay`: the outbox from the command line. `deployment` says
 * which agency each form belongs to (undefined when the forms or agency files are not valid).
 */
export async function deliveries(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
  deployment?: DeploymentAgencies,
): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'list') return await list(store, rest, io, deployment);
    if (sub === 'retry') return await retry(store, rest, io);
    if (sub === 'replay') return await replay(store, rest, io);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') !== true) throw error;
    io.err((error as Error).message);
  }
  io.err(DELIVERIES_USAGE);
  return 2;
}
