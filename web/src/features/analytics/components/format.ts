// Number and time formats of the analytics page (UTC, as the API counts).
export const formatCount = (n: number) => n.toLocaleString('en-US');

export const formatMs = (ms: number | null) =>
  ms === null ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`;

export const formatPercent = (rate: number | null) =>
  rate === null ? '–' : `${(rate * 100).toFixed(rate > 0 && rate < 0.01 ? 2 : 1)} %`;

/** An x-axis label of a series point: `14:00` for hours, `Mar 3` for days (UTC). */
export function formatBucket(iso: string, interval: 'hour' | 'day'): string {
  const date = new Date(iso);
  return interval === 'hour'
    ? `${String(date.getUTCHours()).padStart(2, '0')}:00`
    : date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
