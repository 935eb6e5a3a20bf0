// Ranges and buckets of the analytics reads, in UTC: a range starts at the top of the hour `days` back,
// and series are zero-filled so a chart's x axis has no gaps.
import type { AnalyticsInterval } from '@genonaut/contracts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function rangeStart(days: number, now = Date.now()): Date {
  return new Date(Math.floor((now - days * DAY) / HOUR) * HOUR);
}

/** Hourly points for up to two days, daily beyond (a week of hours is 168 points, too many for a chart). */
export function intervalFor(days: number, asked: AnalyticsInterval | undefined): AnalyticsInterval {
  return asked ?? (days <= 2 ? 'hour' : 'day');
}

export function bucketOfTime(at: Date, interval: AnalyticsInterval): number {
  const width = interval === 'hour' ? HOUR : DAY;
  return Math.floor(at.getTime() / width) * width;
}

/** Every bucket start from `since` to now, oldest first. */
export function bucketStarts(since: Date, interval: AnalyticsInterval, now = Date.now()): number[] {
  const width = interval === 'hour' ? HOUR : DAY;
  const starts: number[] = [];
  for (let t = bucketOfTime(since, interval); t <= now; t += width) starts.push(t);
  return starts;
}

export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export const roundMs = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
