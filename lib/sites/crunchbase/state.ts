import { PAGE_JSON_MAX_DEPTH, parseJsonWithinLimits } from '../../json/limits';
import {
  ANGULAR_ESCAPES,
  HTTP_STATE_KEY,
  LEGACY_STATE_SCRIPT,
  LOCKED_FLAG,
  NG_STATE_SCRIPT,
  ORGANIZATION_REQUEST_FRAGMENT,
} from './selectors';
import { isObj } from '../../json/shapes';
import { httpStateOf, organizationOf, responseBody } from './shapes';

/**
 * Finds the organisation in Crunchbase's server-rendered Angular state (`ng-state`, or the legacy
 * `client-app-state`). That state reflects only the first page loaded in the tab, so an entity is returned only
 * when its `identifier.permalink` equals the permalink of the URL being read.
 */

/** One organisation response: `properties` (identity) and `cards` (groups of fields). */
export interface OrganizationEntity {
  properties: Record<string, unknown>;
  cards: Record<string, unknown>;
}

/** Every organisation response in the embedded state whose permalink equals `permalink` (several requests may exist, e.g. summary and financials). */
export function findOrganizations(doc: Document, permalink: string): OrganizationEntity[] {
  const found: OrganizationEntity[] = [];
  for (const state of embeddedStates(doc)) {
    for (const [request, response] of Object.entries(state)) {
      if (!request.includes(ORGANIZATION_REQUEST_FRAGMENT)) continue;
      const body = responseBody(response);
      const entity = body && organizationOf(body.body);
      if (!entity) continue;
      // Identity check: ng-state from the first-loaded organisation stays in the DOM after in-app navigation.
      if (entity.permalink.toLowerCase() !== permalink) continue;
      found.push({ properties: entity.properties, cards: entity.cards });
    }
  }
  return found;
}

/** For the page diagnostic: organisation responses in the embedded state, and how many are this organisation's. */
export function stateStats(doc: Document, permalink: string): { responses: number; matched: number } {
  const responses = embeddedStates(doc).flatMap((state) => Object.keys(state)).filter((k) => k.includes(ORGANIZATION_REQUEST_FRAGMENT)).length;
  return { responses, matched: findOrganizations(doc, permalink).length };
}

/** The HttpState maps of both script variants, parsed (unparseable scripts are skipped). */
function embeddedStates(doc: Document): Record<string, unknown>[] {
  const texts: string[] = [];
  const current = doc.querySelector(NG_STATE_SCRIPT)?.textContent;
  if (current) texts.push(current);
  const legacy = doc.querySelector(LEGACY_STATE_SCRIPT)?.textContent;
  if (legacy) texts.push(unescapeAngular(legacy));

  const states: Record<string, unknown>[] = [];
  for (const text of texts) {
    const requests = httpStateOf(parseJsonWithinLimits(text, PAGE_JSON_MAX_DEPTH), HTTP_STATE_KEY);
    if (requests) states.push(requests);
  }
  return states;
}

/** Reverses Angular's TransferState escaping (`&q;` → `"`, `&a;` → `&` …) in one pass, so `&a;q;` stays `&q;`. */
export function unescapeAngular(text: string): string {
  return text.replace(/&[a-z];/g, (escape) => ANGULAR_ESCAPES[escape] ?? escape);
}



/** Pro-only values come as `{ is_locked: true }`: such a value (or card) counts as absent. */
export function isLocked(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[LOCKED_FLAG] === true;
}

/**
 * A field from the organisation's cards, wherever it sits: a card of that name (list cards such as
 * `funding_rounds_list`), a field of any card, or a property. Locked cards and locked values are skipped.
 */
export function stateField(entities: OrganizationEntity[], field: string): unknown {
  for (const entity of entities) {
    const ownCard = entity.cards[field];
    if (ownCard !== undefined && !isLocked(ownCard)) return ownCard;
  }
  for (const entity of entities) {
    for (const card of [...Object.values(entity.cards), entity.properties]) {
      if (!isObj(card) || isLocked(card)) continue;
      const value = card[field];
      if (value !== undefined && value !== null && !isLocked(value)) return value;
    }
  }
  return undefined;
}
