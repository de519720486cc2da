import type { RawFacts } from '../../facts/raw';
import { toIsoDate } from './dates';
import { formatUsd, fundingSignals, latestRoundDate, roundLabel, type FundingRound } from './funding';
import { LOCATION_TYPES, STATE_FIELDS } from './selectors';
import { listEntryOf, locationOf, moneyOf, roundOf, textOf } from './shapes';
import { findOrganizations, isLocked, stateField, type OrganizationEntity } from './state';

/**
 * Raw facts from the embedded Angular state (`ng-state` / `client-app-state`), only for the organisation whose
 * permalink is `permalink`. Returns null when the state holds no such organisation. Values stay raw: enums like
 * "c_00251_00500" and "r_00010000", categories as a list, country names as written.
 */
export function readState(doc: Document, permalink: string): RawFacts | null {
  const entities = findOrganizations(doc, permalink);
  if (entities.length === 0) return null;

  const raw: RawFacts = {};
  const name = identifierName(entities);
  set(raw, 'name', name);

  set(raw, 'domain', website(text(stateField(entities, STATE_FIELDS.website))));
  set(raw, 'linkedinUrl', linkedin(entities));

  const categories = list(stateField(entities, STATE_FIELDS.categories));
  if (categories.length > 0) raw.industry = categories;

  set(raw, 'employees', text(stateField(entities, STATE_FIELDS.employees)));
  set(raw, 'revenueUsd', text(stateField(entities, STATE_FIELDS.revenue)));
  Object.assign(raw, locations(stateField(entities, STATE_FIELDS.locations)));
  set(raw, 'foundedYear', text(stateField(entities, STATE_FIELDS.foundedOn)));
  set(raw, 'fundingStage', text(stateField(entities, STATE_FIELDS.lastFundingType)));
  set(raw, 'companyType', text(stateField(entities, STATE_FIELDS.ipoStatus)));
  set(raw, 'totalFundingUsd', usd(stateField(entities, STATE_FIELDS.fundingTotal)));

  const rounds = fundingRounds(stateField(entities, STATE_FIELDS.fundingRounds), name);
  if (rounds.length > 0) raw.signals = fundingSignals(rounds);
  const lastFundingAt = text(stateField(entities, STATE_FIELDS.lastFundingAt));
  set(raw, 'lastFundingDate', latestRoundDate(rounds) ?? (lastFundingAt ? toIsoDate(lastFundingAt) : undefined));

  const technologies = list(stateField(entities, STATE_FIELDS.technologies));
  if (technologies.length > 0) raw.technologies = technologies;

  return raw;
}

// --- values (their shapes checked by hand, see shapes.ts: the state is outside input) -------------------------------

function text(value: unknown): string | undefined {
  if (isLocked(value)) return undefined;
  const trimmed = textOf(value)?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

function usd(value: unknown): number | undefined {
  if (isLocked(value)) return undefined;
  return moneyOf(value);
}

function list(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const entries: string[] = [];
  for (const item of value) {
    if (isLocked(item)) continue;
    const entry = listEntryOf(item)?.trim() ?? '';
    if (entry !== '' && !entries.includes(entry)) entries.push(entry);
  }
  return entries;
}

// --- readers ---------------------------------------------------------------------------------------------------------

function identifierName(entities: OrganizationEntity[]): string | undefined {
  for (const entity of entities) {
    const name = text(entity.properties['identifier']);
    if (name) return name;
  }
  return undefined;
}

/** `social_fields.linkedin.value` (only http(s) URLs). */
function linkedin(entities: OrganizationEntity[]): string | undefined {
  const social = stateField(entities, STATE_FIELDS.socialFields);
  if (typeof social !== 'object' || social === null || isLocked(social)) return undefined;
  return httpUrl(text((social as Record<string, unknown>)[STATE_FIELDS.linkedin]));
}

/** `location_identifiers[]` → hqCity / hqRegion / hqCountry by `location_type` (continents are ignored). */
function locations(value: unknown): RawFacts {
  const raw: RawFacts = {};
  if (!Array.isArray(value)) return raw;
  for (const item of value) {
    const location = locationOf(item);
    if (!location) continue;
    const { value: place, type } = location;
    if (type === LOCATION_TYPES.city) raw.hqCity ??= place;
    else if (type === LOCATION_TYPES.region) raw.hqRegion ??= place;
    else if (type === LOCATION_TYPES.country) raw.hqCountry ??= place;
  }
  return raw;
}

function fundingRounds(value: unknown, companyName: string | undefined): FundingRound[] {
  if (!Array.isArray(value)) return [];
  const rounds: FundingRound[] = [];
  for (const item of value) {
    if (isLocked(item)) continue;
    const round = roundOf(item);
    if (!round) continue;
    const announced = text(round.announcedOn);
    const date = announced ? toIsoDate(announced) : undefined;
    if (!date) continue;
    const amount = usd(round.moneyRaised);
    const label = roundLabel(round.identifier, companyName, round.investmentType);
    rounds.push({ date, label, amount: amount === undefined ? undefined : formatUsd(amount) });
  }
  return rounds;
}

/** The website as given ("https://www.acme.io"); a value with another scheme (javascript:, mailto:) is dropped. */
function website(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(value) ? httpUrl(value) : value;
}

/** Only http(s) URLs become URL facts. */
function httpUrl(value: string | undefined): string | undefined {
  return value !== undefined && /^https?:\/\//i.test(value) ? value : undefined;
}

function set(raw: RawFacts, fact: keyof RawFacts, value: unknown): void {
  if (value !== undefined && value !== '') raw[fact] = value;
}
