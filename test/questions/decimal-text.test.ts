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

describe('readDecimal in other languages', () => {
  it('reads Spanish separators, so 16.000 is sixteen thousand, never sixteen', () => {
    expect(readDecimal('16.000', 'es')).toEqual({ negative: false, whole: '16000', fraction: '' });
    expect(readDecimal('1.250,50', 'es')).toEqual({
      negative: false,
      whole: '1250',
      fraction: '5',
    });
    expect(readDecimal('12,5', 'es')).toEqual({ negative: false, whole: '12', fraction: '5' });
  });

  it('refuses a number that is ambiguous in the page language rather than guess', () => {
    expect(readDecimal('12.50', 'es')).toBeUndefined();
  });

  it('reads Arabic-Indic digits and the Arabic decimal separator', () => {
    expect(readDecimal('١٢٥٠٫٥', 'ar')).toEqual({ negative: false, whole: '1250', fraction: '5' });
    expect(readDecimal('۱۶', 'ar')).toEqual({ negative: false, whole: '16', fraction: '' });
  });
});
