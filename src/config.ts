import path from 'node:path';
import Joi from 'joi';
import { parseEncryptionKey } from './uploads/blob-encryption';
import { parseClamdAddress, type ClamdAddress } from './uploads/clamd-address';

/** The validated, frozen settings the service runs with. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly env: 'development' | 'production' | 'test';
  readonly formsDir: string;
  /**
   * Where the agencies are, one folder each (`<id>/agency.json`): by default `agencies` beside the
   * forms folder. No folder is one default agency, as before agencies.
   */
  readonly agenciesDir: string;
  readonly dataDir: string;
  /**
   * PostgreSQL's address (`DATABASE_URL`, `postgres://user@host:5432/database`); without one the
   * service keeps everything in the embedded SQLite file under `dataDir`.
   */
  readonly databaseUrl: string | undefined;
  /** The most PostgreSQL connections each process opens. */
  readonly databasePoolSize: number;
  /** Processes `npm start` runs (`WORKERS`): more than one needs PostgreSQL. */
  readonly workers: number;
  /** SQLite `synchronous` pragma: `normal` survives a process crash, `full` also a power cut. */
  readonly sqliteSynchronous: 'normal' | 'full';
  readonly sessionSecret: string;
  readonly sessionIdleMinutes: number;
  /** Minutes without a request before a caseworker's sign-in ends (shorter than constituents'). */
  readonly caseworkerIdleMinutes: number;
  readonly baseUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  /** Whether cookies carry the Secure flag (on in production unless the operator says otherwise). */
  readonly secureCookies: boolean;
  /**
   * Which `X-Forwarded-For` entries to believe, as express's `trust proxy`: `false` (none: the
   * address is the peer's), a number of proxies in front, or their addresses and CIDR ranges.
   * Never `true`, which would let every client choose its own address.
   */
  readonly trustProxy: false | number | readonly string[];
  /** Bearer token `/metrics` asks for; without one, `/metrics` answers 404. */
  readonly metricsToken: string | undefined;
  /** Days a resume code (and its saved draft) lasts after it was last saved or opened. */
  readonly resumeExpiryDays: number;
  /** Minutes a resume code is locked after 5 wrong tries (doubling each time). */
  readonly resumeLockMinutes: number;
  /** Wrong resume tries one client (IP address) may make an hour across every code (sliding). */
  readonly resumeClientMaxAttempts: number;
  /** Minutes between runs of the clean-up of expired drafts, codes and sessions. */
  readonly purgeIntervalMinutes: number;
  /** Where ClamAV's daemon listens (`CLAMD_ADDRESS`: host:port or a socket path); none by default. */
  readonly clamdAddress: ClamdAddress | undefined;
  /**
   * The key uploaded files are encrypted with (`UPLOADS_KEY`, 32 bytes in base64), and earlier keys
   * files sealed with them can still be read with (`UPLOADS_PREVIOUS_KEYS`, comma-separated).
   */
  readonly uploadsKey: Buffer | undefined;
  readonly uploadsPreviousKeys: readonly Buffer[];
  /**
   * Where uploaded files are kept (`BLOB_STORE`): `folder` (encrypted, under `dataDir/uploads`) or
   * `database` (the service's database, shared by every process). Unset: `database` on PostgreSQL
   * (`DATABASE_URL`), `folder` otherwise.
   */
  readonly blobStore: 'folder' | 'database' | undefined;
  /**
   * The most bytes of uploaded files attached to one delivery email (`EMAIL_FILE_ATTACHMENT_LIMIT_KB`,
   * 10240 by default); a destination's `fileAttachmentLimitKb` overrides it. The rest are links.
   */
  readonly emailFileAttachmentLimitBytes: number;
  /** The destinations file (`DESTINATIONS_FILE`); none: submissions stay in the service. */
  readonly destinationsFile: string | undefined;
  /**
   * The environment variables the destinations file's `{ "env": ... }` secrets are read from: only
   * this module reads the process environment, and it hands them on here.
   */
  readonly secretEnvironment: Readonly<Record<string, string | undefined>>;
  /** Whether `npm start` runs the delivery worker in each process (`DELIVERY_WORKER`, on by default). */
  readonly deliveryWorker: boolean;
  /** Seconds between the delivery worker's looks for due deliveries when it found none. */
  readonly deliveryPollSeconds: number;
  /**
   * Where the forms served come from (`FORMS_SOURCE`): `folder` (development: `formsDir`, watched)
   * or `database` (production: the published versions; see docs/publishing.md).
   */
  readonly formsSource: 'folder' | 'database';
  /** Seconds between each process's looks for newly published or closed forms. */
  readonly formsPollSeconds: number;
  /** With the `database` source: whether start-up publishes the folder's forms not yet published. */
  readonly formsPublishOnStart: boolean;
  /**
   * Seconds a delivery worker's claim on a delivery lasts (`DELIVERY_CLAIM_SECONDS`): after a
   * worker dies mid-try, another takes the delivery over then. Unset: the longest destination
   * time limit and a minute, at least two minutes.
   */
  readonly deliveryClaimSeconds: number | undefined;
  /**
   * Days a submission is kept once every destination has it (`SUBMISSION_RETENTION_DAYS`): then
   * the clean-up deletes it. Unset: submissions are kept until deleted by other means.
   */
  readonly submissionRetentionDays: number | undefined;
}

