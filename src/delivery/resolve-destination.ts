import { jsonPath, type Problem } from '../definition/problem';
import type { Destination } from './destination';
import { notifyKeyProblem, webhookSecretProblem } from './secret-checks';
import { readSecret, type SecretEnvironment, type SecretReference } from './secret-reference';

/** One entry of the destinations file as its schema left it: checked, with defaults filled in. */
export type DestinationEntry = Record<string, unknown> & { id: string; type: Destination['type'] };

/** Where an entry's secrets and file are. */
export interface EntryContext {
  /** The file's name as reports show it. */
  file: string;
  /** The entry's position in `destinations`. */
  index: number;
  env: SecretEnvironment;
  /** The folder `{ "file": ... }` secrets are read from. */
  baseDir: string;
}

const SECRET_EXPECTED: Record<string, string> = {
  secret: 'a Standard Webhooks secret: whsec_ and 24 to 64 random bytes in base64',
  apiKey: 'the API key GOV.UK Notify gave, whole',
  'auth.pass': 'the SMTP password',
};

/**
 * A checked entry as the destination the senders use, with its secrets read and checked, or
 * what is wrong with it (a secret not found or not the right shape, an address not encrypted).
 */
export function resolveDestination(
  entry: DestinationEntry,
  context: EntryContext,
): { destination: Destination; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (...keys: string[]) => jsonPath(['destinations', context.index, ...keys]);
  const secret = (keys: string[], check?: (secret: string) => string | undefined): string => {
    let reference: unknown = entry;
    for (const key of keys) reference = (reference as Record<string, unknown>)[key];
    const read = readSecret(reference as SecretReference, context.env, context.baseDir);
    const problem = read.ok ? check?.(read.value) : read.message;
    if (problem) {
      const expected = SECRET_EXPECTED[keys.join('.')];
      problems.push({ file: context.file, path: at(...keys), message: problem, expected });
    }
    return read.ok ? read.value : '';
  };
  const encrypted = (key: string): string => {
    const url = entry[key] as string;
    if (url.startsWith('http:') && entry.allowInsecure !== true) {
      problems.push({
        file: context.file,
        path: at(key),
        message: `is ${JSON.stringify(url)}, which is not encrypted`,
        expected: 'an https:// address',
        hint: 'add "allowInsecure": true only for a receiver on the same host or private network',
      });
    }
    return url;
  };
  const { id } = entry;
  const timeoutMs = (entry.timeoutSeconds as number) * 1000;
  const fileLinkMs = (entry.fileLinkMinutes as number) * 60_000;
  const fileLimitKb = entry.fileAttachmentLimitKb as number | undefined;
  const destination = ((): Destination => {
    switch (entry.type) {
      case 'webhook':
        return {
          id,
          type: 'webhook',
          url: encrypted('url'),
          secret: secret(['secret'], webhookSecretProblem),
          includePdf: entry.includePdf as boolean,
          files: entry.files as 'links' | 'inline',
          fileLinkMs,
          timeoutMs,
        };
      case 'email-smtp': {
        const auth = entry.auth as { user: string } | undefined;
        return {
          id,
          type: 'email-smtp',
          host: entry.host as string,
          port: entry.port as number,
          implicitTls: entry.port === 465,
          allowInsecure: entry.allowInsecure as boolean,
          ...(auth ? { auth: { user: auth.user, pass: secret(['auth', 'pass']) } } : {}),
          from: entry.from as string,
          to: entry.to as string[],
          attachmentLimitBytes: (entry.attachmentLimitKb as number) * 1024,
          ...(fileLimitKb !== undefined && { fileAttachmentLimitBytes: fileLimitKb * 1024 }),
          fileLinkMs,
          timeoutMs,
        };
      }
      case 'notify':
        return {
          id,
          type: 'notify',
          apiKey: secret(['apiKey'], notifyKeyProblem),
          templateId: entry.templateId as string,
          emailAddress: entry.emailAddress as string,
          baseUrl: encrypted('baseUrl').replace(/\/$/, ''),
          includePdf: entry.includePdf as boolean,
          fileLinkMs,
          timeoutMs,
        };
      case 'pull-api':
        return { id, type: 'pull-api' };
    }
  })();
  return { destination: Object.freeze(destination), problems };
}
