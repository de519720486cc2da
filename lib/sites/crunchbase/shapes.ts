import { finite, isObj, string, type Obj } from '../../json/shapes';

/**
 * The shapes of Crunchbase's embedded state, checked by hand (lib/json/shapes.ts says why): building and first running
 * its zod schemas (about twenty) took 1.2-1.4 ms of the 4.5 ms read (traced in Chromium). Each function below gives
 * what its zod schema gave, or undefined where that failed; tests/unit/sites/crunchbase-shapes.test.ts holds the zod
 * schemas as the reference and compares them on generated values. A required key must be present; an optional one
 * may be absent but not null.
 */

/** `{ [key]: value }` with the key present: its value, checked by `check`. */
function field<T>(value: unknown, key: string, check: (inner: unknown) => T | undefined): T | undefined {
  return isObj(value) && key in value ? check(value[key]) : undefined;
}

/** Angular's TransferState: `{ HttpState: { <request>: <cached response> } }` → the map of requests. */
export function httpStateOf(state: unknown, key: string): Obj | undefined {
  const requests = isObj(state) ? state[key] : undefined;
  return isObj(requests) ? requests : undefined;
}

/** A cached response: the body sits under `data` (current) or `body` (Angular's default shape). */
export function responseBody(response: unknown): { body: unknown } | undefined {
  if (!isObj(response)) return undefined;
  if ('data' in response) return { body: response.data };
  if ('body' in response) return { body: response.body };
  return undefined;
}

/** An organisation response: `properties.identifier.permalink` (a string), and `cards` when present (an object). */
export function organizationOf(body: unknown): { properties: Obj; cards: Obj; permalink: string } | undefined {
  if (!isObj(body) || !isObj(body.properties)) return undefined;
  const permalink = field(body.properties.identifier, 'permalink', string);
  if (permalink === undefined) return undefined;
  if (body.cards !== undefined && !isObj(body.cards)) return undefined;
  return { properties: body.properties, cards: isObj(body.cards) ? body.cards : {}, permalink };
}

/** A plain string, or an object carrying it as `value` (`{ value: "https://…" }`, `{ value: "2015-03-01" }`). */
export function textOf(value: unknown): string | undefined {
  return string(value) ?? field(value, 'value', string);
}

/** A list entry: a string, `{ value }` (categories), `{ name }` or `{ identifier: { value } }` (technologies). */
export function listEntryOf(value: unknown): string | undefined {
  return textOf(value) ?? field(value, 'name', string) ?? field(value, 'identifier', (identifier) => field(identifier, 'value', string));
}

/** A number of US dollars, or `{ value_usd }`. */
export function moneyOf(value: unknown): number | undefined {
  return finite(value) ?? field(value, 'value_usd', finite);
}

/** One of `location_identifiers`: its name (`value`) and `location_type`. */
export function locationOf(value: unknown): { value: string; type: string } | undefined {
  const place = field(value, 'value', string);
  const type = field(value, 'location_type', string);
  return place !== undefined && type !== undefined ? { value: place, type } : undefined;
}

/** A funding round: every part optional, but a part that is there must have its shape, or the round is skipped. */
export function roundOf(value: unknown): { identifier?: string; announcedOn?: string; investmentType?: string; moneyRaised?: unknown } | undefined {
  if (!isObj(value)) return undefined;
  const optional = <T>(key: string, check: (inner: unknown) => T | undefined): { ok: boolean; value?: T } => {
    if (value[key] === undefined) return { ok: true };
    const checked = check(value[key]);
    return checked === undefined ? { ok: false } : { ok: true, value: checked };
  };
  const identifier = optional('identifier', (inner) => field(inner, 'value', string));
  const announcedOn = optional('announced_on', textOf);
  const investmentType = optional('investment_type', string);
  if (!identifier.ok || !announcedOn.ok || !investmentType.ok) return undefined;
  return { identifier: identifier.value, announcedOn: announcedOn.value, investmentType: investmentType.value, moneyRaised: value.money_raised };
}
