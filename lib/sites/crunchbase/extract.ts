import type { RawFacts } from '../../facts/raw';
import type { RawExtraction } from '../types';
import { domShowsOrganization } from './dom';
import { readFieldsCardLayout } from './read-dom-cards';
import { readTileLayout } from './read-dom-tiles';
import { readState } from './read-state';
import { matchUrl, parseOrganizationUrl } from './url';

/** Crunchbase is English-only and shows US formats ("$40M", "Mar 12, 2024"). */
const LOCALE = 'en-US';

/**
 * Reads the organisation the URL names. Sources, in order of precedence (an earlier source wins per fact):
 *   1. the embedded state, only if its permalink equals the URL's (it is stale after in-app navigation);
 *   2. the newer DOM layout, then 3. the older one — both only if the rendered tab bar links to the URL's permalink.
 * Returns null when no source shows this organisation (e.g. stale state and the new profile not rendered yet).
 */
export function extract(doc: Document, url: URL): RawExtraction | null {
  const ref = matchUrl(url);
  const page = parseOrganizationUrl(url);
  if (!ref || !page) return null;
  // The permalink from the URL, not from the key: a very long one is shortened in the key (record-key.ts).
  const { permalink } = page;

  const sources: RawFacts[] = [];
  const fromState = readState(doc, permalink);
  if (fromState) sources.push(fromState);
  if (domShowsOrganization(doc, permalink)) {
    const fromTiles = readTileLayout(doc);
    if (fromTiles) sources.push(fromTiles);
    const fromCards = readFieldsCardLayout(doc);
    if (fromCards) sources.push(fromCards);
  }
  if (sources.length === 0) return null;

  const raw = mergeFirstWins(sources);
  // The canonical profile URL comes from the URL alone (no tab, no query).
  raw.crunchbaseUrl = `https://www.crunchbase.com/organization/${permalink}`;
  return { ref, raw, locale: LOCALE };
}

/** The headquarters come either split (state) or as one free-text location (DOM): never mix two sources. */
const HQ_FACTS: (keyof RawFacts)[] = ['hqLocation', 'hqCity', 'hqRegion', 'hqCountry'];

/** Merges sources fact by fact; the first source that has a fact wins (the headquarters as one group). */
function mergeFirstWins(sources: RawFacts[]): RawFacts {
  const merged: RawFacts = {};
  for (const source of sources) {
    const hqTaken = HQ_FACTS.some((fact) => merged[fact] !== undefined);
    for (const [fact, value] of Object.entries(source) as [keyof RawFacts, unknown][]) {
      if (hqTaken && HQ_FACTS.includes(fact)) continue;
      if (merged[fact] === undefined && value !== undefined) merged[fact] = value;
    }
  }
  return merged;
}
