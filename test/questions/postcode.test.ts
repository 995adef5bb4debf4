import { ukPostcode } from '../../src/questions/postcode';

describe('ukPostcode', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    ['  sw1a   1aa ', 'SW1A 1AA'],
    ['W1A 0AX', 'W1A 0AX'],
    ['m1 1ae', 'M1 1AE'],
    ['dn55-1pt', 'DN55 1PT'],
    ['EC1A.1BB', 'EC1A 1BB'],
  ])('writes %j as %j', (typed, written) => {
    expect(ukPostcode(typed)).toBe(written);
  });

  it.each(['', 'SW1A', '1AA 1AA', 'SW1A 1A', 'SW1A 1AAA', 'SW1A 1ÀA', '12345'])(
    'says %j is not a postcode',
    (typed) => {
      expect(ukPostcode(typed)).toBeUndefined();
    },
  );
});
