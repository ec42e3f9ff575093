import { addDays, isCalendarDate, todayIn } from '../../../src/domain/calendar-date';

describe('calendar dates', () => {
  it.each([
    ['2026-12-03', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-12-03T00:00:00', false],
    ['', false],
  ])('reads %j as a date that exists: %s', (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid);
  });

  it('adds days across months, years and a leap day, whatever the process time zone', () => {
    expect(addDays('2026-12-03', 59)).toBe('2027-01-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('says which day it is on the provider’s wall clocks, not in UTC', () => {
    const lateEvening = new Date('2026-12-03T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-12-03');
    expect(todayIn('Europe/Madrid', lateEvening)).toBe('2026-12-04');
    expect(todayIn('America/New_York', new Date('2026-12-04T03:00:00Z'))).toBe('2026-12-03');
  });
});
