import { readTypedReference } from '../../src/caseworker/typed-reference';

describe('typed-reference', () => {
  it.each(['K7QM-3XPD-9C', 'k7qm-3xpd-9c', ' k7qm 3xpd 9c ', 'K7QM3XPD9C', 'k7 qm–3x pd.9c'])(
    'reads %j as K7QM-3XPD-9C',
    (typed) => {
      expect(readTypedReference(typed)).toEqual({ kind: 'reference', reference: 'K7QM-3XPD-9C' });
    },
  );

  it('says nothing was typed for spaces and dashes alone', () => {
    expect(readTypedReference(' - ')).toEqual({ kind: 'empty' });
  });

  it.each(['K7QM-3XPD', 'K7QM-3XPD-9CA', 'K7QM-3XPD-90', 'BOB'])(
    'says %j cannot be a reference (wrong length, or a character references never use)',
    (typed) => {
      expect(readTypedReference(typed)).toEqual({ kind: 'malformed' });
    },
  );
});
