import { CUSTOM_PREFIX, isCustomFact, STANDARD_FACT_NAMES } from '../facts/vocabulary';
import type { RawFactName } from '../facts/raw';
import {
  COMPANY_LEVEL_FACTS,
  COMPANY_PREFIXES,
  DEAL_LEVEL_HEADERS,
  DEAL_SIGNALS,
  FACT_ALIASES,
  OUTCOME_ALIASES,
  OUTCOME_COLUMNS,
  PEOPLE_SIGNALS,
  SCALED_HEADERS,
  type FactTarget,
  type OutcomeColumn,
} from './aliases';
import { customSlug, headerKey } from './headers';

/**
 * The one column mapping: a file's header row → where each column goes (a company fact, an outcome column the
 * builder reads, or `custom.<name>`). Used by `icp score`, the account-list import, `icp derive`/`backtest` and the
 * builder, so one header means the same thing everywhere. Pure: no I/O.
 */

/** Why a column went where it did; the previews show it. */
export type MappingRole = 'fact' | 'outcome' | 'custom' | 'person' | 'deal';

export interface ColumnMapping {
  /** Position in the header row. */
  index: number;
  /** The header as written in the file. */
  header: string;
  /** Where the column's values go when rows are read as companies: a fact, or `custom.<name>`. */
  fact: RawFactName;
  /** True when `fact` is a custom fact. */
  custom: boolean;
  /** The outcome column the builder reads from this column (its `fact` is then custom). */
  outcome?: OutcomeColumn;
  /** Multiply the numbers in the cell by this (ZoomInfo's "in 000s" amounts). */
  scale?: number;
  role: MappingRole;
  /** The user chose this mapping (--map, or the preview's select). */
  overridden: boolean;
}

/** What kind of export the headers look like: shown with the mapping, and it decides who "City" or "Name" describe. */
export interface FileMapping {
  columns: ColumnMapping[];
  /** Contacts or leads: unprefixed person columns (City, Title, Name…) are never company facts. */
  people: boolean;
  /** One row per deal: unqualified Name, Id, Owner and Type are the deal's. */
  deals: boolean;
  /** A name for the export ("HubSpot deals", "Apollo people"…), or undefined when it looks hand-made. */
  kind?: string;
}

/** A header's target chosen by the user: a fact, an outcome column, or "custom" to keep it as `custom.<name>`. */
export type MappingTarget = FactTarget | OutcomeColumn | `custom.${string}` | 'custom';

/** A header (as written, or any spelling with the same headerKey) → the user's target. */
export type MappingOverrides = Readonly<Record<string, MappingTarget>>;

const FACT_TARGETS: readonly FactTarget[] = [...STANDARD_FACT_NAMES, 'hqLocation'];
const isFactTarget = (t: string): t is FactTarget => (FACT_TARGETS as readonly string[]).includes(t);
const isOutcomeColumn = (t: string): t is OutcomeColumn => (OUTCOME_COLUMNS as readonly string[]).includes(t);

/** Every target a user can pick, for the previews' selects and --map's message. */
export const MAPPING_TARGETS: readonly MappingTarget[] = [...FACT_TARGETS, ...OUTCOME_COLUMNS, 'custom'];
/** What a column of an account list can be read as: facts only (lists carry no deal outcomes). */
export const FACT_MAPPING_TARGETS: readonly MappingTarget[] = [...FACT_TARGETS, 'custom'];

/** headerKey → [target, rank]; lower ranks win when two columns name the same target. */
function keyTable<T extends string>(aliases: Readonly<Partial<Record<T, readonly string[]>>>): Map<string, [T, number]> {
  const map = new Map<string, [T, number]>();
  for (const [target, list] of Object.entries(aliases) as [T, readonly string[]][])
    list.forEach((alias, rank) => {
      const key = headerKey(alias);
      if (!map.has(key)) map.set(key, [target, rank]);
    });
  return map;
}

const FACT_BY_KEY = (() => {
  const map = keyTable<FactTarget>(FACT_ALIASES);
  // An exact fact name ("revenueUsd", "hqCountry") names its fact, after every alias.
  for (const fact of FACT_TARGETS) if (!map.has(headerKey(fact))) map.set(headerKey(fact), [fact, 50]);
  return map;
})();
const OUTCOME_BY_KEY = keyTable<OutcomeColumn>(OUTCOME_ALIASES);
const SCALED_BY_KEY = new Map(Object.entries(SCALED_HEADERS).map(([h, s]) => [headerKey(h), s]));
const keySet = (headers: readonly string[]) => new Set(headers.map(headerKey));
const PEOPLE_KEYS = keySet(PEOPLE_SIGNALS);
const DEAL_KEYS = keySet(DEAL_SIGNALS);
const DEAL_LEVEL_KEYS = keySet(DEAL_LEVEL_HEADERS);
/** Sub-objects of Clearbit-style names ("Company Geo Country", "company.metrics.raised") after the company prefix. */
const ENRICHMENT_GROUPS = ['geo', 'metrics', 'category'];

