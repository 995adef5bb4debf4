import type { FormDefinition } from '../definition/types';
import { hasNoFixedAddress } from '../questions/address-summary';
import { isItemList, type Answers } from './answers';
import { catalogueOf } from './journey';

/** Whether any address answer of a submission is "I have no fixed address" (for the KPIs). */
export function usesNoFixedAddress(form: FormDefinition, answers: Answers): boolean {
  const catalogue = catalogueOf(form);
  const isAddress = (id: string) => catalogue.get(id)?.question.type === 'address';
  return Object.entries(answers).some(([id, value]) =>
    isItemList(value)
      ? value.some((item) =>
          Object.entries(item.answers).some(
            ([inner, v]) => isAddress(inner) && hasNoFixedAddress(v),
          ),
        )
      : isAddress(id) && hasNoFixedAddress(value),
  );
}
