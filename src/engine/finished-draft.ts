import type { FormDefinition } from '../definition/types';
import type { Answers, Draft } from './answers';
import { walk } from './journey';

/**
 * A finished journey's answers with every step on their path marked done, as the journey was
 * when it was sent: what `summarise` needs to show a submission as check answers showed it.
 */
export function finishedDraft(
  form: FormDefinition,
  answers: Answers,
): Pick<Draft, 'answers' | 'done'> {
  const done: string[] = [];
  // Each pass marks the next step done; a form has far fewer steps than this bound.
  for (let pass = 0; pass < 10_000; pass++) {
    const { complete, next } = walk(form, { answers, done });
    if (complete || next.kind === 'exit') break;
    done.push(next.key);
  }
  return { answers, done };
}
