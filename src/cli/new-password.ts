import type { CommandIo } from './users';

import { MINIMUM_PASSWORD } from '../caseworker/password-rules';

export { MINIMUM_PASSWORD };

/**
 * Reads a new password the way `readPassword` does (a terminal, or the first line of standard
 * input; never the command line) and checks its length; a problem is worded for the operator.
 */
export async function readCheckedPassword(
  io: Pick<CommandIo, 'readPassword'>,
): Promise<{ password: string } | { problem: string }> {
  const read = await io.readPassword();
  if ('problem' in read) return { problem: `password: ${read.problem}` };
  if ([...read.password].length < MINIMUM_PASSWORD) {
    return { problem: `password: at least ${MINIMUM_PASSWORD} characters` };
  }
  return read;
}
