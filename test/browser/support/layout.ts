import type { Page } from 'playwright-core';
import type { DomElement, DomField, DomRect, InPage } from './dom';

/** WCAG 2.5.8's minimum target size, in CSS pixels. */
export const MIN_TARGET = 24;

/**
 * Reflow (WCAG 1.4.10): the page does not scroll sideways. Names the widest elements that stick out
 * when it does.
 */
export async function horizontalScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as InPage;
    const root = w.document.scrollingElement;
    if (!root || root.scrollWidth <= root.clientWidth) return [];
    const describe = (e: DomElement) =>
      `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${
        e.className ? `.${String(e.className).trim().split(/\s+/).join('.')}` : ''
      }>`;
    // The innermost elements that reach past the viewport are the ones to fix.
    const wide = [...w.document.querySelectorAll('body *')].filter(
      (e) =>
        e.getBoundingClientRect().right > root.clientWidth + 0.5 &&
        ![...e.children].some((c) => c.getBoundingClientRect().right > root.clientWidth + 0.5),
    );
    return [
      `scrolls sideways: ${root.scrollWidth}px of content in ${root.clientWidth}px, ` +
        `sticking out: ${wide.slice(0, 5).map(describe).join(', ')}`,
    ];
  });
}

/**
 * Target size (WCAG 2.5.8), as this suite applies it to every visible link, button, field and
 * `<summary>`:
 * - a target is its bounding box; a radio or checkbox's target is its input and label together,
 *   since clicking either chooses it;
 * - it passes at 24x24 CSS px or more (half a pixel allowed for rounding);
 * - an undersized target passes under the inline exception when it is a link laid out inline in a
 *   line of other text (its height is set by the line-height of the text around it);
 * - otherwise under the spacing exception: a 24 px circle centred on its box must not meet any other
 *   target's box, nor the 24 px circle of another undersized target.
 * Visually hidden elements (1 px or less, like the skip link until it has focus) are not targets.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const w = globalThis as unknown as InPage;
    const describe = (e: DomElement) => {
      const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const name = e.getAttribute('name') ?? e.getAttribute('href') ?? '';
      return `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${name ? ` ${name}` : ''}>${text ? ` "${text}"` : ''}`;
    };
    const union = (a: DomRect, b: DomRect): DomRect => {
      const left = Math.min(a.left, b.left);
      const top = Math.min(a.top, b.top);
      const right = Math.max(a.right, b.right);
      const bottom = Math.max(a.bottom, b.bottom);
      return {
        x: left,
        y: top,
        left,
        top,
        right,
        bottom,
        width: right - left,
        height: bottom - top,
      };
    };
    const targets = [
      ...w.document.querySelectorAll(
        'a[href], button, input:not([type="hidden"]), select, textarea, summary',
      ),
    ].flatMap((element) => {
      const style = w.getComputedStyle(element);
      let box = element.getBoundingClientRect();
      if (style.visibility === 'hidden' || box.width <= 1 || box.height <= 1) return [];
      const field = element as DomField;
      if (field.type === 'radio' || field.type === 'checkbox') {
        for (const label of field.labels ?? []) box = union(box, label.getBoundingClientRect());
      }
      const block = element.parentElement?.closest('p, li, dd, dt, td, th, div, address');
      const inline =
        element.tagName === 'A' &&
        style.display === 'inline' &&
        (block?.textContent ?? '').replace(/\s+/g, '').length >
          (element.textContent ?? '').replace(/\s+/g, '').length;
      const small = box.width < min - 0.5 || box.height < min - 0.5;
      return [{ element, box, small, inline }];
    });
    const centre = (r: DomRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    const distanceToBox = (p: { x: number; y: number }, r: DomRect) =>
      Math.hypot(
        Math.max(r.left - p.x, 0, p.x - r.right),
        Math.max(r.top - p.y, 0, p.y - r.bottom),
      );
    const problems: string[] = [];
    for (const target of targets) {
      if (!target.small || target.inline) continue;
      const c = centre(target.box);
      const crowded = targets.find(
        (other) =>
          other !== target &&
          (distanceToBox(c, other.box) < min / 2 ||
            (other.small &&
              Math.hypot(c.x - centre(other.box).x, c.y - centre(other.box).y) < min)),
      );
      if (crowded) {
        problems.push(
          `${describe(target.element)} is ${Math.round(target.box.width)}x${Math.round(
            target.box.height,
          )}px and too close to ${describe(crowded.element)}`,
        );
      }
    }
    return problems;
  }, MIN_TARGET);
}
