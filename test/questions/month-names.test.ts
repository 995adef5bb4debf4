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
