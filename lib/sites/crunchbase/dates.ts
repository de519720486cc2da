/**
 * Crunchbase dates as ISO `YYYY-MM-DD`: the state holds ISO dates already; the DOM shows "Mar 12, 2024"
 * (Crunchbase is English-only). Needed to order funding rounds and to build dated signals.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2024-03-12", "2024-03-12T00:00:00Z", "Mar 12, 2024", "March 12, 2024" → "2024-03-12"; anything else → undefined. */
export function toIsoDate(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(trimmed);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const shown = /^([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4})$/.exec(trimmed);
  if (shown) {
    const month = MONTHS.indexOf(shown[1]!.slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return checked(Number(shown[3]), month, Number(shown[2]));
  }
  return undefined;
}

/** Formats the date only if it exists in the calendar (no 2024-02-31). */
function checked(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
