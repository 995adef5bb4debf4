import { parseArgs } from 'node:util';

/**
 * Whether a command's arguments ask for its usage: `--help` or `-h` anywhere before a `--`, as in
 * `civic-forms users add --help`. Read leniently, so other options (valid or not) do not matter.
 */
export function wantsHelp(args: string[]): boolean {
  const { values } = parseArgs({
    args,
    options: { help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
  });
  return values.help === true;
}
