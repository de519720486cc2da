/**
 * When to sync again. After a success: the normal interval. After failures: retry soon (a blip should not leave
 * the team on an old model for half an hour), then back off exponentially so a broken server is not hammered,
 * up to four intervals (and at least an hour).
 */
export const MIN_INTERVAL_MINUTES = 1;
export const FIRST_RETRY_MINUTES = 1;

export function maxBackoffMinutes(intervalMinutes: number): number {
  return Math.max(4 * intervalMinutes, 60);
}

/** Minutes until the next sync after `failures` failures in a row (0 = the last sync worked). */
export function nextSyncDelayMinutes(failures: number, intervalMinutes: number): number {
  const interval = Math.max(MIN_INTERVAL_MINUTES, intervalMinutes);
  if (failures <= 0) return interval;
  const backoff = FIRST_RETRY_MINUTES * 2 ** Math.min(failures - 1, 30);
  return Math.min(backoff, maxBackoffMinutes(interval));
}

/** The same in milliseconds, for alarm times. */
export function nextSyncDelay(failures: number, intervalMinutes: number): number {
  return nextSyncDelayMinutes(failures, intervalMinutes) * 60_000;
}
