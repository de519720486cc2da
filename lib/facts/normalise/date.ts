/**
 * Dates as pages, CRMs and CSVs write them → ISO "YYYY-MM-DD": ISO dates and date-times, "Mar 5, 2024",
 * "5 mars 2024", "5. März 2024", "03/05/2024" (month first only for US English), "05.03.2024", epoch numbers.
 */

/** Month names and abbreviations in English, French, German, Spanish, Italian, Dutch and Portuguese (accents removed). */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'janvier', 'janv', 'januar', 'janner', 'jaenner', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro'],
  ['february', 'feb', 'fevrier', 'fevr', 'fev', 'februar', 'febrero', 'febbraio', 'februari', 'fevereiro', 'fev'],
  ['march', 'mar', 'mars', 'marz', 'maerz', 'mrz', 'mar', 'marzo', 'maart', 'mrt', 'marco'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maio'],
  ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'giu', 'junho'],
  ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro'],
  ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'decembre', 'dezember', 'dez', 'diciembre', 'dic', 'dicembre', 'dezembro'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** Words that may sit around a written date without changing it: "le 5 mars", "5 de marzo de 2024", weekdays. */
const FILLER_WORDS = new Set([
  'de', 'del', 'of', 'the', 'le', 'den', 'am', 'on', 'el', 'il', 'em', 'van',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "YYYY-MM-DD" when year / month / day make a real calendar date (no 30 February), else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years: 00-69 are 2000s, 70-99 are 1900s (the POSIX strptime rule). */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** Only US English (and bare "en", and no locale) writes the month first in numeric dates. */
function monthFirst(locale?: string): boolean {
  return !locale || /^en(-US)?$/i.test(locale);
}

/** Epoch numbers: milliseconds, or seconds when too small to be a date in milliseconds after 1973. */
function fromEpoch(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  const ms = Math.abs(n) < 1e11 ? n * 1000 : n;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** "2024-03-05", "2024-03-05T10:00:00Z", "2024-03", "2024/03/05": year first. */
function fromYearFirst(s: string): string | undefined {
  const dateTime = s.match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i);
  if (dateTime) {
    // The calendar date as written (the day the event happened where it happened), after checking the time.
    if (Number(dateTime[4]) > 23 || Number(dateTime[5]) > 59) return undefined;
    return isoDate(Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3]));
  }
  const ymd = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const ym = s.match(/^(\d{4})-(\d{2})$/);
  if (ym) return isoDate(Number(ym[1]), Number(ym[2]), 1);
  return undefined;
}

/** "03/05/2024", "05.03.2024", "5-3-24": day and month order from the separator and the locale. */
function fromNumeric(s: string, locale?: string): string | undefined {
  const m = s.match(/^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const year = fullYear(m[4]);
  // Dotted dates are day-first everywhere they are used (de, ru, pl…); slashes follow the locale.
  let dayFirst = m[2] === '.' || !monthFirst(locale);
  // When one reading is impossible, take the other ("13/05/2024" can only be 13 May).
  if (dayFirst && b > 12 && a <= 12) dayFirst = false;
  else if (!dayFirst && a > 12 && b <= 12) dayFirst = true;
  return dayFirst ? isoDate(year, b, a) : isoDate(year, a, b);
}

/** "March 5, 2024", "5 March 2024", "5. März 2024", "1er mars 2024", "March 2024" (→ the 1st). */
function fromWords(s: string): string | undefined {
  const tokens = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s,./-]+/)
    .filter(Boolean);
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  for (const token of tokens) {
    if (FILLER_WORDS.has(token)) continue;
    const number = token.match(/^(\d{1,4})(st|nd|rd|th|er|e|eme|º|o)?$/);
    if (number) {
      if (number[1].length === 4 && year === undefined) year = Number(number[1]);
      else if (number[1].length <= 2 && day === undefined) day = Number(number[1]);
      else return undefined;
      continue;
    }
    if (token in MONTHS && month === undefined) {
      month = MONTHS[token];
      continue;
    }
    return undefined; // an unknown word: not a date we understand
  }
  if (month === undefined || year === undefined) return undefined;
  return isoDate(year, month, day ?? 1);
}

/**
 * An ISO date "YYYY-MM-DD", or undefined. Numbers are epoch milliseconds (or seconds when below 1e11).
 * `locale` decides "03/05/2024": March 5 for en-US (and when no locale is given), 3 May elsewhere.
 */
export function parseDate(input: unknown, locale?: string): string | undefined {
  if (typeof input === 'number') return fromEpoch(input);
  if (input instanceof Date) return fromEpoch(input.getTime());
  if (typeof input !== 'string') return undefined;
  const s = input.trim();
  if (!s || s.length > 60) return undefined;
  if (/^\d{9,}$/.test(s)) return fromEpoch(Number(s)); // epoch in a CSV cell
  return fromYearFirst(s) ?? fromNumeric(s, locale) ?? fromWords(s);
}

/** The founded year: "Founded 2015", "Fondée en 2015", "2015", a date, or a number; 1600..2100 only. */
export function parseYear(input: unknown): number | undefined {
  let year: number | undefined;
  if (typeof input === 'number') year = input;
  else if (typeof input === 'string') {
    const s = input.trim();
    if (!s || s.length > 100) return undefined;
    const years = s.match(/(?<!\d)\d{4}(?!\d)/g) ?? [];
    const date = parseDate(s);
    if (years.length === 1 && !/\d{5,}/.test(s)) year = Number(years[0]);
    else if (date) year = Number(date.slice(0, 4));
  }
  if (year === undefined || !Number.isInteger(year) || year < 1600 || year > 2100) return undefined;
  return year;
}
