import { readConfig } from '../config';
import { purgeNow } from '../resume/purge-job';
import { resumePolicy } from '../resume/resume-policy';
import type { Store } from '../store/store';
import type { CommandIo } from './users';

export const PURGE_USAGE = `Usage: civic-forms purge
  Deletes expired data now, as the server does every PURGE_INTERVAL_MINUTES: expired sessions, resume
  codes past RESUME_EXPIRY_DAYS with their saved answers, drafts no code or session reaches that
  were left untouched that long, and counts of failed sign-ins older than the throttle's window.`;

/** `civic-forms purge`: runs the clean-up once and says what it deleted. */
export async function purge(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
  now = Date.now(),
): Promise<number> {
  if (args.length > 0) {
    io.err(`purge takes no arguments (found ${args.join(' ')})`);
    io.err(PURGE_USAGE);
    return 2;
  }
  const counts = await purgeNow(store, now, resumePolicy(readConfig()).expiryMs);
  io.out(
    `deleted ${counts.drafts} draft(s), ${counts.codes} resume code(s), ` +
      `${counts.sessions} session(s), ${counts.attempts} old count(s) of wrong tries ` +
      `and ${counts.signInFailures} old count(s) of failed sign-ins`,
  );
  return 0;
}
