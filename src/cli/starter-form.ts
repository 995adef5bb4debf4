import type { FormDefinition } from '../definition/types';
import type { Translate } from '../questions/question-type';

/** A new form and its translations, as `civic-forms new` writes them. */
export interface StarterForm {
  definition: FormDefinition & { $schema: string };
  /** The translation file of each language after the first, by language. */
  translations: Map<string, Record<string, unknown>>;
}

/** The words of the starting form in one language, from `locales/<lang>/starter.json`. */
function words(t: Translate) {
  const w = (key: string) => t(`starter:${key}`);
  return {
    title: w('title'),
    description: w('description'),
    start: { body: [w('startBody')], before: [w('startBefore')], duration: w('duration') },
    help: { hours: w('helpHours') },
    fullName: {
      label: w('fullName.label'),
      summaryLabel: w('fullName.summaryLabel'),
      errorLabel: w('fullName.errorLabel'),
    },
    phone: {
      label: w('phone.label'),
      hint: w('phone.hint'),
      summaryLabel: w('phone.summaryLabel'),
      errorLabel: w('phone.errorLabel'),
    },
    confirmation: { title: w('confirmationTitle'), whatHappensNext: [w('whatHappensNext')] },
  };
}

/**
 * A small valid form to start from: a start page, a name and a phone number, check answers and a
 * confirmation, in the form's languages (the first is its own), each translated.
 */
export function starterForm(
  id: string,
  languages: readonly string[],
  translate: (lang: string) => Translate,
): StarterForm {
  const [own = 'en', ...others] = languages;
  const mine = words(translate(own));
  const definition = {
    $schema: '../schema/form-definition.schema.json',
    id,
    title: mine.title,
    version: '1.0',
    language: own,
    languages: [...languages],
    description: mine.description,
    start: mine.start,
    // Placeholders from Ofcom's range for drama (never a real line): put your own in.
    help: { phone: '0306 999 0000', hours: mine.help.hours },
    pages: [
      {
        id: 'full-name',
        questions: [{ id: 'full-name', type: 'name' as const, ...mine.fullName }],
      },
      {
        id: 'phone',
        questions: [{ id: 'phone', type: 'phone' as const, ...mine.phone }],
      },
    ],
    confirmation: mine.confirmation,
  };
  const translations = new Map<string, Record<string, unknown>>();
  for (const lang of others) {
    const theirs = words(translate(lang));
    translations.set(lang, {
      title: theirs.title,
      description: theirs.description,
      start: theirs.start,
      help: theirs.help,
      questions: { 'full-name': theirs.fullName, phone: theirs.phone },
      confirmation: theirs.confirmation,
    });
  }
  return { definition, translations };
}
