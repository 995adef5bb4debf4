import type { RequestHandler, Response } from 'express';
import { languagesOf } from '../definition/translation';
import type { FormDefinition } from '../definition/types';
import { readCookie } from './cookies';

/** The cookie that remembers a language chosen with `?lang=`, for the browser session. */
export const LANG_COOKIE = 'civic.lang';

/** The primary subtag of a language tag, in lower case: `en-GB` → `en`. */
const primary = (tag: string) => tag.toLowerCase().split('-')[0] ?? '';

/**
 * The supported languages an Accept-Language header names, by a range of their own (`cy`, `en-GB`
 * for `en`, `pt` for `pt-BR`). The wildcard `*` names none: a browser sending `*` or `fr, *;q=0.1`
 * states no preference among ours, so the fallback applies, not whichever language comes first.
 */
function namedIn(header: string | undefined, supported: readonly string[]): string[] {
  const ranges = (header ?? '')
    .split(',')
    .map((range) => range.split(';')[0]?.trim().toLowerCase() ?? '')
    .filter((range) => range !== '' && range !== '*');
  return supported.filter((lang) =>
    ranges.some(
      (range) =>
        range === lang.toLowerCase() ||
        primary(range) === lang.toLowerCase() ||
        primary(lang) === range,
    ),
  );
}

/**
 * Chooses the language of a request: `?lang=xx` (remembered in a session cookie), else the one
 * remembered, else the best match of the browser's Accept-Language among the languages it names,
 * else English (or the first the framework has).
 * Form pages then narrow it to the languages the form is offered in (`formLanguage`).
 */
export function createLanguage(supported: readonly string[], secure: boolean): RequestHandler {
  const fallback = supported.includes('en') ? 'en' : (supported[0] ?? 'en');
  return function language(req, res, next) {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    const remembered = readCookie(req.headers.cookie, LANG_COOKIE);
    let lang: string | undefined;
    if (asked && supported.includes(asked)) {
      lang = asked;
      if (remembered !== asked) {
        res.cookie(LANG_COOKIE, asked, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
      }
    } else if (remembered && supported.includes(remembered)) {
      lang = remembered;
    } else {
      // Only languages the header names are a choice. Without the header, or with only `*`, express
      // would answer with the first language listed, which is no choice at all.
      const named = namedIn(req.headers['accept-language'], supported);
      const accepted = named.length > 0 ? req.acceptsLanguages(...named) : false;
      lang = typeof accepted === 'string' ? accepted : undefined;
    }
    res.locals.lang = lang ?? fallback;
    res.locals.langChosen = lang !== undefined;
    next();
  };
}

/** The language to show a form in: the request's when the form offers it, else the form's own. */
export function formLanguage(form: FormDefinition, res: Response): string {
  const wanted = res.locals.lang as string;
  const lang = languagesOf(form).includes(wanted) ? wanted : form.language;
  res.locals.lang = lang;
  return lang;
}
