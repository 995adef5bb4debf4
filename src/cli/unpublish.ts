import { parseArgs } from 'node:util';
import { storedDefinition } from '../definition/load';
import { today } from '../engine/today';
import type { Store } from '../store/store';
import { auditFromCli } from './cli-audit';
import type { CommandIo } from './users';

/** The languages a closed page's message can be given in besides the form's own. */
const LANGUAGES = ['en', 'cy', 'es', 'ar'] as const;

export const UNPUBLISH_USAGE = `Usage: civic-forms unpublish <formId> --message <text> [--message-<lang> <text>...]
                              [--closes-on YYYY-MM-DD] [--drafts-until YYYY-MM-DD]
  Closes a published form: from --closes-on (today by default) its pages show a "This form is
  closed" page with your message, in the person's language (--message is in the form's own
  language; --message-cy, --message-es, --message-ar give the others). Journeys already started
  (online, saved, by phone or on paper) can still be finished until --drafts-until (the closing
  day by default). Running services see it within FORMS_POLL_SECONDS. Publishing the form again
  opens it.`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a `YYYY-MM-DD` is a real day. */
function isDay(value: string): boolean {
  return DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** `civic-forms unpublish`: closes a form, with its message and deadlines. */
export async function unpublish(
  store: Store,
  args: string[],
  io: Pick<CommandIo, 'out' | 'err'>,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        message: { type: 'string' },
        'closes-on': { type: 'string' },
        'drafts-until': { type: 'string' },
        ...Object.fromEntries(LANGUAGES.map((l) => [`message-${l}`, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    io.err((error as Error).message);
    io.err(UNPUBLISH_USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const [formId] = positionals;
  const closesOn = (values['closes-on'] as string | undefined) ?? today();
  const draftsUntil = (values['drafts-until'] as string | undefined) ?? closesOn;
  const message = values.message as string | undefined;
  const problems = [
    ...(positionals.length !== 1 ? ['give one form id'] : []),
    ...(!message?.trim() ? ['--message: the words people will see on the closed page'] : []),
    ...(!isDay(closesOn) ? [`--closes-on: "${closesOn}" is not a date as YYYY-MM-DD`] : []),
    ...(!isDay(draftsUntil)
      ? [`--drafts-until: "${draftsUntil}" is not a date as YYYY-MM-DD`]
      : []),
    ...(isDay(closesOn) && isDay(draftsUntil) && draftsUntil < closesOn
      ? [`--drafts-until: ${draftsUntil} is before the closing day ${closesOn}`]
      : []),
  ];
  if (problems.length > 0 || formId === undefined || message === undefined) {
    problems.forEach((p) => io.err(p));
    io.err(UNPUBLISH_USAGE);
    return 2;
  }
  const [release] = (await store.formVersions.currentReleases()).filter((r) => r.formId === formId);
  const stored = release && (await store.formVersions.getVersion(formId, release.version));
  if (!stored) {
    io.err(`${formId}: no published form has this id (publish it first: civic-forms publish)`);
    return 1;
  }
  const own = storedDefinition(stored.definition, stored.translations).language;
  const messages: Record<string, string> = { [own]: message };
  for (const lang of LANGUAGES) {
    const text = (values as Record<string, unknown>)[`message-${lang}`] as string | undefined;
    if (text?.trim()) messages[lang] = text;
  }
  await store.formVersions.unpublish(
    formId,
    { message: messages, closesOn, draftsUntil },
    Date.now(),
  );
  await auditFromCli(store, 'unpublish-form', formId, `${closesOn} ${draftsUntil}`);
  io.out(
    `${formId}: closed from ${closesOn}; journeys already started can be finished until ${draftsUntil}`,
  );
  return 0;
}
