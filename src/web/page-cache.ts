import { escapeHtml } from './escape-html';

/**
 * Rendered pages kept as text with holes ("slots") for what changes per request, so the costly
 * govuk-frontend macros run once per form, page, language and choice state, not on every request.
 */

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g');

/** The placeholder rendered in place of a slot's value. */
export function slot(name: string): string {
  return `${OPEN}${name}${CLOSE}`;
}

/** A page split at its slots: text, slot name, text, slot name, ..., text. */
type Compiled = string[];

function compile(html: string): Compiled {
  return html.split(SLOT);
}

function fill(parts: Compiled, values: Readonly<Record<string, string>>): string {
  let html = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    html += escapeHtml(values[parts[i] as string] ?? '') + (parts[i + 1] ?? '');
  }
  return html;
}

/** A bounded cache of compiled pages (the oldest entry goes first when it is full). */
export class PageCache {
  private readonly pages = new Map<string, Compiled>();

  constructor(private readonly maxEntries = 2000) {}

  /**
   * The page for this key with the slots filled in; `render` makes it (with `slot()` placeholders
   * where the values go) the first time. Values are HTML-escaped as the template would have.
   */
  get(key: string, render: () => string, values: Readonly<Record<string, string>>): string {
    let parts = this.pages.get(key);
    if (!parts) {
      parts = compile(render());
      if (this.pages.size >= this.maxEntries)
        this.pages.delete(this.pages.keys().next().value as string);
      this.pages.set(key, parts);
    }
    return fill(parts, values);
  }

  get size(): number {
    return this.pages.size;
  }
}
