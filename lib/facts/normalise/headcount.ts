import type { Band } from '../vocabulary';
import { bandFromObject, parseAmountOrBand, withinLimit } from './range';

/** Same bound as the vocabulary: no company has more than five million employees (Walmart has ~2.1M). */
export const MAX_EMPLOYEES = 5_000_000;

/** Nouns and labels around a headcount, in the languages LinkedIn and CRMs show ("201–500 employés"). */
const HEADCOUNT_WORDS =
  /(company size|employees on linkedin|associated members|team members|employees|employee|employés|employées|employes|salariés|salaries|beschäftigte|mitarbeitende|mitarbeiter|empleados|empleadas|dipendenti|funcionários|funcionarios|werknemers|medewerkers|anställda|staff|people|workers|size)/giu;

/** "Self-employed" / LinkedIn's "Myself only": a company of one. */
const SELF_EMPLOYED = /^(self[- ]?employed|myself only|just me|sole proprietor(ship)?|selbstständig|selbständig|indépendant|autónomo|freelance(r)?)$/i;

/** Crunchbase num_employees_enum: "c_00051_00100", "c_10001_max". */
const CRUNCHBASE_ENUM = /^c_(\d{5})_(\d{5}|max)$/i;
/** LinkedIn API staffCountRange: "SIZE_51_TO_200", "SIZE_10001_OR_MORE", "SIZE_1". */
const LINKEDIN_ENUM = /^size_(\d+)(?:_to_(\d+)|_or_more)?$/i;

function fromEnum(text: string): number | Band | undefined {
  const cb = text.match(CRUNCHBASE_ENUM);
  if (cb) {
    const min = Number(cb[1]);
    return cb[2].toLowerCase() === 'max' ? { min } : { min, max: Number(cb[2]) };
  }
  const li = text.match(LINKEDIN_ENUM);
  if (li) {
    const min = Number(li[1]);
    if (li[2]) return { min, max: Number(li[2]) };
    return /_or_more$/i.test(text) ? { min } : min;
  }
  return undefined;
}

/**
 * LinkedIn's top card abbreviates its standard bands: "1K-5K employees" is the 1,001-5,000 band, "10K+" is
 * 10,001+. A band whose lower bound is written as whole thousands with a K therefore starts one above it.
 * "501-1K" (lower bound not in K) and an exact "5K" are left alone.
 */
const LOWER_BOUND_IN_THOUSANDS = /^\d+\s*k(?!\p{L})/iu;

function fromAbbreviatedBand(bare: string, value: number | Band): number | Band {
  if (typeof value === 'number' || !LOWER_BOUND_IN_THOUSANDS.test(bare)) return value;
  if (value.min <= 0 || value.min % 1000 !== 0) return value;
  return { ...value, min: value.min + 1 };
}

export interface HeadcountOptions {
  /** Read "1K-5K" and "10K+" as LinkedIn's bands (1,001-5,000 and 10,001+). On for LinkedIn pages. */
  linkedinBands?: boolean;
}

/** Exact counts are whole people. */
function wholeCount(value: number | Band): number | Band {
  return typeof value === 'number' ? Math.round(value) : value;
}

/**
 * A headcount: an exact count or a band ({min, max?}, open-ended when max is absent). Reads LinkedIn bands in
 * several languages, Crunchbase and LinkedIn API enums, "5K", "3,250" and numbers. Absurd values (above
 * 5,000,000) and negative ones give undefined.
 */
export function parseHeadcount(input: unknown, locale?: string, options: HeadcountOptions = {}): number | Band | undefined {
  let value: number | Band | undefined;
  if (typeof input === 'number') value = Number.isFinite(input) ? input : undefined;
  else if (input && typeof input === 'object' && !Array.isArray(input)) value = bandFromObject(input);
  else if (typeof input === 'string') value = parseHeadcountText(input, locale, options);
  if (value === undefined || !withinLimit(value, MAX_EMPLOYEES)) return undefined;
  return wholeCount(value);
}

const DOT_GROUPED = /^\d{1,3}(\.\d{3})+(\s*[-–]\s*\d{1,3}(\.\d{3})+)?\+?$/;

function parseHeadcountText(input: string, locale: string | undefined, options: HeadcountOptions): number | Band | undefined {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 100) return undefined;
  if (SELF_EMPLOYED.test(text)) return 1;
  const fromCode = fromEnum(text);
  if (fromCode !== undefined) return fromCode;
  const bare = text.replace(HEADCOUNT_WORDS, ' ').replace(/[:()]/g, ' ').trim();
  // Headcounts are whole numbers: "1.200" or "1.001-5.000" with no locale can only use dots as thousands separators.
  if (!locale && DOT_GROUPED.test(bare)) locale = 'de-DE';
  // A noun we do not list ("51-200 Angestellte"): drop trailing words after a space and try again.
  // "12 k" still reads as 12,000 because the first attempt succeeds.
  const value = parseAmountOrBand(bare, locale) ?? parseAmountOrBand(bare.replace(/\s+\p{L}[\p{L}\s.]*$/u, ''), locale);
  return value !== undefined && options.linkedinBands ? fromAbbreviatedBand(bare, value) : value;
}
