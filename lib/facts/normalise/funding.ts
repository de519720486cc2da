import { FUNDING_STAGES, type FundingStage } from '../vocabulary';
import { lookupKey } from './text';

/**
 * Funding stages as Crunchbase ("Series B", "series_b", "Venture - Series Unknown", "post_ipo_equity"), LinkedIn
 * and CRMs write them → the vocabulary's FUNDING_STAGES. Keys go through lookupKey (case, "_", "-" do not matter).
 */
const STAGE_ALIASES: Readonly<Record<string, FundingStage>> = {
  bootstrapped: 'bootstrapped',
  'self funded': 'bootstrapped',
  'pre seed': 'pre-seed',
  preseed: 'pre-seed',
  seed: 'seed',
  // Angel money comes before or alongside a seed round; ICPs treat both as seed-stage.
  angel: 'seed',
  'angel round': 'seed',
  // A convertible note is mostly early financing before a priced round (Crunchbase records most of them at seed
  // stage). A later "bridge" note also exists; we accept that it reads as seed too.
  'convertible note': 'seed',
  'series unknown': 'series-unknown',
  'venture series unknown': 'series-unknown',
  venture: 'series-unknown',
  'venture round': 'series-unknown',
  'private equity': 'private-equity',
  pe: 'private-equity',
  'debt financing': 'debt',
  debt: 'debt',
  'venture debt': 'debt',
  grant: 'grant',
  'non equity assistance': 'grant',
  ipo: 'public',
  public: 'public',
  'initial public offering': 'public',
  'post ipo equity': 'public',
  'post ipo debt': 'public',
  'post ipo secondary': 'public',
  acquired: 'acquired',
  acquisition: 'acquired',
  'corporate round': 'other',
  'equity crowdfunding': 'other',
  'product crowdfunding': 'other',
  'initial coin offering': 'other',
  ico: 'other',
  'secondary market': 'other',
  undisclosed: 'other',
  'funding round': 'other',
  other: 'other',
};

/** Words around a stage that do not change it: "Series A round", "Seed funding". */
const FILLER = /\b(round|funding|financing|stage)\b$/;

/** A FUNDING_STAGES value, or undefined for text that names no stage. */
export function parseFundingStage(input: string): FundingStage | undefined {
  if (typeof input !== 'string') return undefined;
  const raw = input.trim();
  if (!raw || raw.length > 100) return undefined;
  if ((FUNDING_STAGES as readonly string[]).includes(raw)) return raw as FundingStage; // already normal
  let key = lookupKey(raw);
  if (key === 'series e plus') return 'series-e-plus';
  for (let i = 0; i < 2 && !(key in STAGE_ALIASES) && FILLER.test(key); i++) key = key.replace(FILLER, '').trim();
  if (key in STAGE_ALIASES) return STAGE_ALIASES[key];
  // "Series A" … "Series J", also "venture series c": letters after D are all "E and later".
  const series = key.match(/^(?:venture )?series ([a-z])\+?$/);
  if (series) {
    const letter = series[1];
    if (letter >= 'a' && letter <= 'd') return `series-${letter}` as FundingStage;
    return 'series-e-plus';
  }
  return undefined;
}
