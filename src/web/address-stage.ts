import type { Request } from 'express';
import type { AddressQuestion, QuestionPage } from '../definition/types';
import {
  choiceField,
  choicesOf,
  offersChoice,
  PARTS,
  type AddressChoice,
} from '../questions/address-parts';

/** The query parameter of the second page: the kind of address chosen on the first. */
export const ADDRESS_PARAM = 'address';

/**
 * A page asked over two pages: its one question is an address whose person picks its kind (UK,
 * abroad, no fixed address). The first page asks only which (radios, short without JavaScript);
 * the second, `?address=<choice>`, only that kind's inputs. A choice with no inputs (collecting
 * letters) is answered on the first.
 */
export interface AddressStage {
  question: AddressQuestion;
  /** The choice the URL names (the second page); undefined on the first. */
  chosen?: AddressChoice;
}

/** Whether a choice has inputs of its own, asked on a second page. */
export const hasInputs = (choice: AddressChoice): boolean => PARTS[choice].length > 0;

/** The page's two-page address, and which of its pages the request is on; undefined for others. */
export function addressStage(page: QuestionPage, req: Request): AddressStage | undefined {
  const [question] = page.questions;
  if (page.questions.length !== 1 || question?.type !== 'address' || !offersChoice(question)) {
    return undefined;
  }
  const named = req.query[ADDRESS_PARAM];
  const chosen = choicesOf(question).find((c) => c === named && hasInputs(c));
  return { question, chosen };
}

/** The choice posted on the first page, when it is one with inputs (a second page to go to). */
export function choiceWithInputs(
  stage: AddressStage,
  body: Record<string, unknown>,
): AddressChoice | undefined {
  const posted = body[choiceField(stage.question)];
  return choicesOf(stage.question).find((c) => c === posted && hasInputs(c));
}

/** The query string of a page of the journey: the chosen address kind, then change mode. */
export function stageQuery(chosen: AddressChoice | undefined, change: boolean): string {
  const params = [
    ...(chosen ? [`${ADDRESS_PARAM}=${chosen}`] : []),
    ...(change ? ['change=1'] : []),
  ];
  return params.length > 0 ? `?${params.join('&')}` : '';
}