const companyPrefixOf = (key: string) => COMPANY_PREFIXES.find((p) => key.startsWith(p) && key.length > p.length);
/** "Company", "Company Name", "Account ID": the header itself says it is about the company. */
const namesCompany = (key: string) => COMPANY_PREFIXES.some((p) => key.startsWith(p));

/** A fact named through a company prefix: "Company City" → hqCity, "company.geo.country" → hqCountry. */
function prefixedFact(key: string): [FactTarget, number] | undefined {
  const prefix = companyPrefixOf(key);
  if (!prefix) return undefined;
  let rest = key.slice(prefix.length);
  const group = ENRICHMENT_GROUPS.find((g) => rest.startsWith(g) && rest.length > g.length);
  if (group && !FACT_BY_KEY.has(rest)) rest = rest.slice(group.length);
  // "Company ID", "company.id": an id is the exporting tool's own, never our CRM id unless named so.
  if (rest === 'id') return undefined;
  const found = FACT_BY_KEY.get(rest);
  return found && [found[0], 100 + found[1]];
}

/** Looks like a known export? Only for the label; roles come from `people` and `deals`. */
function exportKind(keys: ReadonlySet<string>, people: boolean, deals: boolean): string | undefined {
  const has = (...headers: string[]) => headers.some((h) => keys.has(headerKey(h)));
  if (has('Apollo Contact Id', 'Apollo Account Id', 'Company Name for Emails')) return people ? 'Apollo people' : 'Apollo companies';
  if (has('ZoomInfo Company ID', 'Revenue (in 000s USD)', 'Primary Sub-Industry')) return 'ZoomInfo companies';
  if (has('Organization Name URL', 'CB Rank (Company)', 'Operating Status')) return 'Crunchbase organizations';
  if ([...keys].some((k) => k.startsWith('companymetrics') || k.startsWith('companygeo') || k.startsWith('companycategory'))) return 'Clearbit/Breeze enrichment';
  if (has('dealstage', 'hs_object_id', 'Company Domain Name', 'Deal Stage', 'Associated Company', 'Web Technologies'))
    return deals ? 'HubSpot deals' : people ? 'HubSpot contacts' : 'HubSpot companies';
  if (has('IsDeleted', 'StageName', 'IsWon', 'AccountId') || (has('Id') && has('OwnerId', 'NumberOfEmployees')))
    return deals ? 'Salesforce opportunities (Data Loader)' : 'Salesforce accounts (Data Loader)';
  if (has('Opportunity Name', 'Opportunity Owner') || (has('Account Name') && has('Account ID', 'Account Owner')))
    return deals ? 'Salesforce opportunities report' : 'Salesforce accounts report';
  return people ? 'people list' : deals ? 'deals' : undefined;
}

interface Candidate {
  role: MappingRole;
  target?: FactTarget | OutcomeColumn;
  rank: number;
  scale?: number;
  overridden?: boolean;
  /** For custom columns: a forced name (custom.x from an override or the header itself). */
  customName?: string;
}

function candidateFor(header: string, people: boolean, deals: boolean): Candidate {
  const trimmed = header.trim();
  if (isCustomFact(trimmed)) return { role: 'custom', rank: 0, customName: trimmed };
  const key = headerKey(trimmed);
  const scaled = SCALED_BY_KEY.get(key);
  if (scaled) return { role: 'fact', target: scaled.fact, rank: -1, scale: scaled.factor };
  const outcome = OUTCOME_BY_KEY.get(key);
  // A people export's "Stage" is the contact's stage: people files carry no deal outcomes.
  if (outcome) return people ? { role: 'person', rank: 0 } : { role: 'outcome', target: outcome[0], rank: outcome[1] };
  if (deals && DEAL_LEVEL_KEYS.has(key)) return { role: 'deal', rank: 0 };
  const direct = FACT_BY_KEY.get(key);
  if (direct && (!people || COMPANY_LEVEL_FACTS.has(direct[0]) || namesCompany(key))) return { role: 'fact', target: direct[0], rank: direct[1] };
  const prefixed = prefixedFact(key);
  if (prefixed) return { role: 'fact', target: prefixed[0], rank: prefixed[1] };
  if (people && (direct || PEOPLE_KEYS.has(key))) return { role: 'person', rank: 0 };
  return { role: 'custom', rank: 0 };
}

function overrideCandidate(target: MappingTarget): Candidate {
  if (target === 'custom') return { role: 'custom', rank: 0, overridden: true };
  if (isCustomFact(target)) return { role: 'custom', rank: 0, overridden: true, customName: target };
  if (isOutcomeColumn(target)) return { role: 'outcome', target, rank: -2, overridden: true };
  return { role: 'fact', target, rank: -2, overridden: true };
}

/** The `custom.<name>` a column keeps when it is no fact: people's and deals' own columns say whose they are. */
function customName(header: string, index: number, role: MappingRole): string {
  const slug = customSlug(header) || `column_${index + 1}`;
  if (role === 'person' && !slug.startsWith('person')) return `person_${slug}`.slice(0, 64);
  if (role === 'deal' && !slug.startsWith('deal')) return `deal_${slug}`.slice(0, 64);
  return slug;
}

