import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { checkDefinitions, checkFormsDir, type LoadResult } from '../definition/load';
import { formatProblem } from '../definition/problem';
import { publishForm } from '../publishing/publish';
import type { Store } from '../store/store';
import { auditFromCli } from './cli-audit';
import type { CommandIo } from './users';
import { readDestinations, withDestinations } from './validate';

export const PUBLISH_USAGE = `Usage: civic-forms publish [files...]
  Checks form definitions exactly as "civic-forms validate" does (every .json file in FORMS_DIR
  when no file is named) and stores each as a published version in the database, with its
  translations. Running services serve it within FORMS_POLL_SECONDS (2 by default), every process,
  without a restart; people half-way through an earlier version finish on theirs (docs/publishing.md).
  A version is immutable: publishing the same content again changes nothing, and other content
  under a version number already published is refused (FORM_VERSION_TAKEN): change "version".
  Nothing is published unless every named definition is valid. Exits 0 when all are published or
  unchanged, 1 otherwise.`;

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/** `civic-forms publish [files...]`: validates, then stores each definition as a version. */
export async function publish(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
): Promise<number> {
  let files: string[];
  try {
    ({ positionals: files } = parseArgs({ args, options: {}, allowPositionals: true }));
  } catch (error) {
    io.err((error as Error).message);
    io.err(PUBLISH_USAGE);
    return 2;
  }
  const config = readConfig();
  const destinations = readDestinations(config, io.out);
  let results: LoadResult[];
  if (files.length > 0) {
    results = checkDefinitions(files.map((f) => path.resolve(f)));
  } else {
    const checked = checkFormsDir(config.formsDir);
    if (!checked.ok) {
      io.out(formatProblem(checked.problem));
      return 1;
    }
    results = checked.results;
  }
  results = destinations ? withDestinations(results, destinations) : results;
  for (const result of results) {
    (result.warnings ?? []).forEach((p) => io.out(`warning: ${formatProblem(p)}`));
  }
  const invalid = results.flatMap((r) => (r.ok ? [] : r.problems));
  if (invalid.length > 0 || !destinations || results.length === 0) {
    invalid.forEach((p) => io.out(formatProblem(p)));
    io.out('Nothing was published: fix the problems above, then publish again.');
    return 1;
  }
  let failed = 0;
  const at = Date.now();
  for (const result of results) {
    if (!result.ok) continue;
    const { form } = result;
    const outcome = await publishForm(store, result, at);
    const name = `${form.id} ${form.version}`;
    switch (outcome) {
      case 'published':
      case 'republished':
        await auditFromCli(store, 'publish-form', form.id, form.version);
        io.out(`published  ${name} (${shown(result.file)})`);
        break;
      case 'unchanged':
        io.out(`unchanged  ${name}: this content is already the published version`);
        break;
      case 'version-taken':
        failed += 1;
        io.out(
          `FORM_VERSION_TAKEN ${shown(result.file)}: version: "${form.version}" is already published with other content (expected a new version number, such as the next one after ${form.version})`,
        );
        break;
    }
  }
  return failed === 0 ? 0 : 1;
}
