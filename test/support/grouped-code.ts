/**
 * The markup views/partials/grouped-code.njk gives a reference number or code: left to right and
 * isolated from the words around it, each group (with its dash) a piece of its own, a line break
 * allowed only after a dash.
 */
export function groupedCode(code: string, classes?: string): string {
  const groups = code.split('-');
  const spans = groups.map(
    (group, i) => `<span class="cf-code-group">${group}${i < groups.length - 1 ? '-' : ''}</span>`,
  );
  return `<strong${classes ? ` class="${classes}"` : ''} dir="ltr">${spans.join('<wbr>')}</strong>`;
}
