import { decimalValue, readDecimal } from '../../src/questions/decimal-text';

describe('readDecimal', () => {
  it.each([
    ['1250', 1250],
    [' 1,250.50 ', 1250.5],
    ['1 234 567', 1234567],
    ['1,234,567.891', 1234567.891],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['-12.5', -12.5],
    ['\u22123', -3],
  ])('reads %j as %d', (typed, value) => {
    const decimal = readDecimal(typed);
    expect(decimal).toBeDefined();
    expect(decimal && decimalValue(decimal)).toBe(value);
  });

  it('keeps the digits, so decimal places can be counted exactly', () => {
    expect(readDecimal('007.250')).toEqual({ negative: false, whole: '7', fraction: '25' });
    expect(readDecimal('-0.00')).toEqual({ negative: false, whole: '0', fraction: '' });
  });

  it.each(['', '.', '-', '1,5', '12,34.5', '1,2345', ',123', '1.2.3', '1e3', '£5', 'five'])(
    'does not read %j as a number',
    (typed) => {
      expect(readDecimal(typed)).toBeUndefined();
    },
  );
});
