/**
 * The few DOM types the code run inside the page uses. The project compiles without TypeScript's
 * DOM library (the service is Node only), so functions passed to `page.evaluate` cast
 * `globalThis` to `InPage` instead of using the DOM's globals.
 *
 * @example
 *   await page.evaluate(() => (globalThis as unknown as InPage).document.title);
 */

export interface DomRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface DomStyle {
  readonly display: string;
  readonly visibility: string;
  readonly outlineStyle: string;
  readonly outlineWidth: string;
  readonly outlineColor: string;
  readonly boxShadow: string;
  readonly backgroundColor: string;
  readonly borderTopWidth: string;
  readonly borderBottomColor: string;
  readonly textDecorationLine: string;
  readonly fontFamily: string;
}

export interface DomElement {
  readonly tagName: string;
  readonly id: string;
  readonly className: string;
  readonly textContent: string | null;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly parentElement: DomElement | null;
  readonly children: ArrayLike<DomElement> & Iterable<DomElement>;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  matches(selector: string): boolean;
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  getBoundingClientRect(): DomRect;
  /** A bit mask: 2 when `other` comes before this element, 4 when it comes after. */
  compareDocumentPosition(other: DomElement): number;
  getClientRects(): ArrayLike<DomRect> & Iterable<DomRect>;
}

/** Inputs, selects and textareas. */
export interface DomField extends DomElement {
  readonly type: string;
  readonly name: string;
  value: string;
  checked: boolean;
  selectedIndex: number;
  readonly labels: (ArrayLike<DomElement> & Iterable<DomElement>) | null;
}

/** A text node: the characters between tags. */
export interface DomText {
  readonly data: string;
}

/** A stretch of a text node, to measure where its characters are drawn. */
export interface DomRange {
  setStart(node: DomText, offset: number): void;
  setEnd(node: DomText, offset: number): void;
  getBoundingClientRect(): DomRect;
}

/** Walks the text nodes under an element (`createTreeWalker(root, 4)`: NodeFilter.SHOW_TEXT). */
export interface DomTextWalker {
  nextNode(): DomText | null;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly body: DomElement;
  readonly title: string;
  readonly activeElement: DomElement | null;
  readonly scrollingElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  getElementById(id: string): DomElement | null;
  createRange(): DomRange;
  createTreeWalker(root: DomElement, whatToShow: 4): DomTextWalker;
}

/** `globalThis` inside the page. */
export interface InPage {
  readonly document: DomDocument;
  readonly innerWidth: number;
  getComputedStyle(element: DomElement, pseudo?: string): DomStyle;
}
