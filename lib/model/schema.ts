import { z } from 'zod';
import { factType, isFactName, isoDateSchema, SIGNAL_TYPES, type FactType } from '../facts/vocabulary';
import { DIMENSIONS, KINDS, type CriterionKind, type Dimension } from './dimensions';
import { evidenceSchema, type Evidence } from './evidence';

/**
 * The ICP model file (docs/model-format.md). One zod schema is the source of truth: the extension, the command line
 * and the published JSON Schema (docs/model.schema.json) all come from it.
 */

export const MODEL_FORMAT = 'icp-fit/model@1';
export { DIMENSIONS, KINDS, type CriterionKind, type Dimension } from './dimensions';
export { EVIDENCE_SOURCES, evidenceSchema, type Evidence, type EvidenceSource } from './evidence';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ids are letters, digits, ".", "_" or "-" (max 64)');
const positive = z.number().finite().positive('must be a positive number');
const stringList = z.array(z.string().min(1).max(200)).min(1, 'needs at least one value').max(1000);

/** Operators, each with the shape of its value. Which fact types an operator fits is in OPERATOR_TYPES. */
const conditionShapes = [
  z.object({ op: z.literal('eq'), value: z.union([z.string().min(1), z.number().finite(), z.boolean()]) }),
  z.object({ op: z.enum(['gte', 'gt', 'lte', 'lt']), value: z.number().finite() }),
  z.object({
    op: z.literal('between'),
    value: z
      .tuple([z.number().finite(), z.number().finite()])
      .refine(([a, b]) => a <= b, 'between needs [min, max] with min <= max'),
  }),
  z.object({ op: z.enum(['in', 'notIn']), value: stringList }),
  z.object({ op: z.enum(['anyOf', 'allOf', 'noneOf']), value: stringList }),
  z.object({ op: z.literal('is'), value: z.boolean() }),
  z.object({ op: z.literal('exists') }),
  z.object({ op: z.enum(['withinLastDays', 'withinNextDays']), value: z.number().int().positive() }),
  z.object({ op: z.enum(['before', 'after']), value: isoDateSchema }),
  z.object({
    op: z.literal('hasSignal'),
    value: z
      .object({
        types: z.array(z.enum(SIGNAL_TYPES)).min(1).optional(),
        withinLastDays: z.number().int().positive().optional(),
      })
      .strict(),
  }),
] as const;

/** Every operator, inferred from the condition shapes above (a new shape adds its operator here). */
export type Operator = z.output<(typeof conditionShapes)[number]>['op'];

/** Which fact types each operator fits. `custom.*` facts take any scalar operator (their type is known only per value). */
export const OPERATOR_TYPES: Record<Operator, readonly FactType[]> = {
  eq: ['string', 'number', 'boolean', 'custom'],
  gte: ['number', 'custom'],
  gt: ['number', 'custom'],
  lte: ['number', 'custom'],
  lt: ['number', 'custom'],
  between: ['number', 'custom'],
  in: ['string', 'custom'],
  notIn: ['string', 'custom'],
  anyOf: ['list'],
  allOf: ['list'],
  noneOf: ['list'],
  is: ['boolean', 'custom'],
  exists: ['string', 'number', 'boolean', 'date', 'list', 'signals', 'custom'],
  withinLastDays: ['date'],
  withinNextDays: ['date'],
  before: ['date'],
  after: ['date'],
  hasSignal: ['signals'],
};

export const operatorsForField = (field: string): Operator[] => {
  const type = factType(field);
  return type ? (Object.keys(OPERATOR_TYPES) as Operator[]).filter((op) => OPERATOR_TYPES[op].includes(type)) : [];
};

const field = z.string().refine(isFactName, {
  error: (issue) => `unknown fact "${String(issue.input)}" (see the fact vocabulary; imported columns are custom.<name>)`,
});

/** A condition on one fact: used by criteria and by segment definitions. */
export const conditionSchema = z.discriminatedUnion(
  'op',
  conditionShapes.map((shape) => shape.extend({ field }).strict()) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);


const criterionBase = {
  id,
  dimension: z.enum(DIMENSIONS),
  label: z.string().min(1).max(200),
  kind: z.enum(KINDS),
  points: positive.max(1000).optional(),
  rationale: z.string().max(2000).optional(),
  evidence: z.optional(evidenceSchema),
};

export const criterionSchema = z.discriminatedUnion(
  'op',
  conditionShapes.map((shape) => shape.extend({ field, ...criterionBase }).strict()) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);

const tierSchema = z
  .object({
    id,
    label: z.string().min(1).max(100),
    minScore: z.number().min(0).max(100),
    description: z.string().max(500).optional(),
  })
  .strict();

const segmentSchema = z
  .object({
    id,
    label: z.string().min(1).max(200),
    when: z.array(conditionSchema).min(1),
    evidence: evidenceSchema,
  })
  .strict();

/**
 * Where a derived model came from (icp derive): the file, its SHA-256, and a sketch of the accounts it was derived
 * on (the 8-hex FNV-1a hashes of up to 4,096 account keys, the smallest ones), so a backtest can warn when it tests
 * on the same accounts.
 */
export const derivedFromSchema = z
  .object({
    file: z.string().max(500).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex').optional(),
    until: z.optional(isoDateSchema),
    accounts: z.number().int().nonnegative(),
    deals: z.number().int().nonnegative(),
    accountHashes: z
      .string()
      .max(8 * 4096)
      .regex(/^(?:[0-9a-f]{8})*$/, 'account hashes are 8 hex digits each, concatenated'),
  })
  .strict();
export type DerivedFrom = z.infer<typeof derivedFromSchema>;

const dimensionWeights = z
  .object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().finite().nonnegative('weights are >= 0')])) as Record<
    Dimension,
    z.ZodNumber
  >)
  .strict();

