import { z } from 'zod';
import { isCustomFact, type CustomFactName } from './custom';
import { isoDateSchema, type FactSource } from './source';

// Split out so the content script can use them without building this file's schemas; re-exported for everyone else.
export { CUSTOM_PREFIX, isCustomFact, type CustomFactName } from './custom';
export { factSourceSchema, isoDateSchema, SOURCE_KINDS, type FactSource, type SourceKind } from './source';

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


export const FUNDING_STAGES = [
  'bootstrapped',
  'pre-seed',
  'seed',
  'series-a',
  'series-b',
  'series-c',
  'series-d',
  'series-e-plus',
  'series-unknown',
  'private-equity',
  'debt',
  'grant',
  'public',
  'acquired',
  'other',
] as const;
export type FundingStage = (typeof FUNDING_STAGES)[number];

export const COMPANY_TYPES = [
  'public',
  'private',
  'nonprofit',
  'government',
  'educational',
  'partnership',
  'self-employed',
  'other',
] as const;

export const BUYING_PROCESSES = ['champion-led', 'committee', 'founder-led', 'procurement'] as const;

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
  'evangelist',
  'churned',
  'other',
] as const;

export const SIGNAL_TYPES = [
  'funding',
  'leadership-hire',
  'headcount-change',
  'tech-stack-change',
  'product-activation',
  'acquisition',
  'news',
  'other',
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

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
const httpUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'only http(s) URLs');

/**
 * Each fact: its zod schema and its type, which decides which model operators fit it
 * (OPERATOR_TYPES in lib/model/schema.ts). `custom.<name>` facts are typed by value at run time.
 */
export const FACTS = {
  name: { schema: text(300), type: 'string' },
  domain: { schema: z.string().regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'expected a bare domain like acme.com'), type: 'string' },
  linkedinUrl: { schema: httpUrl, type: 'string' },
  crunchbaseUrl: { schema: httpUrl, type: 'string' },
  crmId: { schema: text(100), type: 'string' },
  industry: { schema: text(150), type: 'string' },
  subIndustry: { schema: text(150), type: 'string' },
  employees: { schema: countOrBand(MAX_EMPLOYEES), type: 'number' },
  revenueUsd: { schema: countOrBand(MAX_USD), type: 'number' },
  hqCountry: { schema: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code'), type: 'string' },
  hqRegion: { schema: text(150), type: 'string' },
  hqCity: { schema: text(150), type: 'string' },
  foundedYear: { schema: z.number().int().min(1600).max(2100), type: 'number' },
  companyType: { schema: z.enum(COMPANY_TYPES), type: 'string' },
  fundingStage: { schema: z.enum(FUNDING_STAGES), type: 'string' },
  totalFundingUsd: { schema: z.number().finite().nonnegative().max(MAX_USD), type: 'number' },
  lastFundingDate: { schema: isoDateSchema, type: 'date' },
  /** Percent change over six months: 12 means +12 %. */
  employeeGrowth6m: { schema: z.number().finite().min(-100).max(10_000), type: 'number' },
  technologies: { schema: z.array(text(100)).max(500), type: 'list' },
  signals: { schema: z.array(signalSchema).max(500), type: 'signals' },
  buyingProcess: { schema: z.enum(BUYING_PROCESSES), type: 'string' },
  championIdentified: { schema: z.boolean(), type: 'boolean' },
  budgetOwnerKnown: { schema: z.boolean(), type: 'boolean' },
  incumbentVendor: { schema: text(150), type: 'string' },
  contractRenewalDate: { schema: isoDateSchema, type: 'date' },
  openToPilot: { schema: z.boolean(), type: 'boolean' },
  lifecycleStage: { schema: z.enum(LIFECYCLE_STAGES), type: 'string' },
  owner: { schema: text(150), type: 'string' },
} as const satisfies Record<string, { schema: z.ZodType; type: FactType }>;

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

export function factSchema(name: string): z.ZodType | undefined {
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
