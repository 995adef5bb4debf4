import type { FormDefinition } from '../../../src/definition/types';
import type { Answers, Channel, RepeatItem } from '../../../src/engine/answers';
import { activeAnswers, walk } from '../../../src/engine/journey';
import { typeOf } from '../../../src/questions/registry';
import type { Submission } from '../../../src/store/store';
import { addDays } from '../../support/dates';
import { validAnswers } from '../../support/form-filler';

const TODAY = addDays(0).iso;

/**
 * A finished journey through a form without a server: each page answered with the first answers
 * it accepts that do not lead to an exit page, each repeating section given two items. What a
 * person could have sent, for tests that need a submission of every example form.
 */
export function sampleAnswers(form: FormDefinition): Answers {
  const answers: Answers = {};
  const done: string[] = [];
  for (let pass = 0; pass < 500; pass++) {
    const { next, complete } = walk(form, { answers, done });
    if (complete) return activeAnswers(form, { answers, done });
    if (next.kind === 'exit') throw new Error(`${form.id}: the sample journey reached ${next.key}`);
    if (next.kind === 'summary') {
      const items = answers[next.section.id] as RepeatItem[];
      if (items.length < Math.min(2, next.section.max ?? 2)) {
        items.push({ id: `item${items.length + 1}`, answers: {} });
      } else done.push(next.key);
      continue;
    }
    if (next.kind !== 'page') continue;
    let target = answers as Record<string, unknown>;
    let key = next.key;
    if (next.section && next.item) {
      const items = ((answers[next.section.id] as RepeatItem[] | undefined) ??= []);
      let item = items.find((i) => i.id === next.item?.id);
      if (!item) {
        item = { id: `item${items.length + 1}`, answers: {} };
        items.push(item);
        key = `${next.section.id}/${item.id}/${next.page.id}`;
      }
      target = item.answers;
    }
    const choices = next.page.questions.map((q) => validAnswers(q));
    const tries = Math.max(...choices.map((c) => c.length));
    let settled = false;
    for (let t = 0; t < tries && !settled; t++) {
      next.page.questions.forEach((question, q) => {
        const body = choices[q]?.[Math.min(t, (choices[q]?.length ?? 1) - 1)] ?? {};
        const parsed = typeOf(question).parse(question, body, { today: TODAY });
        if (parsed.value === undefined) delete target[question.id];
        else target[question.id] = parsed.value;
      });
      const after = walk(form, { answers, done: [...done, key] });
      settled = after.next.kind !== 'exit';
    }
    done.push(key);
  }
  throw new Error(`${form.id}: the sample journey did not finish`);
}

/** A stored submission of the sample answers, sent through a channel. */
export function sampleSubmission(
  form: FormDefinition,
  channel: Channel = 'online',
  language = form.language,
): Submission {
  return {
    reference: 'K7QM-3XPD-9C',
    transactionId: `tx-${form.id}`,
    formId: form.id,
    formVersion: form.version,
    answers: sampleAnswers(form),
    language,
    channel,
    submittedAt: Date.parse('2031-03-14T10:02:00.000Z'),
    ...(channel === 'online' ? {} : { caseworkerId: 'a3f1c9e2-caseworker' }),
    ...(channel === 'paper' ? { receivedOn: '2031-03-12' } : {}),
  };
}
