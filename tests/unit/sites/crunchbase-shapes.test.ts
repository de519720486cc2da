import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isObj } from '../../../lib/json/shapes';
import { httpStateOf, listEntryOf, locationOf, moneyOf, organizationOf, responseBody, roundOf, textOf } from '../../../lib/sites/crunchbase/shapes';
import { int, pick, random, type Rnd } from '../fuzz/seeds';

/**
 * Crunchbase's state is checked by hand in the content script (lib/sites/crunchbase/shapes.ts says why). These are
 * the zod schemas it was read with before, kept as the reference: on every generated value, each hand check must
 * give what its schema gave (the parsed value on success, undefined on failure).
 */
const field = <K extends string, T extends z.ZodMiniType>(key: K, schema: T) =>
  z.pipe(
    z.looseObject({ [key]: schema } as { [k in K]: T }),
    z.transform((v) => v[key] as z.output<T>),
  );
const text = z.union([z.string(), field('value', z.string())]);
const REFERENCE = {
  httpState: z.looseObject({ HttpState: z.record(z.string(), z.unknown()) }),
  cachedResponse: z.union([field('data', z.unknown()), field('body', z.unknown())]),
  organization: z.looseObject({
    properties: z.looseObject({ identifier: z.looseObject({ permalink: z.string() }) }),
    cards: z.optional(z.record(z.string(), z.unknown())),
  }),
  text,
  listEntry: z.union([text, field('name', z.string()), field('identifier', field('value', z.string()))]),
  money: z.union([z.number(), field('value_usd', z.number())]),
  location: z.looseObject({ value: z.string(), location_type: z.string() }),
  round: z.looseObject({
    identifier: z.optional(z.looseObject({ value: z.string() })),
    announced_on: z.optional(text),
    investment_type: z.optional(z.string()),
    money_raised: z.optional(z.unknown()),
  }),
};

const KEYS = ['value', 'name', 'identifier', 'value_usd', 'location_type', 'announced_on', 'investment_type', 'money_raised', 'data', 'body', 'properties', 'permalink', 'cards', 'HttpState', 'other'];
const LEAVES: unknown[] = ['', ' x ', 'Series B', '2021-05-03', 0, 40_000_000, -1, 1.5, Infinity, -Infinity, Number.NaN, null, true, false, undefined];

/** A JSON-like value (plus the non-finite numbers `1e309` parses to) from a small vocabulary of the state's keys. */
function value(rnd: Rnd, depth: number): unknown {
  const roll = int(rnd, 10);
  if (depth <= 0 || roll < 4) return pick(rnd, LEAVES);
  if (roll < 5) return Array.from({ length: int(rnd, 3) }, () => value(rnd, depth - 1));
  const object: Record<string, unknown> = {};
  for (let i = int(rnd, 4); i > 0; i--) object[pick(rnd, KEYS)] = value(rnd, depth - 1);
  return object;
}

/** Values shaped like the state's (a location, a round, an organisation response…), each part random, so some fail. */
function shaped(rnd: Rnd): unknown {
  // Mostly strings, which most of the state's fields are, so many values pass and the rest fail on one part.
  const leaf = () => (int(rnd, 5) < 3 ? pick(rnd, ['', 'city', ' Austin ', 'acme', '2021-05-03']) : int(rnd, 2) ? value(rnd, 2) : pick(rnd, LEAVES));
  const maybe = (make: () => unknown) => (int(rnd, 4) === 0 ? undefined : make());
  const templates: (() => unknown)[] = [
    () => ({ value: leaf(), location_type: leaf() }),
    () => ({ identifier: maybe(() => ({ value: leaf() })), announced_on: maybe(() => (int(rnd, 2) ? leaf() : { value: leaf() })), investment_type: maybe(leaf), money_raised: maybe(leaf) }),
    () => ({ [pick(rnd, ['data', 'body', 'other'])]: { properties: { identifier: { permalink: leaf() }, name: leaf() }, cards: maybe(() => (int(rnd, 3) ? { fields: value(rnd, 2) } : leaf())) } }),
    () => ({ properties: maybe(() => ({ identifier: maybe(() => ({ permalink: leaf() })) })), cards: maybe(leaf) }),
    () => ({ HttpState: int(rnd, 3) ? { 'GET /v4/data/entities/organizations/x': value(rnd, 2) } : leaf() }),
    () => ({ identifier: { value: leaf() }, name: maybe(leaf) }),
  ];
  return pick(rnd, templates)();
}

const ok = <T>(result: { success: boolean; data?: T }) => (result.success ? result.data : undefined);

describe("Crunchbase state shapes, checked by hand, against the zod schemas they replace", () => {
  const rnd = random(83);
  const values = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? value(rnd, 4) : shaped(rnd)));

  it('reads text, list entries, money and locations as the schemas did', () => {
    for (const v of values) {
      expect(textOf(v), JSON.stringify(v)).toEqual(ok(REFERENCE.text.safeParse(v)));
      expect(listEntryOf(v), JSON.stringify(v)).toEqual(ok(REFERENCE.listEntry.safeParse(v)));
      expect(moneyOf(v), JSON.stringify(v)).toEqual(ok(REFERENCE.money.safeParse(v)));
      const location = ok(REFERENCE.location.safeParse(v));
      expect(locationOf(v), JSON.stringify(v)).toEqual(location && { value: location.value, type: location.location_type });
    }
  });

  it('reads funding rounds as the schema did, skipping a round with a part of the wrong shape', () => {
    for (const v of values) {
      const round = ok(REFERENCE.round.safeParse(v));
      expect(roundOf(v), JSON.stringify(v)).toEqual(
        round && { identifier: round.identifier?.value, announcedOn: round.announced_on, investmentType: round.investment_type, moneyRaised: round.money_raised },
      );
    }
  });

  it('finds the cached responses and the organisation in them as the schemas did', () => {
    for (const v of values) {
      const body = REFERENCE.cachedResponse.safeParse(v);
      expect(responseBody(v), JSON.stringify(v)).toEqual(body.success ? { body: body.data } : undefined);
      const organization = ok(REFERENCE.organization.safeParse(v));
      expect(organizationOf(v), JSON.stringify(v)).toEqual(
        organization && { properties: organization.properties, cards: organization.cards ?? {}, permalink: organization.properties.identifier.permalink },
      );
      expect(httpStateOf(v, 'HttpState'), JSON.stringify(v)).toEqual(ok(REFERENCE.httpState.safeParse(v))?.HttpState);
    }
  });

  it('generated enough of each shape to mean something', () => {
    const count = (check: (v: unknown) => unknown) => values.filter((v) => check(v) !== undefined).length;
    expect(count(textOf)).toBeGreaterThan(500);
    expect(count(moneyOf)).toBeGreaterThan(500);
    expect(count(listEntryOf)).toBeGreaterThan(500);
    expect(count(locationOf)).toBeGreaterThan(200);
    expect(count(organizationOf)).toBeGreaterThan(200);
    expect(count((v) => (isObj(v) ? organizationOf(responseBody(v)?.body) : undefined))).toBeGreaterThan(200);
    expect(count(roundOf)).toBeGreaterThan(500);
    expect(count(responseBody)).toBeGreaterThan(500);
    expect(count((v) => httpStateOf(v, 'HttpState'))).toBeGreaterThan(200);
  });
});
