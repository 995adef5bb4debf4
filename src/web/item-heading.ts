import type { Translate } from '../questions/question-type';

/** How an item of a repeating section is named on its pages: "Vehicle 2". */
export function itemHeading(
  t: Translate,
  lang: string,
  itemName: string,
  position: number,
): string {
  const name = itemName.charAt(0).toLocaleUpperCase(lang) + itemName.slice(1);
  return t('section.itemHeading', { itemName: name, position });
}
