import type { AddressQuestion } from '../definition/types';
import { PARTS, choicesOf, offersChoice } from './address-parts';
import type { PaperContext, PaperField } from './paper-field';

/**
 * The address on paper: a line for each part; when the person chooses, a tick box for each
 * choice first, then each choice's lines, labelled with the choice they belong to.
 */
export function addressPaper(q: AddressQuestion, { t }: PaperContext): PaperField[] {
  const choices = choicesOf(q);
  const label = (part: { name: string; label?: string }) =>
    t(`questions:address.${part.label ?? part.name}`);
  if (!offersChoice(q)) {
    return PARTS[choices[0] ?? 'uk'].map((part) => ({
      kind: 'write',
      label: label(part),
      lines: 1,
      width: part.name === 'postcode' ? 'short' : 'full',
    }));
  }
  const ticks: PaperField = {
    kind: 'tick',
    instruction: t('paper:tick.one'),
    multiple: false,
    options: choices.map((c) => ({ text: t(`questions:address.choice.${c}`) })),
  };
  return [
    ticks,
    ...choices.flatMap((choice) =>
      PARTS[choice].map((part): PaperField => ({
        kind: 'write',
        label: t('questions:address.paperLabel', {
          choice: t(`questions:address.choice.${choice}`),
          part: label(part),
        }),
        lines: 1,
        width: part.name === 'postcode' || part.name === 'phone' ? 'medium' : 'full',
      })),
    ),
  ];
}
