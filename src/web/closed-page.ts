import type { Request, Response } from 'express';
import type { FormDefinition } from '../definition/types';
import { textDirection } from '../paper/direction';
import { dayWords } from '../questions/date-words';
import type { FormClosure } from '../store/form-version-repository';
import { langOf, tOf, type Render, type RenderDependencies } from './render';

/** The team's message in the page's language, or in another one (marked as such) when not given. */
function messageIn(closure: FormClosure, lang: string, own: string) {
  const text = closure.message[lang];
  if (text) return { text };
  const other = closure.message[own] !== undefined ? own : Object.keys(closure.message)[0];
  return other === undefined
    ? undefined
    : { text: closure.message[other], lang: other, dir: textDirection(other) };
}

/**
 * The page a closed form shows in place of its journey (410 Gone): the team's message, the day it
 * closed and how to get help, in the page's language.
 */
export function renderClosed(
  deps: Pick<RenderDependencies, 'i18n'> & { render: Render },
  req: Request,
  res: Response,
  form: FormDefinition,
  closure: FormClosure,
  ownLanguage: string,
): void {
  const lang = langOf(res);
  const t = tOf(res, deps);
  res.setHeader('Cache-Control', 'no-store');
  deps.render(
    req,
    res,
    'closed.njk',
    {
      form,
      pageTitle: t('closed.title'),
      message: messageIn(closure, lang, ownLanguage),
      closedOn: dayWords(closure.closesOn, lang),
    },
    410,
  );
}
