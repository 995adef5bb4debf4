import path from 'node:path';
import { ConfigError, readConfig, resolveConfig } from '../src/config';

const CWD = path.join(path.sep, 'srv', 'civic-forms');
const PRODUCTION_SECRET = 'b7c1f0e94d2a6e83c5f17a0d9b4e62c8';

/** The problems readConfig reports for an environment, as an operator reads them. */
function problemsWith(env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(env, CWD);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('CONFIG_INVALID');
    return (error as ConfigError).problems;
  }
  throw new Error('readConfig was expected to refuse this environment');
}

/** The whole message of the error readConfig throws, as the service prints it on start. */
function messageWith(env: NodeJS.ProcessEnv): string {
  try {
    readConfig(env, CWD);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('readConfig was expected to refuse this environment');
}

describe('config', () => {
  describe('readConfig', () => {
    it('runs with sensible defaults when nothing is set', () => {
      expect(readConfig({}, CWD)).toEqual({
        port: 3000,
        host: '0.0.0.0',
        env: 'development',
        formsDir: path.join(CWD, 'forms'),
        // Beside the forms folder unless AGENCIES_DIR says otherwise.
        agenciesDir: path.join(CWD, 'agencies'),
        dataDir: path.join(CWD, 'data'),
        databaseUrl: undefined,
        databasePoolSize: 10,
        workers: 1,
        deliveryWorker: true,
        deliveryPollSeconds: 5,
        emailFileAttachmentLimitBytes: 10 * 1024 * 1024,
        // Development serves the forms folder; production the published versions.
        formsSource: 'folder',
        formsPollSeconds: 2,
        formsPublishOnStart: true,
        secretEnvironment: {},
        sqliteSynchronous: 'normal',
        sessionSecret: expect.any(String),
        sessionIdleMinutes: 20,
        caseworkerIdleMinutes: 15,
        baseUrl: 'http://localhost:3000',
        logLevel: 'info',
        bodyLimit: 64 * 1024,
        secureCookies: false,
        trustProxy: false,
        resumeExpiryDays: 28,
        resumeLockMinutes: 30,
        resumeClientMaxAttempts: 100,
        purgeIntervalMinutes: 60,
        uploadsPreviousKeys: [],
      });
    });

    it('keeps submissions for good unless SUBMISSION_RETENTION_DAYS says how long after delivery', () => {
      expect(readConfig({}, CWD).submissionRetentionDays).toBeUndefined();
      expect(readConfig({ SUBMISSION_RETENTION_DAYS: '30' }, CWD).submissionRetentionDays).toBe(30);
      expect(readConfig({ DELIVERY_CLAIM_SECONDS: '15' }, CWD).deliveryClaimSeconds).toBe(15);
      expect(messageWith({ DELIVERY_CLAIM_SECONDS: '5' })).toContain(
        'DELIVERY_CLAIM_SECONDS: must be greater than or equal to 10 (found 5)',
      );
      expect(messageWith({ SUBMISSION_RETENTION_DAYS: '0' })).toContain(
        'SUBMISSION_RETENTION_DAYS: must be a positive number (found 0)',
      );
    });

    it('reads the destinations file from the working folder and hands on the environment for its secrets, never printed', () => {
      const env = { DESTINATIONS_FILE: 'etc/destinations.json', HOUSING_WEBHOOK_SECRET: 'whsec_x' };
      const config = readConfig(env, CWD);
      expect(config.destinationsFile).toBe(path.join(CWD, 'etc', 'destinations.json'));
      expect(config.secretEnvironment.HOUSING_WEBHOOK_SECRET).toBe('whsec_x');
      expect(JSON.stringify(config)).not.toContain('whsec_x');
      expect(readConfig({ DELIVERY_WORKER: 'false' }, CWD).deliveryWorker).toBe(false);
    });

    it('serves published versions in production and the forms folder otherwise, unless FORMS_SOURCE says', () => {
      const production = {
        NODE_ENV: 'production',
        SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
        BASE_URL: 'https://forms.example',
      };
      expect(readConfig(production, CWD).formsSource).toBe('database');
      expect(readConfig({ ...production, FORMS_SOURCE: 'folder' }, CWD).formsSource).toBe('folder');
      expect(readConfig({ FORMS_SOURCE: 'database' }, CWD).formsSource).toBe('database');
      expect(problemsWith({ FORMS_SOURCE: 'git' })).toEqual([
        'FORMS_SOURCE: must be one of [folder, database] (found "git")',
      ]);
    });

    it('reads every setting from the environment', () => {
      const config = readConfig(
        {
          PORT: '8080',
          NODE_ENV: 'production',
          SESSION_SECRET: PRODUCTION_SECRET,
          FORMS_DIR: '/etc/civic-forms/forms',
          DATA_DIR: 'var/data',
          SQLITE_SYNCHRONOUS: 'FULL',
          SESSION_IDLE_MINUTES: '30',
          CASEWORKER_IDLE_MINUTES: '10',
          BASE_URL: 'https://permits.northbrook.example.gov.uk/',
          LOG_LEVEL: 'warn',
          BODY_LIMIT_KB: '128',
          TRUST_PROXY: '1',
          RESUME_EXPIRY_DAYS: '14',
          RESUME_LOCK_MINUTES: '60',
          RESUME_CLIENT_MAX_ATTEMPTS: '20',
          PURGE_INTERVAL_MINUTES: '15',
        },
        CWD,
      );
      expect(config).toMatchObject({
        port: 8080,
        env: 'production',
        sessionSecret: PRODUCTION_SECRET,
        formsDir: '/etc/civic-forms/forms',
        agenciesDir: '/etc/civic-forms/agencies',
        dataDir: path.join(CWD, 'var', 'data'),
        sqliteSynchronous: 'full',
        sessionIdleMinutes: 30,
        caseworkerIdleMinutes: 10,
        baseUrl: 'https://permits.northbrook.example.gov.uk',
        logLevel: 'warn',
        bodyLimit: 128 * 1024,
        secureCookies: true,
        trustProxy: 1,
        resumeExpiryDays: 14,
        resumeLockMinutes: 60,
        resumeClientMaxAttempts: 20,
        purgeIntervalMinutes: 15,
      });
    });

    it('lets an operator turn secure cookies off behind a plain-HTTP proxy', () => {
      const config = readConfig(
        {
          NODE_ENV: 'production',
          SESSION_SECRET: PRODUCTION_SECRET,
          BASE_URL: 'http://forms.test.internal',
          SECURE_COOKIES: 'false',
        },
        CWD,
      );
      expect(config.secureCookies).toBe(false);
    });

    it('gives a frozen result', () => {
      const config = readConfig({}, CWD);
      expect(Object.isFrozen(config)).toBe(true);
      expect(() => {
        (config as { port: number }).port = 80;
      }).toThrow(TypeError);
    });

    it.each([
      [{ PORT: 'abc' }, 'PORT: must be a number (found "abc")'],
      [{ PORT: '70000' }, 'PORT: must be less than or equal to 65535 (found 70000)'],
      [
        { SESSION_IDLE_MINUTES: '0' },
        'SESSION_IDLE_MINUTES: must be greater than or equal to 1 (found 0)',
      ],
      [
        { BASE_URL: 'notaurl' },
        'BASE_URL: must be a valid uri with a scheme matching the http|https pattern (found "notaurl")',
      ],
      [
        { LOG_LEVEL: 'verbose' },
        'LOG_LEVEL: must be one of [fatal, error, warn, info, debug, trace, silent] (found "verbose")',
      ],
      [{ SECURE_COOKIES: 'yes' }, 'SECURE_COOKIES: must be a boolean (found "yes")'],
      [{ RESUME_EXPIRY_DAYS: '0' }, 'RESUME_EXPIRY_DAYS: must be a positive number (found 0)'],
      [
        { RESUME_CLIENT_MAX_ATTEMPTS: 'many' },
        'RESUME_CLIENT_MAX_ATTEMPTS: must be a number (found "many")',
      ],
      [
        { NODE_ENV: 'staging' },
        'NODE_ENV: must be one of [development, production, test] (found "staging")',
      ],
    ])('refuses %j, naming the variable', (env, problem) => {
      expect(problemsWith(env)).toEqual([problem]);
    });

    it('refuses production without a session secret', () => {
      expect(problemsWith({ NODE_ENV: 'production', BASE_URL: 'https://forms.example' })).toEqual([
        'SESSION_SECRET: is required (found (hidden))',
      ]);
    });

    it('refuses production with the public development secret', () => {
      const developmentSecret = readConfig({}, CWD).sessionSecret;
      expect(
        problemsWith({
          NODE_ENV: 'production',
          SESSION_SECRET: developmentSecret,
          BASE_URL: 'https://forms.example',
        }),
      ).toEqual([
        'SESSION_SECRET: must not be the development secret in production (found (hidden))',
      ]);
    });

    it('refuses production without BASE_URL: no link is ever built from a Host header', () => {
      expect(problemsWith({ NODE_ENV: 'production', SESSION_SECRET: PRODUCTION_SECRET })).toEqual([
        'BASE_URL: is required in production: the public address people use (https://...), for the links in pages, emails and paper forms (not set)',
      ]);
      expect(readConfig({ NODE_ENV: 'development' }, CWD).baseUrl).toBe('http://localhost:3000');
    });

    it.each([
      ['false', false],
      ['0', false],
      ['1', 1],
      ['2', 2],
      ['10.0.0.5', ['10.0.0.5']],
      [
        '10.0.0.5, 10.1.0.0/16,fd00::/8 ,loopback',
        ['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback'],
      ],
    ])('reads TRUST_PROXY=%j as the proxies to believe', (value, trusted) => {
      expect(readConfig({ TRUST_PROXY: value }, CWD).trustProxy).toEqual(trusted);
    });

    it.each([
      ['127.0.0.1:3310', { host: '127.0.0.1', port: 3310 }],
      ['/run/clamav/clamd.ctl', { socket: '/run/clamav/clamd.ctl' }],
    ])('reads CLAMD_ADDRESS=%j as where clamd listens', (value, address) => {
      expect(readConfig({ CLAMD_ADDRESS: value }, CWD).clamdAddress).toEqual(address);
      expect(readConfig({}, CWD).clamdAddress).toBeUndefined();
    });

    it('refuses a CLAMD_ADDRESS that is neither host:port nor a socket path, saying which it wants', () => {
      expect(problemsWith({ CLAMD_ADDRESS: 'tcp://clamav:3310' })).toEqual([
        'CLAMD_ADDRESS: must be host:port (like 127.0.0.1:3310) or an absolute path to clamd’s socket (like /run/clamav/clamd.ctl) (found "tcp://clamav:3310")',
      ]);
    });

    it('runs on PostgreSQL at DATABASE_URL, with as many workers as WORKERS says', () => {
      const config = readConfig(
        { DATABASE_URL: 'postgres://forms@db.internal:5432/forms', WORKERS: '4' },
        CWD,
      );
      expect(config).toMatchObject({
        databaseUrl: 'postgres://forms@db.internal:5432/forms',
        workers: 4,
        databasePoolSize: 10,
      });
    });

    it('refuses more than one worker on SQLite, and a DATABASE_URL that is not PostgreSQL', () => {
      expect(() => readConfig({ WORKERS: '2' }, CWD)).toThrow(
        'WORKERS: must be 1 without DATABASE_URL: the embedded SQLite database is for one process; set DATABASE_URL to run more',
      );
      expect(() => readConfig({ DATABASE_URL: 'mysql://db/forms' }, CWD)).toThrow(
        /DATABASE_URL: .*must be a PostgreSQL address: postgres:\/\/user@host:5432\/database/,
      );
    });

    it('refuses TRUST_PROXY=true, which lets any client choose its own address', () => {
      expect(problemsWith({ TRUST_PROXY: 'true' })).toEqual([
        'TRUST_PROXY: must not be true, which lets any client choose its own address: give the number of proxies in front of the service (1 behind one load balancer) or their addresses (found "true")',
      ]);
      expect(problemsWith({ TRUST_PROXY: 'TRUE' })).toHaveLength(1);
    });

    it('refuses a TRUST_PROXY that is not a number or addresses, naming the bad entries', () => {
      expect(problemsWith({ TRUST_PROXY: '10.0.0.5, lb.internal, 300.1.1.1' })).toEqual([
        'TRUST_PROXY: must be false, a number of proxies, or addresses and CIDR ranges separated by commas (bad: lb.internal, 300.1.1.1) (found "10.0.0.5, lb.internal, 300.1.1.1")',
      ]);
    });

    it('never prints the session secret, even a wrong one', () => {
      const message = messageWith({
        NODE_ENV: 'production',
        SESSION_SECRET: 'hunter2-hunter2',
        PORT: 'abc',
      });
      expect(message).toContain('SESSION_SECRET: length must be at least 32 characters long');
      expect(message).toContain('PORT: must be a number (found "abc")');
      expect(message).not.toContain('hunter2');
    });

    it('reads UPLOADS_KEY and UPLOADS_PREVIOUS_KEYS as 256-bit keys', () => {
      const current = Buffer.alloc(32, 7);
      const old = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
      const config = readConfig({
        UPLOADS_KEY: current.toString('base64'),
        UPLOADS_PREVIOUS_KEYS: old.map((key) => key.toString('base64')).join(', '),
      });
      expect(config.uploadsKey).toEqual(current);
      expect(config.uploadsPreviousKeys).toEqual(old);
    });

    it.each([
      ['UPLOADS_KEY', 'c2hvcnQ='],
      [
        'UPLOADS_KEY',
        `${Buffer.alloc(32, 7).toString('base64')},${Buffer.alloc(32, 1).toString('base64')}`,
      ],
      ['UPLOADS_PREVIOUS_KEYS', 'not base64 at all'],
    ])('refuses a %s that is not 32 bytes in base64, never printing it', (name, value) => {
      expect(() => readConfig({ [name]: value })).toThrow(
        `${name}: must be 32 random bytes in base64, made with: openssl rand -base64 32 (several separated by commas for UPLOADS_PREVIOUS_KEYS) (found (hidden))`,
      );
    });

    it('lists every bad variable at once', () => {
      const message = messageWith({ PORT: 'abc', SESSION_IDLE_MINUTES: '0', BASE_URL: 'notaurl' });
      expect(message.split('\n')).toEqual([
        'Configuration is not valid:',
        '  - PORT: must be a number (found "abc")',
        '  - SESSION_IDLE_MINUTES: must be greater than or equal to 1 (found 0)',
        '  - BASE_URL: must be a valid uri with a scheme matching the http|https pattern (found "notaurl")',
      ]);
    });
  });
});

describe('resolveConfig', () => {
  it('gives a library caller the environment defaults, secure cookies in production', () => {
    const config = resolveConfig({
      env: 'production',
      sessionSecret: 's'.repeat(40),
      port: 8080,
      baseUrl: 'https://forms.example',
    });
    expect(config.secureCookies).toBe(true);
    expect(config.baseUrl).toBe('https://forms.example');
    expect(Object.isFrozen(config)).toBe(true);
    expect(resolveConfig({ port: 8080 }).baseUrl).toBe('http://localhost:8080');
  });

  it('refuses to trust every proxy', () => {
    expect(() => resolveConfig({ trustProxy: true as unknown as number })).toThrow(
      /trustProxy: must not be true/,
    );
    expect(resolveConfig({ trustProxy: ['10.0.0.5'] }).trustProxy).toEqual(['10.0.0.5']);
  });

  it('refuses production without a base URL', () => {
    expect(() => resolveConfig({ env: 'production', sessionSecret: 's'.repeat(40) })).toThrow(
      /baseUrl: must be set in production/,
    );
  });

  it('refuses production with the published development secret', () => {
    expect(() => resolveConfig({ env: 'production' })).toThrow(/sessionSecret/);
  });
});