/**
 * Maps a header row. `overrides` win over the aliases. When two columns name the same fact or outcome, the better
 * alias wins (see below) and the other stays a custom fact; two custom columns with the same name get "_2", "_3"…
 * so none is lost.
 */
export function mapHeaders(headers: readonly string[], overrides: MappingOverrides = {}): FileMapping {
  const keyOf = headers.map(headerKey);
  const keys = new Set(keyOf);
  const chosen = new Map(Object.entries(overrides).map(([h, t]) => [headerKey(h), t]));
  const count = (signals: ReadonlySet<string>) => [...keys].filter((k) => signals.has(k)).length;
  const people = count(PEOPLE_KEYS) >= 2;
  const deals = !people && count(DEAL_KEYS) >= 1;
  const candidates = headers.map((header, i) => {
    const override = chosen.get(keyOf[i]);
    return override !== undefined ? overrideCandidate(override) : candidateFor(header, people, deals);
  });

  // The best column per target: the better alias; between equal ones the smaller header key (so the result does not
  // depend on column order), then the earlier column.
  const winner = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (!c.target) return;
    const best = winner.get(c.target);
    const better = best === undefined || c.rank < candidates[best].rank || (c.rank === candidates[best].rank && keyOf[i] < keyOf[best]);
    if (better) winner.set(c.target, i);
  });

  const used = new Set<string>();
  const columns = headers.map((header, index): ColumnMapping => {
    const c = candidates[index];
    const overridden = c.overridden ?? false;
    if (c.target && winner.get(c.target) === index && c.role === 'fact') {
      used.add(c.target);
      return { index, header, fact: c.target as RawFactName, custom: false, role: 'fact', overridden, ...(c.scale ? { scale: c.scale } : {}) };
    }
    const won = c.target !== undefined && winner.get(c.target) === index;
    const role: MappingRole = won ? c.role : c.role === 'fact' || c.role === 'outcome' ? 'custom' : c.role;
    let fact = c.customName ?? `${CUSTOM_PREFIX}${customName(header, index, role)}`;
    const base = fact.slice(CUSTOM_PREFIX.length, CUSTOM_PREFIX.length + 60);
    for (let n = 2; used.has(fact); n++) fact = `${CUSTOM_PREFIX}${base}_${n}`;
    used.add(fact);
    return { index, header, fact: fact as RawFactName, custom: true, role, overridden, ...(won && c.role === 'outcome' ? { outcome: c.target as OutcomeColumn } : {}) };
  });
  return { columns, people, deals, kind: exportKind(keys, people, deals) };
}

/** The mapping's columns only (what row readers need). */
export const mapColumns = (headers: readonly string[], overrides: MappingOverrides = {}): ColumnMapping[] =>
  mapHeaders(headers, overrides).columns;

/** The fact a header names on its own (no other columns, no overrides), or undefined when it becomes custom. */
export function factForHeader(header: string): RawFactName | undefined {
  const [column] = mapColumns([header]);
  if (isCustomFact(header.trim())) return column.fact;
  return column.custom ? undefined : column.fact;
}

/** Checks a target a user typed or picked; undefined when it is none of MAPPING_TARGETS. */
export function parseTarget(text: string): MappingTarget | undefined {
  const t = text.trim();
  if (t === 'custom' || isFactTarget(t) || isOutcomeColumn(t)) return t;
  if (isCustomFact(t) && customSlug(t.slice(CUSTOM_PREFIX.length)) === t.slice(CUSTOM_PREFIX.length)) return t as MappingTarget;
  return undefined;
}

/**
 * `--map "Header=fact"` values (repeatable) → overrides. Throws an Error naming the bad value; headers the file
 * lacks are found by checkOverrides once the header row is known.
 */
export function parseMapOptions(values: readonly string[] | undefined): Record<string, MappingTarget> {
  const overrides: Record<string, MappingTarget> = {};
  for (const value of values ?? []) {
    const eq = value.lastIndexOf('=');
    const header = value.slice(0, eq).trim().replace(/^"(.*)"$/, '$1');
    const target = parseTarget(value.slice(eq + 1).trim());
    if (eq < 1 || !header || !target)
      throw new Error(`--map expects "<header>=<target>" with a target among ${MAPPING_TARGETS.join(', ')} or custom.<name>; got "${value}"`);
    overrides[header] = target;
  }
  return overrides;
}

/** Overrides naming a header the file does not have: a typo must not silently fall back to a guess. */
export function checkOverrides(headers: readonly string[], overrides: MappingOverrides): string[] {
  const keys = keySet(headers);
  return Object.keys(overrides)
    .filter((h) => !keys.has(headerKey(h)))
    .map((h) => `"${h}" (mapped to ${overrides[h]}) is not a header of the file; headers: ${headers.join(', ')}`);
}
