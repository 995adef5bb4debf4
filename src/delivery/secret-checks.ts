/**
 * What a secret must look like to work at all, checked at start-up so that a mistyped secret is
 * reported then, not after a day of failed deliveries. The words never quote the secret.
 */

/** A Standard Webhooks secret: `whsec_` and 24 to 64 bytes in base64 (the scheme's advice). */
export function webhookSecretProblem(secret: string): string | undefined {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!match?.[1]) return 'holds a secret that does not start with whsec_ and base64';
  const bytes = Buffer.from(match[1], 'base64').length;
  if (bytes < 24 || bytes > 64) return `holds a secret of ${bytes} bytes`;
  return undefined;
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A GOV.UK Notify API key: its name, the service id and the secret, joined by dashes. */
export function notifyKeyProblem(apiKey: string): string | undefined {
  if (new RegExp(`^.+-${UUID}-${UUID}$`).test(apiKey)) return undefined;
  return 'holds a key that does not end with two ids (service id, then secret)';
}