/** Settings a caller of `createApp` may give; anything left out takes its default. */
export type ConfigInput = Partial<Config>;

const DEVELOPMENT_SECRET = 'civic-forms-development-secret-change-me';

const KEY_MESSAGES = {
  'uploads.key':
    'must be 32 random bytes in base64, made with: openssl rand -base64 32 (several separated by commas for UPLOADS_PREVIOUS_KEYS)',
};

/** One or more 256-bit keys in base64, separated by commas. */
function encryptionKeys(value: string, helpers: Joi.CustomHelpers): Buffer[] {
  try {
    return value
      .split(',')
      .filter((part) => part.trim() !== '')
      .map((part) => parseEncryptionKey(part, 'key'));
  } catch {
    return helpers.error('uploads.key') as never;
  }
}

const envSchema = Joi.object({
  PORT: Joi.number().integer().min(0).max(65535).default(3000),
  HOST: Joi.string().hostname().default('0.0.0.0'),
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  FORMS_DIR: Joi.string().default('forms'),
  AGENCIES_DIR: Joi.string(),
  DATA_DIR: Joi.string().default('data'),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .messages({
      'string.uriCustomScheme': 'must be a PostgreSQL address: postgres://user@host:5432/database',
    }),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(200).default(10),
  WORKERS: Joi.when('DATABASE_URL', {
    is: Joi.exist(),
    then: Joi.number().integer().min(1).max(64).default(1),
    otherwise: Joi.number().integer().valid(1).default(1).messages({
      'any.only':
        'must be 1 without DATABASE_URL: the embedded SQLite database is for one process; set DATABASE_URL to run more',
    }),
  }),
  SQLITE_SYNCHRONOUS: Joi.string().lowercase().valid('normal', 'full').default('normal'),
  SESSION_SECRET: Joi.when('NODE_ENV', {
    is: 'production',
    // The development secret is public (it is in this file): production must have its own.
    then: Joi.string()
      .min(32)
      .invalid(DEVELOPMENT_SECRET)
      .required()
      .messages({ 'any.invalid': 'must not be the development secret in production' }),
    otherwise: Joi.string().min(32).default(DEVELOPMENT_SECRET),
  }),
  SESSION_IDLE_MINUTES: Joi.number()
    .integer()
    .min(1)
    .max(24 * 60)
    .default(20),
  CASEWORKER_IDLE_MINUTES: Joi.number()
    .integer()
    .min(1)
    .max(8 * 60)
    .default(15),
  BASE_URL: Joi.when('NODE_ENV', {
    is: 'production',
    // Links in pages, emails and on paper are never built from a request's Host header.
    then: Joi.string()
      .uri({ scheme: ['http', 'https'] })
      .required()
      .messages({
        'any.required':
          'is required in production: the public address people use (https://...), for the links in pages, emails and paper forms',
      }),
    otherwise: Joi.string().uri({ scheme: ['http', 'https'] }),
  }),
  LOG_LEVEL: Joi.string()
    .valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')
    .default('info'),
  BODY_LIMIT_KB: Joi.number().integer().min(1).max(1024).default(64),
  SECURE_COOKIES: Joi.boolean(),
  TRUST_PROXY: Joi.string().trim().custom(trustedProxies).default(false).messages({
    'trustProxy.true':
      'must not be true, which lets any client choose its own address: give the number of proxies in front of the service (1 behind one load balancer) or their addresses',
    'trustProxy.addresses':
      'must be false, a number of proxies, or addresses and CIDR ranges separated by commas (bad: {{#bad}})',
  }),
  METRICS_TOKEN: Joi.string()
    .min(24)
    .pattern(/^[\x21-\x7e]+$/)
    .messages({ 'string.pattern.base': 'must be printable characters without spaces' }),
  RESUME_EXPIRY_DAYS: Joi.number().positive().max(366).default(28),
  RESUME_LOCK_MINUTES: Joi.number()
    .integer()
    .min(1)
    .max(24 * 60)
    .default(30),
  RESUME_CLIENT_MAX_ATTEMPTS: Joi.number().integer().min(1).max(1000).default(100),
  PURGE_INTERVAL_MINUTES: Joi.number()
    .integer()
    .min(1)
    .max(24 * 60)
    .default(60),
  CLAMD_ADDRESS: Joi.string()
    .trim()
    .custom((value: string, helpers) => {
      try {
        return parseClamdAddress(value);
      } catch {
        return helpers.error('clamd.address');
      }
    })
    .messages({
      'clamd.address':
        'must be host:port (like 127.0.0.1:3310) or an absolute path to clamd’s socket (like /run/clamav/clamd.ctl)',
    }),
  UPLOADS_KEY: Joi.string()
    .trim()
    .pattern(/^[^,]+$/)
    .custom(encryptionKeys)
    .messages({ ...KEY_MESSAGES, 'string.pattern.base': KEY_MESSAGES['uploads.key'] }),
  UPLOADS_PREVIOUS_KEYS: Joi.string().trim().custom(encryptionKeys).messages(KEY_MESSAGES),
  BLOB_STORE: Joi.string().lowercase().valid('folder', 'database'),
  EMAIL_FILE_ATTACHMENT_LIMIT_KB: Joi.number()
    .integer()
    .min(0)
    .max(50 * 1024)
    .default(10 * 1024),
  DESTINATIONS_FILE: Joi.string(),
  DELIVERY_WORKER: Joi.boolean().default(true),
  DELIVERY_POLL_SECONDS: Joi.number().min(0.1).max(3600).default(5),
  FORMS_SOURCE: Joi.string().lowercase().valid('folder', 'database'),
  FORMS_POLL_SECONDS: Joi.number().min(0.1).max(60).default(2),
  FORMS_PUBLISH_ON_START: Joi.boolean().default(true),
  DELIVERY_CLAIM_SECONDS: Joi.number().integer().min(10).max(3600),
  SUBMISSION_RETENTION_DAYS: Joi.number().positive().max(3650),
})
  .unknown(true)
  .prefs({ abortEarly: false, convert: true });

