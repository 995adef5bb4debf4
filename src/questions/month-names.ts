const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * The month (1 to 12) an English month name stands for, in any case, in full or as its first three
 * letters ("Sept" too), or undefined when it names no month. People type these into the month box.
 * @example monthFromName('Sept') // 9
 */
export function monthFromName(text: string): number | undefined {
  const word = text.toLowerCase().replace(/\.$/, '');
  if (word === 'sept') return 9;
  const index = MONTHS.findIndex((month) => month === word || month.slice(0, 3) === word);
  return index === -1 ? undefined : index + 1;
}
