import { windowDates } from '../../../../src/providers/availability-json/window-dates';

describe('windowDates', () => {
  it("counts the window's days from today in the provider's time zone", () => {
    // 23:30 UTC on 30 November is already 1 December in Madrid.
    const now = new Date('2026-11-30T23:30:00Z');

    expect(windowDates({ days: [0, 0], every: '15m' }, 'UTC', now)).toEqual(['2026-11-30']);
    expect(windowDates({ days: [0, 0], every: '15m' }, 'Europe/Madrid', now)).toEqual(['2026-12-01']);
    expect(windowDates({ days: [1, 6], every: '4h' }, 'Europe/Madrid', now)).toEqual([
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
  });

  it('crosses month and year ends, and daylight saving changes, one calendar day at a time', () => {
    const dates = windowDates(
      { days: [0, 40], every: '1d' },
      'Europe/Madrid',
      new Date('2026-12-20T12:00:00Z'),
    );

    expect(dates).toHaveLength(41);
    expect(dates[11]).toBe('2026-12-31');
    expect(dates[12]).toBe('2027-01-01');
    expect(new Set(dates).size).toBe(41);
  });
});
