import { parseArgs } from 'node:util';
import { readTypedReference } from '../caseworker/typed-reference';
import type { ReplayFilter } from '../store/delivery-repository';
import type { Store } from '../store/store';
import { auditFromCli } from './cli-audit';
import type { CommandIo } from './users';

/** A day (`YYYY-MM-DD`, from its midnight UTC) or a full ISO 8601 time, as milliseconds. */
function readSince(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const at = Date.parse(/^\d{4}-\d\d-\d\d$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(at) ? Number.NaN : at;
}

/**
 * `civic-forms deliveries replay`: sends delivered submissions to their destinations again, after
 * a receiver lost them: one submission (`--reference`), or a form's delivered since a time
 * (`--form --since`), to every send destination or one (`--destination`). Each is made due now
 * with the same `webhook-id` as before, and audited as `replay-delivery`.
 */
export async function replay(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      reference: { type: 'string' },
      form: { type: 'string' },
      since: { type: 'string' },
      destination: { type: 'string' },
    },
  });
  const read = values.reference === undefined ? undefined : readTypedReference(values.reference);
  const since = readSince(values.since);
  const byReference = read?.kind === 'reference' && !values.form && since === undefined;
  const byForm = !read && values.form !== undefined && since !== undefined && !Number.isNaN(since);
  if (!byReference && !byForm) {
    io.err(
      'replay: give --reference <reference>, or --form <formId> --since <YYYY-MM-DD>; and optionally --destination <id>',
    );
    return 2;
  }
  const filter: ReplayFilter = {
    ...(read?.kind === 'reference' && { reference: read.reference }),
    ...(byForm && { formId: values.form, deliveredSince: since }),
    ...(values.destination !== undefined && { destination: values.destination }),
  };
  const replayed = await store.deliveries.replay(filter, Date.now());
  if (replayed.length === 0) {
    io.err('replay: no delivered submission matches (pending and dead ones: use retry)');
    return 1;
  }
  for (const d of replayed) {
    await auditFromCli(store, 'replay-delivery', d.reference, d.destination);
    io.out(`${d.reference}: will be sent to ${d.destination} again, as ${d.webhookId}`);
  }
  return 0;
}
