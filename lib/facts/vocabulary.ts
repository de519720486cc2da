import { z } from 'zod';
import type { ZodMiniType } from 'zod/mini';
import { lazySchemas } from '../json/lazy-schemas';
import { isCustomFact, type CustomFactName } from './custom';
import { BUYING_PROCESSES, COMPANY_TYPES, FUNDING_STAGES, LIFECYCLE_STAGES, SIGNAL_TYPES } from './enums';
import { isoDateSchema, type FactSource } from './source';

// Split out so the content script can use them without building this file's schemas; re-exported for everyone else.
export { CUSTOM_PREFIX, isCustomFact, type CustomFactName } from './custom';
export { factSourceSchema, isoDateSchema, SOURCE_KINDS, type FactSource, type SourceKind } from './source';
export { BUYING_PROCESSES, COMPANY_TYPES, FUNDING_STAGES, LIFECYCLE_STAGES, SIGNAL_TYPES, type FundingStage, type SignalType } from './enums';

/**
 * The one fact vocabulary shared by pages, CSVs, models and the card (see shared/notes/product.md).
 * Values here are already normalised: adapters and importers normalise at the edge (lib/facts/normalise/),
 * and everything behind them (engine, storage, card) sees only these shapes.
 */

/** A numeric band such as LinkedIn's "1,001-5,000 employees". `max` absent means open-ended ("10,001+"). */
export const bandSchema = z
  .object({ min: z.number().finite().nonnegative(), max: z.number().finite().nonnegative().optional() })
  .strict()
  .refine((b) => b.max === undefined || b.max >= b.min, { message: 'band max must be >= min' });
export type Band = z.infer<typeof bandSchema>;

/** An exact count or a band. Upper bounds stop absurd values (a hostile page claiming 10^30 employees). */
const MAX_EMPLOYEES = 5_000_000;
const MAX_USD = 1e13;
const countOrBand = (max: number) =>
  z.union([
    z.number().finite().nonnegative().max(max),
    bandSchema.refine((b) => b.min <= max && (b.max ?? 0) <= max, { message: `band above ${max}` }),
  ]);


export const signalSchema = z
  .object({
    type: z.enum(SIGNAL_TYPES),
    date: isoDateSchema,
    title: z.string().max(500).optional(),
    /** Set on a signal derived from another fact (lib/facts/derive.ts): it speaks only for its own type. */
    from: z.string().max(100).optional(),
  })
  .strict();
export type Signal = z.infer<typeof signalSchema>;

const text = (max = 300) => z.string().trim().min(1).max(max);
const httpUrl = () =>
  z
    .string()
    .max(2000)
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'only http(s) URLs');

/**
 * A fact's type, and its zod schema built on first use. The content script loads this file for the facts' names
 * and types but checks no fact value with it, and building every schema (zod builds each chained step) took 5-9 ms
 * of the card's time in Chromium; elsewhere each is built once, when first needed.
 */
function fact<const T extends FactType, S extends z.ZodType | ZodMiniType>(type: T, build: () => S): { readonly type: T; readonly schema: S } {
  const schema = lazySchemas(build);
  return {
    type,
    get schema() {
      return schema();
    },
  };
}

/**
 * Each fact: its zod schema and its type, which decides which model operators fit it
 * (OPERATOR_TYPES in lib/model/schema.ts). `custom.<name>` facts are typed by value at run time.
 */
export const FACTS = {
  name: fact('string', () => text(300)),
  domain: fact('string', () => z.string().regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'expected a bare domain like acme.com')),
  linkedinUrl: fact('string', httpUrl),
  crunchbaseUrl: fact('string', httpUrl),
  crmId: fact('string', () => text(100)),
  industry: fact('string', () => text(150)),
  subIndustry: fact('string', () => text(150)),
  employees: fact('number', () => countOrBand(MAX_EMPLOYEES)),
  revenueUsd: fact('number', () => countOrBand(MAX_USD)),
  hqCountry: fact('string', () => z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code')),
  hqRegion: fact('string', () => text(150)),
  hqCity: fact('string', () => text(150)),
  foundedYear: fact('number', () => z.number().int().min(1600).max(2100)),
  companyType: fact('string', () => z.enum(COMPANY_TYPES)),
  fundingStage: fact('string', () => z.enum(FUNDING_STAGES)),
  totalFundingUsd: fact('number', () => z.number().finite().nonnegative().max(MAX_USD)),
  lastFundingDate: fact('date', () => isoDateSchema),
  /** Percent change over six months: 12 means +12 %. */
  employeeGrowth6m: fact('number', () => z.number().finite().min(-100).max(10_000)),
  technologies: fact('list', () => z.array(text(100)).max(500)),
  signals: fact('signals', () => z.array(signalSchema).max(500)),
  buyingProcess: fact('string', () => z.enum(BUYING_PROCESSES)),
  championIdentified: fact('boolean', () => z.boolean()),
  budgetOwnerKnown: fact('boolean', () => z.boolean()),
  incumbentVendor: fact('string', () => text(150)),
  contractRenewalDate: fact('date', () => isoDateSchema),
  openToPilot: fact('boolean', () => z.boolean()),
  lifecycleStage: fact('string', () => z.enum(LIFECYCLE_STAGES)),
  owner: fact('string', () => text(150)),
} as const satisfies Record<string, { schema: z.ZodType | ZodMiniType; type: FactType }>;

export type FactType = 'string' | 'number' | 'boolean' | 'date' | 'list' | 'signals' | 'custom';
export type StandardFactName = keyof typeof FACTS;
export type FactName = StandardFactName | CustomFactName;
export const STANDARD_FACT_NAMES = Object.keys(FACTS) as StandardFactName[];

/** Values of custom (imported) columns: scalars only. */
export const customValueSchema = z.union([z.string().max(1000), z.number().finite(), z.boolean()]);

/** Own properties only: a CSV header named "toString" or "__proto__" is not a fact. */
const isStandard = (name: string): name is StandardFactName => Object.hasOwn(FACTS, name);
export const isFactName = (name: string): name is FactName => isStandard(name) || isCustomFact(name);

export function factType(name: string): FactType | undefined {
  if (isStandard(name)) return FACTS[name].type;
  if (isCustomFact(name)) return 'custom';
  return undefined;
}

export function factSchema(name: string): z.ZodType | ZodMiniType | undefined {
  if (isStandard(name)) return FACTS[name].schema;
  if (isCustomFact(name)) return customValueSchema;
  return undefined;
}

/** The value shapes, by fact name. */
export type FactValueMap = { [K in StandardFactName]: z.infer<(typeof FACTS)[K]['schema']> };
export type FactValue = FactValueMap[StandardFactName] | z.infer<typeof customValueSchema>;


export interface Fact<V = FactValue> {
  value: V;
  source: FactSource;
}

/** Company facts: one fact per name. Custom facts use the key `custom.<name>`. */
export type CompanyFacts = Partial<{ [K in StandardFactName]: Fact<FactValueMap[K]> }> & {
  [custom: CustomFactName]: Fact<string | number | boolean> | undefined;
};

/** Plain values, what the engine reads. */
export type FactValues = Partial<FactValueMap> & { [custom: CustomFactName]: string | number | boolean | undefined };
