/** A sentence cut around the reference number or code it holds, so a page can mark the code up. */
export interface CodeInText {
  before: string;
  code: string;
  after: string;
}

/**
 * The translated `text` cut where `code` stands in it, for the `codeInText` macro of
 * views/partials/grouped-code.njk: the code then reads left to right in every language (isolated
 * from the words around it) and breaks only between its groups. `undefined` when the text does not
 * hold the code.
 * @example codeInText('Your reference number is K7QM-3XPD-9C.', 'K7QM-3XPD-9C')
 *   // { before: 'Your reference number is ', code: 'K7QM-3XPD-9C', after: '.' }
 */
export function codeInText(text: string, code: string): CodeInText | undefined {
  const at = text.indexOf(code);
  if (!code || at < 0) return undefined;
  return { before: text.slice(0, at), code, after: text.slice(at + code.length) };
}
