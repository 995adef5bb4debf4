import { monthFromName } from '../../src/questions/month-names';

describe('monthFromName', () => {
  it.each([
    ['January', 1],
    ['jan', 1],
    ['FEB', 2],
    ['may', 5],
    ['Sept', 9],
    ['sept.', 9],
    ['sep', 9],
    ['December', 12],
  ])('reads %j as month %d', (text, month) => {
    expect(monthFromName(text)).toBe(month);
  });

  it.each(['', 'ja', 'janu', 'marchh', '3', 'Mawrth'])('does not read %j as a month', (text) => {
    expect(monthFromName(text)).toBeUndefined();
  });
});

describe('month names in the page language', () => {
  it.each([
    ['Chwefror', 'cy', 2],
    ['mawrth', 'cy', 3],
    ['Septiembre', 'es', 9],
    ['dic.', 'es', 12],
    ['فبراير', 'ar', 2],
    ['March', 'cy', 3],
  ])('reads %s in %s as month %i', (typed, lang, month) => {
    expect(monthFromName(typed, lang)).toBe(month);
  });

  it('does not take another language’s month names on an English page', () => {
    expect(monthFromName('febrero', 'en')).toBeUndefined();
  });
});
