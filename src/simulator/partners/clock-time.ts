/** `HH:MM` of a minute of the day, as the partner API writes start and end times. */
export function clockTime(minute: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}
