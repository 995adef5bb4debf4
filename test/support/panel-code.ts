/**
 * The reference number or resume code a page shows in its panel, as a person copies it: the text of
 * `<strong class="cf-reference">` (or another class), its group spans and line-break hints removed.
 * @example panelCode(confirmationHtml) // 'K7QM-3XPD-9C'
 */
export function panelCode(html: string, className = 'cf-reference'): string | undefined {
  const inner = new RegExp(`<strong class="${className}"[^>]*>([\\s\\S]*?)</strong>`).exec(
    html,
  )?.[1];
  return inner?.replace(/<[^>]*>/g, '').trim();
}