/** The named ranges express's `trust proxy` knows besides addresses. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const ADDRESS = Joi.string().ip({ cidr: 'optional' });

/** `TRUST_PROXY` as express takes it: false, a hop count, or trusted addresses; never `true`. */
function trustedProxies(value: string, helpers: Joi.CustomHelpers): Config['trustProxy'] {
  const lower = value.toLowerCase();
  if (lower === 'false' || lower === '' || lower === '0') return false;
  if (lower === 'true') return helpers.error('trustProxy.true') as never;
  if (/^\d{1,2}$/.test(lower)) return Number(lower);
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter(
    (entry) => !PROXY_RANGES.includes(entry) && ADDRESS.validate(entry).error !== undefined,
  );
  if (bad.length > 0)
    return helpers.error('trustProxy.addresses', { bad: bad.join(', ') }) as never;
  return Object.freeze(entries);
}

/** Thrown when the environment holds a value the service cannot run with. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function describe(detail: Joi.ValidationErrorItem): string {
  const name = detail.path.join('.');
  const found = detail.context?.value;
  const shown = [
    'SESSION_SECRET',
    'METRICS_TOKEN',
    'UPLOADS_KEY',
    'UPLOADS_PREVIOUS_KEYS',
  ].includes(name)
    ? 'found (hidden)'
    : found === undefined
      ? 'not set'
      : `found ${JSON.stringify(found)}`;
  return `${name}: ${detail.message.replace(/^"[^"]+" /, '')} (${shown})`;
}

/**
 * Reads the settings from an environment once, validates them and freezes them.
 *
 * @example
 *   const config = readConfig(process.env);
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const { value, error } = envSchema.validate(env);
  if (error) throw new ConfigError(error.details.map(describe));
  const port = value.PORT as number;
  const nodeEnv = value.NODE_ENV as Config['env'];
  return Object.freeze({
    port,
    host: value.HOST as string,
    env: nodeEnv,
    formsDir: path.resolve(cwd, value.FORMS_DIR as string),
    agenciesDir: agenciesBeside(
      cwd,
      value.FORMS_DIR as string,
      value.AGENCIES_DIR as string | undefined,
    ),
    dataDir: path.resolve(cwd, value.DATA_DIR as string),
    databaseUrl: value.DATABASE_URL as string | undefined,
    databasePoolSize: value.DATABASE_POOL_SIZE as number,
    workers: value.WORKERS as number,
    sqliteSynchronous: value.SQLITE_SYNCHRONOUS as Config['sqliteSynchronous'],
    sessionSecret: value.SESSION_SECRET as string,
    sessionIdleMinutes: value.SESSION_IDLE_MINUTES as number,
    caseworkerIdleMinutes: value.CASEWORKER_IDLE_MINUTES as number,
    baseUrl: ((value.BASE_URL as string | undefined) ?? `http://localhost:${port}`).replace(
      /\/$/,
      '',
    ),
    logLevel: value.LOG_LEVEL as Config['logLevel'],
    bodyLimit: (value.BODY_LIMIT_KB as number) * 1024,
    secureCookies: (value.SECURE_COOKIES as boolean | undefined) ?? nodeEnv === 'production',
    trustProxy: value.TRUST_PROXY as Config['trustProxy'],
    metricsToken: value.METRICS_TOKEN as string | undefined,
    resumeExpiryDays: value.RESUME_EXPIRY_DAYS as number,
    resumeLockMinutes: value.RESUME_LOCK_MINUTES as number,
    resumeClientMaxAttempts: value.RESUME_CLIENT_MAX_ATTEMPTS as number,
    purgeIntervalMinutes: value.PURGE_INTERVAL_MINUTES as number,
    clamdAddress: value.CLAMD_ADDRESS as ClamdAddress | undefined,
    uploadsKey: (value.UPLOADS_KEY as Buffer[] | undefined)?.[0],
    uploadsPreviousKeys: Object.freeze((value.UPLOADS_PREVIOUS_KEYS as Buffer[] | undefined) ?? []),
    blobStore: value.BLOB_STORE as Config['blobStore'],
    emailFileAttachmentLimitBytes: (value.EMAIL_FILE_ATTACHMENT_LIMIT_KB as number) * 1024,
    destinationsFile:
      value.DESTINATIONS_FILE === undefined
        ? undefined
        : path.resolve(cwd, value.DESTINATIONS_FILE as string),
    // Not listed when the settings are printed: it may hold secrets.
    secretEnvironment: hidden(env),
    deliveryWorker: value.DELIVERY_WORKER as boolean,
    deliveryPollSeconds: value.DELIVERY_POLL_SECONDS as number,
    formsSource:
      (value.FORMS_SOURCE as Config['formsSource'] | undefined) ??
      (nodeEnv === 'production' ? 'database' : 'folder'),
    formsPollSeconds: value.FORMS_POLL_SECONDS as number,
    formsPublishOnStart: value.FORMS_PUBLISH_ON_START as boolean,
    deliveryClaimSeconds: value.DELIVERY_CLAIM_SECONDS as number | undefined,
    submissionRetentionDays: value.SUBMISSION_RETENTION_DAYS as number | undefined,
  });
}

/** A frozen copy of the environment that JSON and `console.log` show as `[hidden]`. */
function hidden(env: NodeJS.ProcessEnv): Readonly<Record<string, string | undefined>> {
  const copy: Record<string, string | undefined> = { ...env };
  Object.defineProperty(copy, 'toJSON', { value: () => '[hidden]', enumerable: false });
  Object.defineProperty(copy, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => '[hidden]',
    enumerable: false,
  });
  return Object.freeze(copy);
}

