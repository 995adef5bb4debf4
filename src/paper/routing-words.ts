import { relativeParts } from '../engine/relative-date';
import type { Question } from '../definition/types';
import { optionText } from '../questions/options';
import type { Translate } from '../questions/question-type';
import { typeOf } from '../questions/registry';
import type { Instruction } from './routing';

/** The words of the page's language, and the language for amounts and dates. */
export interface WordsContext {
  t: Translate;
  lang: string;
}

/** "A", "A or B", "A, B and C", with the page language's separator and joining words. */
export function joinWords(items: string[], join: 'and' | 'or', { t }: WordsContext): string {
  if (items.length < 2) return items[0] ?? '';
  return t(`paper:routing.${join}`, {
    rest: items.slice(0, -1).join(t('paper:routing.separator')),
    last: items[items.length - 1],
  });
}

/**
 * One answer as the paper form names it: an option's own text in quotes, Yes or No, an amount or
 * a date as check answers writes it, or "today".
 */
export function answerWords(
  question: Question,
  value: string | number | boolean,
  context: WordsContext,
): string {
  const { t } = context;
  const quoted = (text: string) => t('paper:routing.quoted', { text });
  if (question.type === 'yes-no') return t(`questions:yesNo.${String(value)}`);
  if ('options' in question) return quoted(optionText(question.options, String(value)));
  if (question.type === 'date') {
    if (value === 'today') return t('paper:routing.today');
    const relative = relativeParts(String(value));
    if (relative) {
      // ICU words the amount with the plural and mutation each language needs ("16 mlynedd").
      const amount = new Intl.NumberFormat(context.lang, {
        style: 'unit',
        unit: relative.unit,
        unitDisplay: 'long',
      }).format(relative.amount);
      return t(relative.ago ? 'paper:routing.dateAgo' : 'paper:routing.dateFromToday', { amount });
    }
    return typeOf(question).summary(question, String(value), context).join(' ');
  }
  if (question.type === 'money') {
    return typeOf(question).summary(question, String(value), context).join(' ');
  }
  if (question.type === 'number') {
    return typeOf(question).summary(question, Number(value), context).join(' ');
  }
  return quoted(String(value));
}

/**
 * A condition in words, to put in "Only answer this if {{condition}}": "you answered No at
 * question 4", "the amount at question 6 is more than £16,000", joined with "and" and "or".
 */
export function conditionWords(instruction: Instruction, context: WordsContext): string {
  const { t } = context;
  if (instruction.kind === 'group') {
    const parts = instruction.parts.map((part) =>
      part.kind === 'group'
        ? t(part.join === 'or' ? 'paper:routing.either' : 'paper:routing.allOf', {
            list: conditionWords(part, context),
          })
        : conditionWords(part, context),
    );
    return joinWords(parts, instruction.join, context);
  }
  const answers = instruction.values.map((v) => answerWords(instruction.question, v, context));
  return t(`paper:routing.${instruction.key}`, {
    number: instruction.number,
    answers: joinWords(answers, 'or', context),
    value: answers[0] ?? '',
  });
}
