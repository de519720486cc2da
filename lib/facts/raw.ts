import type { SiteId } from '../sites/list';
import type { FactName } from './vocabulary';

/**
 * Facts as a page or a CSV gives them, before normalisation: strings like "1,001-5,000 employees", enums like
 * "c_00051_00100" or "COMPUTER_SOFTWARE", numbers, lists. `hqLocation` is a free-text location ("Portland, Oregon")
 * that normalisation splits into hqCity / hqRegion / hqCountry.
 */
export type RawFactName = FactName | 'hqLocation';
export type RawFacts = Partial<Record<RawFactName, unknown>>;

/** Which edge the raw values come from: picks the right enum tables (HubSpot industries, Crunchbase categories…). */
export type RawOrigin = SiteId | 'csv' | 'user';
