/**
 * Localised numbers as pages and CSV exports write them: "3,250", "1.234" (de-DE), "1 234" (fr-FR, with a
 * no-break space), "1,5" (de), "5K", "2.5M", "1,2 Mio.", "$62,000,000".
 */

/** Magnitude words and suffixes, lower-case, each with its multiplier. Longest first so "mio." wins over "m". */
const MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['thousand', 1e3],
  ['tausend', 1e3],
  ['million', 1e6],
  ['millions', 1e6],
  ['millionen', 1e6],
  ['millones', 1e6],
  ['billion', 1e9],
  ['billions', 1e9],
  ['milliard', 1e9],
  ['milliards', 1e9],
  ['milliarden', 1e9],
  ['trillion', 1e12],
  ['mrd.', 1e9],
  ['mrd', 1e9],
  ['mds', 1e9],
  ['md', 1e9],
  ['mio.', 1e6],
  ['mio', 1e6],
  ['tsd.', 1e3],
  ['tsd', 1e3],
  ['mln', 1e6],
  ['bn', 1e9],
  ['mn', 1e6],
  ['mm', 1e6], // finance shorthand: "$10MM" is ten million
  ['k', 1e3],
  ['m', 1e6],
  ['b', 1e9],
];

/** Currency marks we strip. Which currency it was is the caller's business (see revenue.ts). */
const CURRENCY = /(us\$|usd|eur|gbp|chf|cad|aud|jpy|inr|[$€£¥₹₩])/gi;

/** Spaces used as thousands separators: space, no-break space, narrow no-break space, thin space; and "'" (de-CH). */
const GROUP_SPACES = /[\s\u00A0\u202F\u2009'’]/g;

/** The decimal separator a locale uses: "." for en, "," for de / fr / es… Unknown locales fall back to en. */
export function decimalSeparator(locale?: string): '.' | ',' {
  if (!locale) return '.';
  try {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part?.value === ',' ? ',' : '.';
  } catch {
    return '.'; // an invalid locale tag: read it as English rather than throw
  }
}

/** The multiplier of a trailing magnitude word ("5K", "1,2 Mio."), and the text before it. */
export function splitMagnitude(text: string): { body: string; multiplier: number; hasMagnitude: boolean } {
  const lower = text.toLowerCase().trimEnd();
  for (const [word, multiplier] of MAGNITUDES) {
    if (!lower.endsWith(word)) continue;
    const body = text.slice(0, lower.length - word.length).trimEnd();
    // The word must follow a digit (with optional space): "5K", "12 k", but not "desk".
    if (/\d$/.test(body)) return { body, multiplier, hasMagnitude: true };
  }
  return { body: text, multiplier: 1, hasMagnitude: false };
}

/**
 * Reads digits with grouping and decimal separators. One separator kind used once is ambiguous ("1,234"):
 * the locale's decimal separator decides, unless the digits after it cannot be a thousands group.
 */
function readDigits(body: string, locale?: string): number | undefined {
  let s = body.replace(GROUP_SPACES, '');
  let sign = 1;
  if (/^[-−]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  // Plain or scientific notation without separators ("62000000", "6.2E+07" from spreadsheets).
  if (/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s) && !/^\d{1,3}\.\d{3}$/.test(s)) {
    const n = Number(s);
    return Number.isFinite(n) ? sign * n : undefined;
  }
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return undefined;

  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let decimal: '.' | ',' | undefined;
  if (dots > 0 && commas > 0) {
    decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ','; // "1,234.5" / "1.234,5"
  } else if (dots + commas === 1) {
    const sep = dots ? '.' : ',';
    const afterSep = s.length - s.indexOf(sep) - 1;
    decimal = sep === decimalSeparator(locale) || afterSep !== 3 ? sep : undefined;
  } else {
    decimal = undefined; // "1,234,567" / "1.234.567": repeated, so grouping
  }
  const group = decimal ? (decimal === '.' ? ',' : '.') : commas ? ',' : '.';
  const [intPart, fracPart, extra] = decimal ? s.split(decimal) : [s];
  if (extra !== undefined || (fracPart !== undefined && !/^\d+$/.test(fracPart))) return undefined;
  // Groups after the first must be exactly three digits ("1,2345" is not a number).
  const groups = intPart.split(group);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) {
    return undefined;
  }
  const n = Number(groups.join('') + (fracPart !== undefined ? `.${fracPart}` : ''));
  return Number.isFinite(n) ? sign * n : undefined;
}

/**
 * A number from localised text, or undefined. Currency symbols are stripped; "K/M/B", "Mio./Mrd." and
 * "thousand/million/billion" multiply. Numbers pass through when finite.
 */
export function parseLocalisedNumber(text: string | number, locale?: string): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const stripped = text.replace(CURRENCY, '').trim();
  if (!stripped || stripped.length > 60) return undefined;
  const { body, multiplier } = splitMagnitude(stripped);
  const n = readDigits(body.trim(), locale);
  if (n === undefined) return undefined;
  const result = n * multiplier;
  // Round away float noise from the multiplier (2.3 * 1e6 = 2299999.9999999995).
  const rounded = multiplier > 1 ? Math.round(result * 1e6) / 1e6 : result;
  return Number.isFinite(rounded) ? rounded : undefined;
}
