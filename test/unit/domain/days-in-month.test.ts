import { daysInMonth } from '../../../src/domain/days-in-month';

describe('daysInMonth', () => {
  it('gives February 29 days in years divisible by 4, except centuries not divisible by 400', () => {
    expect([2020, 2021, 1900, 2000, 0].map((year) => daysInMonth(year, 2))).toEqual([29, 28, 28, 29, 29]);
  });

  it('gives 30 days to April, June, September and November, 31 to the other months', () => {
    const months = [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    expect(months.map((month) => daysInMonth(2021, month))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});
