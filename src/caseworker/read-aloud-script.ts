import type { Question, QuestionPage } from '../definition/types';
import { choicesOf } from '../questions/address-parts';
import type { Translate } from '../questions/question-type';
import { notYetText } from '../web/not-yet-checkbox';

/** One question as a caseworker reads it out: the question, its hint, the answers to offer. */
export interface ScriptQuestion {
  label: string;
  hint?: string;
  /** The choices to read out, for questions with a fixed set of answers. */
  options?: string[];
  /** How many choices the caller may give, when they may give more than one. */
  instruction?: string;
  /** A soft-required question: what the caller may say instead of an answer. */
  notYet?: string;
}

/** What to say on a page: its title and paragraphs, if any, then each question. */
export interface ReadAloudScript {
  title?: string;
  body: string[];
  questions: ScriptQuestion[];
}

function options(
  question: Question,
  t: Translate,
): Pick<ScriptQuestion, 'options' | 'instruction'> {
  switch (question.type) {
    case 'radios':
    case 'select':
      return { options: question.options.map((o) => o.text) };
    case 'checkboxes':
      return {
        options: question.options.map((o) => o.text),
        instruction: t('caseworker:script.allThatApply'),
      };
    case 'yes-no':
      return { options: [t('questions:yesNo.yes'), t('questions:yesNo.no')] };
    case 'file':
      return { instruction: t('caseworker:script.file') };
    case 'address': {
      // A caller who chooses (UK, abroad, no fixed address) hears the choices before the lines.
      const choices = choicesOf(question);
      return choices.length > 1
        ? { options: choices.map((c) => t(`questions:address.choice.${c}`)) }
        : {};
    }
    default:
      return {};
  }
}

/**
 * What to say to a caller on a question page, in the language of `page` and `t` (the caller's): the
 * same words the online page shows, so every channel asks the same questions.
 * @example readAloudScript(localise(form, 'cy').pages[0], translator(i18n, 'cy')).questions[0].label
 */
export function readAloudScript(page: QuestionPage, t: Translate): ReadAloudScript {
  return {
    ...(page.title && { title: page.title }),
    body: page.body ?? [],
    questions: page.questions.map((question) => ({
      label: question.optional
        ? t('question.optionalLabel', { label: question.label })
        : question.label,
      ...(question.hint && { hint: question.hint }),
      ...options(question, t),
      ...(question.notYet && { notYet: notYetText(question, t) }),
    })),
  };
}
