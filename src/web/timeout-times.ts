/** When a page's time-out warning opens and when its session ends, in the units the page script reads. */
export interface TimeoutTimes {
  /** How many minutes before the end the warning opens (shown in its words). */
  warningMinutes: number;
  warnAfterSeconds: number;
  expireAfterSeconds: number;
}

/**
 * The time-out warning's timing for a session that ends after `idleMinutes` without a request:
 * half the time, at least one minute and at most five, before the end (WCAG 2.2.1).
 *
 * @example
 *   timeoutTimes(15); // { warningMinutes: 5, warnAfterSeconds: 600, expireAfterSeconds: 900 }
 */
export function timeoutTimes(idleMinutes: number): TimeoutTimes {
  const warningMinutes = Math.max(1, Math.min(5, Math.floor(idleMinutes / 2)));
  return {
    warningMinutes,
    warnAfterSeconds: (idleMinutes - warningMinutes) * 60,
    expireAfterSeconds: idleMinutes * 60,
  };
}