export const modelSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(MODEL_FORMAT, { message: `format must be "${MODEL_FORMAT}"` }),
    id,
    name: z.string().min(1).max(120),
    version: z.number().int().positive(),
    updatedAt: z.iso.datetime({ offset: true, message: 'updatedAt must be an ISO date-time' }),
    description: z.string().max(2000).optional(),
    motion: z.enum(['sales-led', 'product-led', 'hybrid']).optional(),
    dimensions: dimensionWeights,
    criteria: z.array(criterionSchema).min(1, 'a model needs at least one criterion').max(500),
    tiers: z.array(tierSchema).min(1, 'a model needs at least one tier'),
    gate: z
      .object({
        /** A fit needs at least this confidence (0-1); under it the verdict is needs-data. */
        minConfidence: z
          .number()
          .min(0)
          .max(1)
          .default(0.5)
          .describe('A fit needs at least this confidence (0-1, share of the weight whose facts are known); under it the verdict is needs-data.'),
        /** The fit minimum: a fit needs at least this score (0-100); see the verdict table in docs/model-format.md. */
        minScore: z
          .number()
          .min(0)
          .max(100)
          .default(0)
          .describe('The fit minimum (0-100). Under it the verdict is needs-data while the potential score (every unknown passing) reaches it, not-fit when even that cannot.'),
      })
      .strict(),
    segments: z.array(segmentSchema).optional(),
    derivedFrom: derivedFromSchema.optional(),
  })
  .strict()
  .superRefine((model, ctx) => {
    for (const problem of crossCheckModel(model)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

type Loose = Record<string, unknown>;
const asArray = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);

/**
 * Rules across fields that a JSON Schema cannot say: unique ids, operators that fit the field's type, points where
 * they belong, tiers in order. Written for loosely-typed input so that a file with structural errors still gets
 * these reported too, all problems in one pass.
 */
export function crossCheckModel(model: Loose): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  const criteria = Array.isArray(model.criteria) ? (model.criteria as unknown[]) : [];
  const dims = (model.dimensions && typeof model.dimensions === 'object' ? model.dimensions : {}) as Loose;
  const seen = new Map<string, number>();
  criteria.forEach((raw, i) => {
    if (!raw || typeof raw !== 'object') return;
    const c = raw as Loose;
    const path = ['criteria', i];
    if (typeof c.id === 'string') {
      if (seen.has(c.id)) add([...path, 'id'], `duplicate criterion id "${c.id}" (also criteria[${seen.get(c.id)}])`);
      else seen.set(c.id, i);
    }
    const type = typeof c.field === 'string' ? factType(c.field) : undefined;
    const op = c.op as Operator;
    if (type && op in OPERATOR_TYPES && !OPERATOR_TYPES[op].includes(type))
      add([...path, 'op'], `operator "${op}" does not fit ${type} fact "${c.field}" (use one of: ${operatorsForField(c.field as string).join(', ')})`);
    if (c.kind === 'score' && c.points === undefined) add([...path, 'points'], 'a scored criterion needs positive points');
    if (c.kind === 'exclude' && c.points !== undefined) add([...path, 'points'], 'a hard-no (exclude) carries no points');
    if (typeof c.points === 'number' && dims[c.dimension as string] === 0)
      add([...path, 'points'], `points in dimension "${c.dimension}" count for nothing: its weight is 0`);
  });
  const tiers = asArray(model.tiers);
  const tierIds = new Set<unknown>();
  tiers.forEach((t, i) => {
    const prev = tiers[i - 1];
    if (prev && typeof t.minScore === 'number' && typeof prev.minScore === 'number' && t.minScore >= prev.minScore)
      add(['tiers', i, 'minScore'], `tiers must be ordered from the highest minScore down (${t.minScore} >= ${prev.minScore})`);
    if (tierIds.has(t.id)) add(['tiers', i, 'id'], `duplicate tier id "${String(t.id)}"`);
    tierIds.add(t.id);
  });
  // Tiers rank fits: a fit minimum under the lowest tier would leave fits without a tier.
  const gate = (model.gate && typeof model.gate === 'object' ? model.gate : {}) as Loose;
  const lowest = tiers.at(-1);
  if (lowest && typeof lowest.minScore === 'number' && typeof gate.minScore === 'number' && lowest.minScore > gate.minScore)
    add(['gate', 'minScore'], `the fit minimum (${gate.minScore}) is under the lowest tier's minScore (${lowest.minScore}): fits scoring ${gate.minScore}-${lowest.minScore - 1} would get no tier`);
  const weights = DIMENSIONS.map((d) => dims[d]);
  if (criteria.some((c) => (c as Loose)?.points !== undefined) && weights.every((w) => w === 0))
    add(['dimensions'], 'at least one dimension weight must be positive');
  return problems;
}

type ConditionShape = z.output<(typeof conditionShapes)[number]>;
/**
 * A condition as the schema reads it: the field and one operator with the shape of its value (`exists` has none;
 * it is spelled `value?: undefined` so that `condition.value` reads on every condition).
 */
export type Condition = { field: string } & (Exclude<ConditionShape, { op: 'exists' }> | { op: 'exists'; value?: undefined });

export type Criterion = Condition & {
  id: string;
  dimension: Dimension;
  label: string;
  kind: CriterionKind;
  points?: number;
  rationale?: string;
  evidence?: Evidence;
};

type Parsed = z.infer<typeof modelSchema>;
export type IcpModel = Omit<Parsed, 'criteria' | 'segments'> & {
  criteria: Criterion[];
  segments?: { id: string; label: string; when: Condition[]; evidence: Evidence }[];
};
export type Tier = IcpModel['tiers'][number];
