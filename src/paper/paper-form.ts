import { isQuestionPage } from '../definition/catalogue';
import type { FormDefinition, QuestionPage, RepeatSection } from '../definition/types';
import type { Translate } from '../questions/question-type';
import { typeOf } from '../questions/registry';
import { itemHeading } from '../web/item-heading';
import { notYetText } from '../web/not-yet-checkbox';
import { formCode } from './form-code';
import { numberQuestions, type Numbering } from './numbering';
import { instructionFor } from './routing';
import { answerWords, conditionWords, joinWords } from './routing-words';
import type { PaperBlock, PaperForm, PaperGroup, PaperQuestion, PaperRepeat } from './paper-blocks';
import { skipInstructions, type SkipInstruction } from './skips';

export type {
  PaperBlock,
  PaperExit,
  PaperForm,
  PaperGroup,
  PaperQuestion,
  PaperRepeat,
} from './paper-blocks';

export interface PaperFormContext {
  t: Translate;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The address of the online form in the same language, for the QR code and the short link. */
  onlineUrl: string;
}

/** Blocks printed for a repeating section before the reader is sent to a continuation sheet. */
export const PAPER_ITEM_BLOCKS = 4;

interface Build {
  form: FormDefinition;
  context: PaperFormContext;
  numbering: Numbering;
  skips: Map<string, SkipInstruction[]>;
}

function onlyIf(page: { condition?: QuestionPage['condition'] }, key: string, b: Build) {
  if (!page.condition) return undefined;
  const instruction = instructionFor(page.condition, b.form, b.numbering);
  return b.context.t(`paper:routing.${key}`, { condition: conditionWords(instruction, b.context) });
}

function goTo(skips: SkipInstruction[] | undefined, context: PaperFormContext): string[] {
  const { t } = context;
  return (skips ?? []).map((skip) => {
    const named = skip.otherThan ?? skip.values;
    const answers = joinWords(
      named.map((v) => answerWords(skip.question, v, context)),
      'or',
      context,
    );
    const other = skip.otherThan ? 'Other' : '';
    const { target } = skip;
    if (typeof target === 'object') {
      const questions =
        target.first === target.last
          ? t('paper:routing.skipOne', { number: target.first })
          : t('paper:routing.skipRange', { first: target.first, last: target.last });
      return t(`paper:routing.skip${other}`, { answers, questions });
    }
    const key = `paper:routing.goTo${other}${target === 'end' ? 'End' : ''}`;
    return t(key, { answers, number: target });
  });
}

/** A page of questions: one numbered question, or a titled group of them. */
function entry(page: QuestionPage, b: Build): PaperQuestion | PaperGroup {
  const { t } = b.context;
  const questions = page.questions.map((q): PaperQuestion => ({
    kind: 'question',
    number: b.numbering.get(q.id) ?? 0,
    label: q.optional ? t('common:question.optionalLabel', { label: q.label }) : q.label,
    ...(q.hint && { hint: q.hint }),
    fields: [
      ...typeOf(q).paper(q, b.context),
      // A soft-required question: a box to tick instead of answering.
      ...(q.notYet
        ? [
            {
              kind: 'tick' as const,
              instruction: t('paper:tick.notYet'),
              multiple: false,
              options: [{ text: notYetText(q, t) }],
            },
          ]
        : []),
    ],
    goTo: goTo(b.skips.get(q.id), b.context),
  }));
  const single = questions[0];
  if (questions.length === 1 && single && !page.title) {
    const condition = onlyIf(page, 'onlyIf', b);
    return condition ? { ...single, onlyIf: condition } : single;
  }
  const condition = onlyIf(page, 'onlyIfThese', b);
  return {
    kind: 'group',
    title: page.title ?? '',
    body: page.body ?? [],
    ...(condition && { onlyIf: condition }),
    questions,
  };
}

function repeat(section: RepeatSection, b: Build): PaperRepeat {
  const { t, lang } = b.context;
  const max = section.max ?? 10;
  const count = Math.min(max, PAPER_ITEM_BLOCKS);
  const condition = onlyIf(section, 'onlyIfSection', b);
  return {
    kind: 'repeat',
    title: section.title,
    ...(condition && { onlyIf: condition }),
    items: Array.from({ length: count }, (_, i) => ({
      heading: itemHeading(t, lang, section.itemName, i + 1),
      entries: section.pages.map((page) => entry(page, b)),
    })),
    ...(max > count && { continuation: t('paper:section.continuation', { count, max }) }),
  };
}

/** The paper form of a (localised) definition: numbered questions, routing in words, how to send it. */
export function paperForm(form: FormDefinition, context: PaperFormContext): PaperForm {
  const { t } = context;
  const numbering = numberQuestions(form);
  const b: Build = { form, context, numbering, skips: skipInstructions(form, numbering) };
  const blocks = form.pages.map((page): PaperBlock => {
    if (isQuestionPage(page)) return entry(page, b);
    if (page.kind === 'repeat') return repeat(page, b);
    const instruction = onlyIf(page, 'exit', b);
    return {
      kind: 'exit',
      ...(instruction && { instruction }),
      title: page.title,
      body: page.body,
      ...(page.reason === 'urgent' && {
        callNow: t('common:help.urgentCall', { phone: form.help.phone }),
      }),
    };
  });
  const code = formCode(form);
  const { help } = form;
  return {
    lang: context.lang,
    dir: context.dir,
    title: form.title,
    description: form.description,
    code,
    header: t('paper:document.header', { title: form.title, version: form.version, code }),
    intro: {
      heading: t('paper:intro.heading'),
      points: ['ink', 'order', 'ticks', 'dates'].map((key) => t(`paper:intro.${key}`)),
    },
    online: {
      heading: t('paper:online.heading'),
      body: t('paper:online.body'),
      url: context.onlineUrl,
      qrLabel: t('paper:online.qrLabel'),
    },
    blocks,
    ...(form.checkAnswers?.declaration && {
      declaration: {
        heading: t('paper:declaration.heading'),
        text: form.checkAnswers.declaration,
        signature: t('paper:declaration.signature'),
        date: t('paper:declaration.date'),
      },
    }),
    send: {
      heading: t('paper:send.heading'),
      body: help.postalAddress ? t('paper:send.body') : t('common:help.phoneOnlySend'),
      address: help.postalAddress ?? [help.phone ?? ''],
    },
    help: {
      heading: t('common:help.heading'),
      intro: t('paper:help.intro'),
      contacts: [
        ...(help.phone ? [{ label: t('common:help.phone'), value: help.phone }] : []),
        ...(help.textRelay ? [{ label: t('common:help.textRelay'), value: help.textRelay }] : []),
        ...(help.email ? [{ label: t('common:help.email'), value: help.email }] : []),
      ],
      ...(help.hours && { hours: help.hours }),
    },
  };
}
