/** Small text helpers shared by the normalisers. */

/** Trims and collapses runs of whitespace (including no-break spaces) to one space. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00A0\u202F\u2009]+/g, ' ').trim();
}

/**
 * A lookup key: lower-case, accents removed, "&" read as "and", punctuation and "and"/"the" dropped, spaces
 * collapsed. "Food & Beverages", "FOOD_BEVERAGES" and "food and beverages" all give "food beverages".
 */
export function lookupKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’`]/g, '')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .split(' ')
    .filter((w) => w && w !== 'and' && w !== 'the')
    .join(' ');
}

/** Quotes a raw value for a problem message, cut to 80 characters. */
export function quoteRaw(raw: unknown): string {
  let s: string;
  if (typeof raw === 'string') s = raw;
  else if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') s = String(raw);
  else {
    try {
      s = JSON.stringify(raw) ?? String(raw);
    } catch {
      s = String(raw);
    }
  }
  return `"${s.length > 80 ? `${s.slice(0, 80)}…` : s}"`;
}
