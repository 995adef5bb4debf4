import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatProblem } from '../../src/definition/problem';
import {
  DestinationsError,
  loadDestinations,
  parseDestinations,
} from '../../src/delivery/load-destinations';

const WEBHOOK_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const NOTIFY_KEY =
  'civic-forms-live-7c2b4a1e-3d5f-4e6a-9b8c-1d2e3f4a5b6c-0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

describe('the destinations file', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-destinations-'));
    file = path.join(dir, 'destinations.json');
    fs.mkdirSync(path.join(dir, 'secrets'));
    fs.writeFileSync(path.join(dir, 'secrets', 'smtp-password'), 'correct horse battery\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const parse = (json: unknown, env: Record<string, string> = {}) =>
    parseDestinations(JSON.stringify(json), file, env);
  const reported = (json: unknown, env: Record<string, string> = {}) => {
    const result = parse(json, env);
    if (result.ok) throw new Error('the file was accepted');
    return result.problems.map(formatProblem);
  };
  const webhook = (extra: Record<string, unknown> = {}) => ({
    id: 'housing-webhook',
    type: 'webhook',
    url: 'https://housing.example.gov.uk/civic-forms',
    secret: { env: 'HOUSING_WEBHOOK_SECRET' },
    ...extra,
  });

  it('reads every type of destination, with secrets from the environment and from files', () => {
    const result = parse(
      {
        destinations: [
          webhook({ includePdf: true, timeoutSeconds: 5 }),
          {
            id: 'housing-inbox',
            type: 'email-smtp',
            host: 'smtp.example.gov.uk',
            from: 'forms@example.gov.uk',
            to: ['housing@example.gov.uk', 'repairs@example.gov.uk'],
            auth: { user: 'forms', pass: { file: 'secrets/smtp-password' } },
          },
          {
            id: 'housing-notify',
            type: 'notify',
            apiKey: { env: 'NOTIFY_API_KEY' },
            templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
            emailAddress: 'housing@example.gov.uk',
          },
          { id: 'housing-pull', type: 'pull-api' },
        ],
      },
      { HOUSING_WEBHOOK_SECRET: WEBHOOK_SECRET, NOTIFY_API_KEY: NOTIFY_KEY },
    );
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect([...result.config.destinations.values()]).toEqual([
      {
        id: 'housing-webhook',
        type: 'webhook',
        url: 'https://housing.example.gov.uk/civic-forms',
        secret: WEBHOOK_SECRET,
        includePdf: true,
        files: 'links',
        fileLinkMs: 60 * 60_000,
        timeoutMs: 5000,
      },
      {
        id: 'housing-inbox',
        type: 'email-smtp',
        host: 'smtp.example.gov.uk',
        port: 587,
        implicitTls: false,
        allowInsecure: false,
        auth: { user: 'forms', pass: 'correct horse battery' },
        from: 'forms@example.gov.uk',
        to: ['housing@example.gov.uk', 'repairs@example.gov.uk'],
        attachmentLimitBytes: 10 * 1024 * 1024,
        fileLinkMs: 7 * 24 * 60 * 60_000,
        timeoutMs: 30_000,
      },
      {
        id: 'housing-notify',
        type: 'notify',
        apiKey: NOTIFY_KEY,
        templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
        emailAddress: 'housing@example.gov.uk',
        baseUrl: 'https://api.notifications.service.gov.uk',
        includePdf: false,
        fileLinkMs: 7 * 24 * 60 * 60_000,
        timeoutMs: 10_000,
      },
      { id: 'housing-pull', type: 'pull-api' },
    ]);
    expect(result.config.retry).toEqual({
      firstDelayMs: 30_000,
      maxDelayMs: 3_600_000,
      giveUpAfterMs: 24 * 3_600_000,
    });
    expect(Object.isFrozen(result.config.destinations.get('housing-webhook'))).toBe(true);
  });

  it('takes the retry policy from the file, and never less than a day of tries', () => {
    const env = { HOUSING_WEBHOOK_SECRET: WEBHOOK_SECRET };
    const result = parse(
      {
        retry: { firstDelaySeconds: 10, maxDelayMinutes: 30, giveUpAfterHours: 72 },
        destinations: [webhook()],
      },
      env,
    );
    expect(result.ok && result.config.retry).toEqual({
      firstDelayMs: 10_000,
      maxDelayMs: 1_800_000,
      giveUpAfterMs: 72 * 3_600_000,
    });
    expect(reported({ retry: { giveUpAfterHours: 4 }, destinations: [] })).toEqual([
      `${file}: retry.giveUpAfterHours: must be greater than or equal to 24 (found 4)`,
    ]);
  });

  it('refuses a secret written into the file, without repeating it', () => {
    const lines = reported({ destinations: [webhook({ secret: WEBHOOK_SECRET })] });
    expect(lines).toEqual([
      expect.stringContaining(
        'destinations[0].secret: holds the secret itself (value hidden): secrets never go in this file (expected { "env": "VARIABLE_NAME" } or { "file": "path/to/secret" })',
      ),
    ]);
    expect(lines.join('\n')).not.toContain(WEBHOOK_SECRET.slice(6, 20));
  });

  it('says which environment variable or secret file is missing', () => {
    const lines = reported({
      destinations: [
        webhook(),
        {
          id: 'inbox',
          type: 'email-smtp',
          host: 'smtp.example.gov.uk',
          from: 'forms@example.gov.uk',
          to: ['housing@example.gov.uk'],
          auth: { user: 'forms', pass: { file: 'secrets/nowhere' } },
        },
      ],
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /destinations\[0\]\.secret: names HOUSING_WEBHOOK_SECRET, which is not set or is empty \(expected a Standard Webhooks secret/,
      ),
      expect.stringContaining(
        `destinations[1].auth.pass: names ${path.join(dir, 'secrets', 'nowhere')}, which does not exist (expected the SMTP password)`,
      ),
    ]);
  });

  it('checks the shape of a webhook secret and a Notify key without quoting them', () => {
    const short = `whsec_${Buffer.alloc(8, 1).toString('base64')}`;
    const lines = reported(
      {
        destinations: [
          webhook(),
          webhook({ id: 'plain', secret: { env: 'PLAIN' } }),
          {
            id: 'notify',
            type: 'notify',
            apiKey: { env: 'NOTIFY_API_KEY' },
            templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
            emailAddress: 'housing@example.gov.uk',
          },
        ],
      },
      { HOUSING_WEBHOOK_SECRET: short, PLAIN: 'hunter2hunter2', NOTIFY_API_KEY: 'not-a-key' },
    );
    expect(lines).toEqual([
      expect.stringContaining('destinations[0].secret: holds a secret of 8 bytes (expected'),
      expect.stringContaining(
        'destinations[1].secret: holds a secret that does not start with whsec_ and base64',
      ),
      expect.stringContaining(
        'destinations[2].apiKey: holds a key that does not end with two ids (service id, then secret) (expected the API key GOV.UK Notify gave, whole)',
      ),
    ]);
    expect(lines.join('\n')).not.toMatch(/hunter2|not-a-key/);
  });

  it('refuses an address without encryption unless the operator allows it for a local receiver', () => {
    const env = { HOUSING_WEBHOOK_SECRET: WEBHOOK_SECRET };
    expect(
      reported({ destinations: [webhook({ url: 'http://127.0.0.1:8080/hook' })] }, env),
    ).toEqual([
      expect.stringContaining(
        'destinations[0].url: is "http://127.0.0.1:8080/hook", which is not encrypted (expected an https:// address); add "allowInsecure": true only for a receiver on the same host or private network',
      ),
    ]);
    const allowed = parse(
      { destinations: [webhook({ url: 'http://127.0.0.1:8080/hook', allowInsecure: true })] },
      env,
    );
    expect(allowed.ok).toBe(true);
  });

  it('reports each mistake with its JSON path, what it found and what it expected', () => {
    const lines = reported({
      destinations: [
        { id: 'a', type: 'webhok' },
        webhook({ id: 'a', secret: { env: 'A', file: 'b' } }),
        {
          id: 'Housing Inbox',
          type: 'email-smtp',
          host: 'smtp.example.gov.uk',
          from: 'forms@example.gov.uk',
          to: 'housing@example.gov.uk',
          tls: false,
        },
      ],
    });
    expect(lines.map((l) => l.replace(/^[^:]+: /, ''))).toEqual([
      'destinations[0].type: is "webhok" (expected one of webhook, email-smtp, notify, pull-api); did you mean "webhook"?',
      'destinations[1].secret: is not a secret reference (value hidden): it names both env and file (expected { "env": "VARIABLE_NAME" } or { "file": "path/to/secret" })',
      'destinations[2].id: must be lower-case letters, digits and single dashes, starting with a letter (found "Housing Inbox")',
      'destinations[2].to: is "housing@example.gov.uk" (expected a list ([...]))',
      'destinations[2].tls: is not a key this place allows (found false) (expected only the keys docs/delivery.md lists for this type)',
      'destinations[1]: repeats the id of destinations[0] (expected a different id for each destination)',
    ]);
  });

  it('says a file is not JSON without quoting the text around the mistake', () => {
    const result = parseDestinations(`{ "destinations": ["${WEBHOOK_SECRET}", } ] }`, file, {});
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      `${file}: is not valid JSON: Unexpected token '}' (expected a JSON object)`,
    ]);
    const cut = parseDestinations('{ "destinations": [', file, {});
    expect(!cut.ok && cut.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/is not valid JSON: .*end of JSON input.* \(expected a JSON object\)$/),
    ]);
  });

  it('gives no destinations without a file, and stops start-up with every problem of a bad one', () => {
    expect(loadDestinations(undefined, {}).destinations.size).toBe(0);
    const missing = path.join(dir, 'absent.json');
    expect(() => loadDestinations(missing, {})).toThrow(DestinationsError);
    expect(() => loadDestinations(missing, {})).toThrow(
      /absent\.json: does not exist \(expected a readable JSON file of destinations \(DESTINATIONS_FILE\)\)/,
    );
    fs.writeFileSync(file, JSON.stringify({ destinations: [webhook()] }));
    try {
      loadDestinations(file, {});
      throw new Error('the file was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DestinationsError);
      expect((error as DestinationsError).code).toBe('CONFIG_INVALID');
      expect((error as DestinationsError).message).toContain(
        'destinations[0].secret: names HOUSING_WEBHOOK_SECRET, which is not set or is empty',
      );
    }
    const loaded = loadDestinations(file, { HOUSING_WEBHOOK_SECRET: WEBHOOK_SECRET });
    expect(loaded.destinations.get('housing-webhook')?.type).toBe('webhook');
  });
});
