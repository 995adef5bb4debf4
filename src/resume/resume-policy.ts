import type { Config } from '../config';
import type { LockingLimit, SlidingLimit } from './attempt-limit';

/** Wrong tries a code allows before it is locked: a date of birth is a weak secret. */
export const CODE_MAX_ATTEMPTS = 5;

/** The window a client's wrong tries and everyone's saves are counted over: an hour, sliding. */
export const LIMIT_WINDOW_MS = 60 * 60_000;

/**
 * Codes one session may get in an hour: a person saves, carries on, saves again; more than a few
 * is a script (each save is a scrypt hash and 28 days of stored answers).
 */
export const SAVES_PER_SESSION = 5;

/** Codes one address may get in an hour: a library room of 30 can each save twice. */
export const SAVES_PER_CLIENT = 60;

/** The settings save and return runs with, from the service's configuration. */
export interface ResumePolicy {
  /** The key of the digests codes and clients are found by (the session secret). */
  digestKey: string;
  /** How long a code lasts after it was last saved or opened. */
  expiryMs: number;
  /** Wrong tries at one code, whoever makes them: strict, locking. */
  code: LockingLimit;
  /** Wrong tries from one client across every code: sliding, so a shared address is only slowed. */
  client: SlidingLimit;
  /** Codes given out per session and per client address. */
  save: { session: SlidingLimit; client: SlidingLimit };
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
  return Object.freeze({
    digestKey: config.sessionSecret,
    expiryMs: Math.round(config.resumeExpiryDays * 24 * 60 * 60_000),
    code: { max: CODE_MAX_ATTEMPTS, lockMs: config.resumeLockMinutes * 60_000 },
    client: { max: config.resumeClientMaxAttempts, windowMs: LIMIT_WINDOW_MS },
    save: {
      session: { max: SAVES_PER_SESSION, windowMs: LIMIT_WINDOW_MS },
      client: { max: SAVES_PER_CLIENT, windowMs: LIMIT_WINDOW_MS },
    },
  });
}