/** `AGENCIES_DIR`, or the `agencies` folder beside the forms folder. */
function agenciesBeside(cwd: string, formsDir: string, agenciesDir: string | undefined): string {
  return agenciesDir === undefined
    ? path.resolve(cwd, formsDir, '..', 'agencies')
    : path.resolve(cwd, agenciesDir);
}

/** Completes the settings a library caller gave with the same defaults the environment has. */
export function resolveConfig(input: ConfigInput = {}): Config {
  const defaults = readConfig({ NODE_ENV: 'development' });
  const env = input.env ?? defaults.env;
  const port = input.port ?? defaults.port;
  const config: Config = {
    ...defaults,
    baseUrl: `http://localhost:${port}`,
    secureCookies: env === 'production',
    formsSource: env === 'production' ? 'database' : 'folder',
    ...(input.formsDir ? { agenciesDir: path.resolve(input.formsDir, '..', 'agencies') } : {}),
    ...input,
  };
  if (config.env === 'production' && config.sessionSecret === DEVELOPMENT_SECRET) {
    throw new ConfigError([
      'sessionSecret: must be set in production (found the development default)',
    ]);
  }
  if ((config.trustProxy as unknown) === true) {
    throw new ConfigError([
      'trustProxy: must not be true, which lets any client choose its own address (give a number of proxies or their addresses)',
    ]);
  }
  if (config.env === 'production' && input.baseUrl === undefined) {
    throw new ConfigError([
      'baseUrl: must be set in production: the public address people use (not set)',
    ]);
  }
  return Object.freeze(config);
}
