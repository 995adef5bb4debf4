import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { apiKeyHint, hashApiKey, newApiKey } from '../delivery/api-key';
import { keyAgencyBy } from '../delivery/api-key-agency';
import type { ApiKeyRecord } from '../store/api-key-repository';
import type { Store } from '../store/store';
import type { DeploymentAgencies } from './deployment-agencies';
import { auditFromCli } from './cli-audit';
import type { CommandIo } from './users';

export const API_KEYS_USAGE = `Usage: civic-forms api-keys add <name> --form <formId> [--form <formId> ...]
       civic-forms api-keys list
       civic-forms api-keys revoke <name or id>
  Keys for the pull API (GET /api/v1/forms/<formId>/submissions and the rest; docs/delivery.md).
  add     makes a key for the forms named, all of one agency (the key carries it), and prints it
          alone on the last line, once: only its hash is kept, so give it to the agency now,
          through their secret store
  list    each key's id, name, first characters, agency, forms, when it was made and last used,
          revoked; the agency is the one whose forms the key reads (for a key made before
          agencies, its forms' agency; - when they are of several, and the key reads nothing)
  revoke  ends a key at once; its next request is refused (401)`;

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u;
const FORM_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** What is wrong when the forms named belong to more than one agency: a key reads one agency's. */
function oneAgency(forms: readonly string[], deployment: DeploymentAgencies | undefined): string {
  if (!deployment) return '';
  const owners = [...new Set(forms.map((f) => deployment.agencyOf(f)))];
  if (owners.length < 2) return '';
  const each = forms.map((f) => `${f} (${deployment.agencyOf(f)})`).join(', ');
  return `--form: ${each}: forms of one agency only (a key reads one agency's forms; make one key per agency)`;
}

async function add(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
  deployment: DeploymentAgencies | undefined,
): Promise<number> {
  const formIds = deployment?.formIds;
  const { values, positionals } = parseArgs({
    args,
    options: { form: { type: 'string', multiple: true } },
    allowPositionals: true,
  });
  const name = (positionals[0] ?? '').trim();
  const forms = [...new Set(values.form ?? [])];
  const unknown = forms.filter((f) => !FORM_ID.test(f) || (formIds && !formIds.includes(f)));
  const problems = [
    NAME.test(name) && positionals.length === 1
      ? ''
      : 'name: one name of up to 64 letters, digits, spaces or . _ - (the agency or its system)',
    forms.length > 0 ? '' : '--form: at least one form id the key may read',
    unknown.length === 0
      ? ''
      : `--form: ${unknown.join(', ')}: not a form the service has${
          formIds ? ` (it has ${formIds.join(', ')})` : ''
        }`,
    oneAgency(forms, deployment),
  ].filter(Boolean);
  if (problems.length > 0) {
    problems.forEach((p) => io.err(p));
    return 2;
  }
  if ((await store.apiKeys.listKeys()).some((k) => k.name === name && !k.revokedAt)) {
    io.err(`${name}: a key in use has this name already (revoke it first, or choose another)`);
    return 1;
  }
  const key = newApiKey();
  const id = randomUUID();
  const agency = forms[0] !== undefined ? deployment?.agencyOf(forms[0]) : undefined;
  await store.apiKeys.addKey({
    id,
    name,
    hash: hashApiKey(key),
    hint: apiKeyHint(key),
    forms,
    agency,
    createdAt: Date.now(),
  });
  await auditFromCli(store, 'add-api-key', name, forms.join(','), agency);
  const of = agency ? ` (agency ${agency})` : '';
  io.out(`added API key "${name}" (${id}) for ${forms.join(', ')}${of}`);
  io.out('The key is shown this once and cannot be shown again: give it to the agency now.');
  io.out(key);
  return 0;
}

async function list(
  store: Store,
  io: Pick<CommandIo, 'out'>,
  deployment: DeploymentAgencies | undefined,
): Promise<number> {
  const day = (at: number | undefined) => (at ? new Date(at).toISOString().slice(0, 10) : '-');
  // As the pull API decides it (src/delivery/api-key-agency.ts).
  const agency = (key: ApiKeyRecord) =>
    (deployment ? keyAgencyBy(key, deployment.agencyOf) : key.agency) ?? '-';
  const rows = [
    ['ID', 'NAME', 'KEY', 'AGENCY', 'FORMS', 'CREATED', 'LAST USED', 'REVOKED'],
    ...(await store.apiKeys.listKeys()).map((k) => [
      k.id,
      k.name,
      k.hint,
      agency(k),
      k.forms.join(','),
      day(k.createdAt),
      day(k.lastUsedAt),
      day(k.revokedAt),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const row of rows) {
    io.out(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
  return 0;
}

async function revoke(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
): Promise<number> {
  const which = args[0] ?? '';
  if (args.length !== 1 || which === '') {
    io.err('revoke: name the key (its name or id, from api-keys list)');
    return 2;
  }
  if (!(await store.apiKeys.revokeKey(which, Date.now()))) {
    io.err(`${which}: no key in use has this name or id`);
    return 1;
  }
  await auditFromCli(store, 'revoke-api-key', which);
  io.out(`revoked ${which}`);
  return 0;
}

/**
 * `civic-forms api-keys add|list|revoke`: the pull API's keys. `deployment` says which forms the
 * service has and their agencies, to refuse a key for a form that does not exist or for the forms
 * of two agencies.
 */
export async function apiKeys(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
  deployment?: DeploymentAgencies,
): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'add') return await add(store, rest, io, deployment);
    if (sub === 'list' && rest.length === 0) return await list(store, io, deployment);
    if (sub === 'revoke') return await revoke(store, rest, io);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') !== true) throw error;
    io.err((error as Error).message);
  }
  io.err(API_KEYS_USAGE);
  return 2;
}
