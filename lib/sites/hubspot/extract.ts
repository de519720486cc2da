import type { RawFacts } from '../../facts/raw';
import type { RawExtraction } from '../types';
import { readHeader } from './read-header';
import { propertiesToRaw, readOwnerByLabel, readOwnProperties } from './read-properties';
import { matchUrl, recordIdOf } from './url';

/**
 * Reads a HubSpot company record page into raw facts (not normalised: see lib/facts/normalise/).
 *
 * Sources, highest precedence first:
 *  1. the record's own property values (left sidebar / company properties cards) — HubSpot's stored values;
 *  2. the owner from a labelled field, when `hubspot_owner_id` renders no property input;
 *  3. the record header (company name), which renders before the sidebar cards load.
 * HubSpot record pages embed no per-record JSON we can tie to the record, so there is no structured-data reader.
 *
 * Returns null when the URL is not a company record, when no record header is shown (nothing then says whose
 * properties cards are on the page), when the header names another company record (a header left over from the
 * previous record after in-app navigation) or two headers disagree, or when nothing of the record is rendered yet.
 * A page showing only the header returns the name alone; the content script re-extracts when cards arrive.
 */
export function extract(doc: Document, url: URL): RawExtraction | null {
  const ref = matchUrl(url);
  if (!ref) return null;
  const recordId = recordIdOf(ref);

  const header = readHeader(doc, url, recordId);
  // The header is the only thing on the page that speaks for the record (it renders before the cards); without it,
  // a properties card could be one left over from the previous record.
  if (!header.found || header.showsOtherRecord) return null;

  const headerName = typeof header.raw.name === 'string' ? header.raw.name : undefined;
  const fromProperties = propertiesToRaw(readOwnProperties(doc, headerName));
  const fromLabels: RawFacts = {};
  if (fromProperties.owner === undefined) {
    const owner = readOwnerByLabel(doc);
    if (owner) fromLabels.owner = owner;
  }

  const raw = mergeRaw(fromProperties, fromLabels, header.raw);
  if (Object.keys(raw).length === 0) return null;
  raw.crmId = `hubspot:${recordId}`;

  const locale = doc.documentElement.getAttribute('lang')?.trim();
  return locale ? { ref, raw, locale } : { ref, raw };
}

/** Merges readers: a fact from an earlier reader wins over the same fact from a later one. */
function mergeRaw(...readings: RawFacts[]): RawFacts {
  const merged: RawFacts = {};
  for (const reading of readings) {
    for (const [fact, value] of Object.entries(reading) as [keyof RawFacts, unknown][]) {
      if (merged[fact] === undefined && value !== undefined) merged[fact] = value;
    }
  }
  return merged;
}
