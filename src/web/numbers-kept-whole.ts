import nunjucks from 'nunjucks';
import { escapeHtml } from './escape-html';

/** A phone number inside a sentence: digit groups with single spaces between, an optional `+`. */
const NUMBER = /\+?\d+(?: \d+)*/g;

/**
 * Text with each phone number in it kept on one line (`<span class="cf-nowrap">`): a line may break
 * between the words around the numbers, never inside one, so "18001 y después 0306 999 0456" fits a
 * 320 px screen where the whole phrase on one line would not. Escaped, and marked safe for nunjucks
 * (the `numbersKeptWhole` filter).
 *
 * @example numbersKeptWhole('18001 then 0306 999 0456')
 *   // '<span class="cf-nowrap">18001</span> then <span class="cf-nowrap">0306 999 0456</span>'
 */
export function numbersKeptWhole(text: string): nunjucks.runtime.SafeString {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(NUMBER)) {
    html += escapeHtml(text.slice(at, match.index));
    html += `<span class="cf-nowrap">${escapeHtml(match[0])}</span>`;
    at = match.index + match[0].length;
  }
  return new nunjucks.runtime.SafeString(html + escapeHtml(text.slice(at)));
}
