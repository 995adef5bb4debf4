import type { Config } from '../config';
import type { AttemptLimit } from '../store/resume-records';

/** Wrong tries a code allows before it is locked: a date of birth is a weak secret. */
export const CODE_MAX_ATTEMPTS = 5;

/** A client's wrong tries are forgotten after a quiet day (a library shares one address). */
const CLIENT_MEMORY_MS = 24 * 60 * 60_000;

/** The settings save and return runs with, from the service's configuration. */
export interface ResumePolicy {
  /** The key of the digests codes and clients are found by (the session secret). */
  digestKey: string;
  /** How long a code lasts after it was last saved or opened. */
  expiryMs: number;
  code: AttemptLimit;
  client: AttemptLimit;
}

/**
 * The save-and-return settings of a configuration.
 *
 * @example
 *   const policy = resumePolicy(app.config);
 */
export function resumePolicy(
  config: Pick<
    Config,
    'sessionSecret' | 'resumeExpiryDays' | 'resumeLockMinutes' | 'resumeClientMaxAttempts'
  >,
): ResumePolicy {
  const lockMs = config.resumeLockMinutes * 60_000;
  return Object.freeze({
    digestKey: config.sessionSecret,
    expiryMs: Math.round(config.resumeExpiryDays * 24 * 60 * 60_000),
    code: { max: CODE_MAX_ATTEMPTS, lockMs },
    client: {
      max: config.resumeClientMaxAttempts,
      lockMs,
      forgetAfterMs: Math.max(CLIENT_MEMORY_MS, lockMs),
    },
  });
}
