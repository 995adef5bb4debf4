import { isQuestionPage } from '../definition/catalogue';
import type { FormDefinition, QuestionPage, RepeatSection } from '../definition/types';
import type { PaperField } from '../questions/paper-field';
import type { Translate } from '../questions/question-type';
import { typeOf } from '../questions/registry';
import { itemHeading } from '../web/item-heading';
import { formCode } from './form-code';
import { numberQuestions, type Numbering } from './numbering';
import { instructionFor } from './routing';
import { answerWords, conditionWords, joinWords } from './routing-words';
import { skipInstructions, type SkipInstruction } from './skips';

/** A numbered question with its spaces to fill in and the routing that applies to it. */
export interface PaperQuestion {
  kind: 'question';
  number: number;
  /** The label, with "(optional)" when it is optional. */
  label: string;
  hint?: string;
  onlyIf?: string;
  fields: PaperField[];
  /** "If you answered No, go to question 9." */
  goTo: string[];
}

/** Several questions asked together under a title (one page online). */
export interface PaperGroup {
  kind: 'group';
  title: string;
  body: string[];
  onlyIf?: string;
  questions: PaperQuestion[];
}

/** An end page, written as an instruction to stop. */
export interface PaperExit {
  kind: 'exit';
  instruction?: string;
  title: string;
  body: string[];
}

/** A repeating section: its questions once per item ("Person 1", "Person 2"...). */
export interface PaperRepeat {
  kind: 'repeat';
  title: string;
  onlyIf?: string;
  items: Array<{ heading: string; entries: Array<PaperQuestion | PaperGroup> }>;
  continuation?: string;
}

export type PaperBlock = PaperQuestion | PaperGroup | PaperExit | PaperRepeat;

/** Everything the paper form says, in one language: what the PDF and the printable page draw. */
export interface PaperForm {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  description: string;
  code: string;
  /** The line at the top of every page: title, version and form code. */
  header: string;
  intro: { heading: string; points: string[] };
  online: { heading: string; body: string; url: string; qrLabel: string };
  blocks: PaperBlock[];
  declaration: { heading: string; text: string; signature: string; date: string };
  send: { heading: string; body: string; address: string[] };
  help: {
    heading: string;
    intro: string;
    contacts: Array<{ label: string; value: string }>;
    hours: string;
  };
}

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
  return (skips ?? []).map((skip) => {
    const named = skip.otherThan ?? skip.values;
    const answers = named.map((v) => answerWords(skip.question, v, context));
    const key = `paper:routing.goTo${skip.otherThan ? 'Other' : ''}${skip.target === 'end' ? 'End' : ''}`;
    return context.t(key, {
      answers: joinWords(answers, 'or', context),
      number: skip.target,
    });
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
    fields: typeOf(q).paper(q, b.context),
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
    declaration: {
      heading: t('paper:declaration.heading'),
      text: form.checkAnswers?.declaration ?? t('paper:declaration.default'),
      signature: t('paper:declaration.signature'),
      date: t('paper:declaration.date'),
    },
    send: {
      heading: t('paper:send.heading'),
      body: t('paper:send.body'),
      address: help.postalAddress,
    },
    help: {
      heading: t('common:help.heading'),
      intro: t('paper:help.intro'),
      contacts: [
        { label: t('common:help.phone'), value: help.phone },
        ...(help.textRelay ? [{ label: t('common:help.textRelay'), value: help.textRelay }] : []),
        ...(help.email ? [{ label: t('common:help.email'), value: help.email }] : []),
      ],
      hours: help.hours,
    },
  };
}
