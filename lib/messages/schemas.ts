import { z } from 'zod';
import type { Fact } from '../facts/vocabulary';
import { factSchema, factSourceSchema, isFactName } from '../facts/vocabulary';
import { modelSchema, type IcpModel } from '../model/schema';
import { companyFactsSchema } from '../storage/company-facts';
import { newExceptionSchema } from '../storage/exceptions';
import { SETTING_KEYS, SETTING_SCHEMAS, settingsSchema, type SettingKey } from '../storage/settings';
import type { FactConflict } from '../facts/merge';
import { scorePageRequestSchema, scorePageResponseSchema } from './page';
import { scoreResultSchema } from '../engine/result-schema';

/**
 * Every message between the content script / popup / options page and the background, as zod schemas discriminated
 * by `type`. Requests are checked by the sender and by the background; responses by the sender. A response is
 * `{ ok: true, ...data }` or `{ ok: false, error }`.
 */

const accountKey = z.string().min(1).max(300);

export const requestSchema = z.discriminatedUnion('type', [
  /** Score page facts against the active models, merged with what the database knows about the account. */
  z
    .object({
      type: z.literal('score'),
      facts: companyFactsSchema,
      /** The site record key ("li:acme", "hs:123:0-2:987"): finds stored facts and answers for this record. */
      recordKey: accountKey.optional(),
    })
    .strict(),
  scorePageRequestSchema,
  z.object({ type: z.literal('getActiveModels') }).strict(),
  z.object({ type: z.literal('getSettings') }).strict(),
  z
    .object({ type: z.literal('setSetting'), key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]), value: z.unknown() })
    .strict()
    .superRefine((msg, ctx) => {
      const checked = SETTING_SCHEMAS[msg.key].safeParse(msg.value);
      if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
    }),
  /** A user's answer to a fact (usually a relationship question) for an account. */
  z
    .object({
      type: z.literal('saveAnswer'),
      accountKey,
      field: z.string().refine(isFactName, 'unknown fact'),
      value: z.unknown(),
      /** Who answered; defaults to the userName setting. */
      author: z.string().max(200).optional(),
      /** Lets the answer be found from the company's other records (another site, a list row). */
      domain: z.string().max(253).optional(),
      name: z.string().max(300).optional(),
    })
    .strict()
    .superRefine((msg, ctx) => {
      const checked = factSchema(msg.field)?.safeParse(msg.value);
      if (checked && !checked.success) ctx.addIssue({ code: 'custom', path: ['value'], message: `not a valid value for ${msg.field}` });
    }),
  /** An account advanced although not fit. `user` defaults to the userName setting. */
  newExceptionSchema.omit({ at: true }).extend({ type: z.literal('logException'), user: z.string().trim().max(200).optional() }).strict(),
]);

export type MessageRequest = z.output<typeof requestSchema>;
export type RequestType = MessageRequest['type'];
/** What a caller passes for a request of type T. */
export type RequestInput<T extends RequestType> = Extract<z.input<typeof requestSchema>, { type: T }>;
export const REQUEST_TYPES: readonly RequestType[] = ['score', 'scorePage', 'getActiveModels', 'getSettings', 'setSetting', 'saveAnswer', 'logException'];

const failure = z.object({ ok: z.literal(false), error: z.string() }).strict();
const success = <S extends z.ZodRawShape>(shape: S) => z.object({ ok: z.literal(true), ...shape }).strict();

const factWithSource = z.object({ value: z.unknown(), source: factSourceSchema }) as unknown as z.ZodType<Fact>;
const conflictSchema: z.ZodType<FactConflict> = z.object({ field: z.string(), chosen: factWithSource, others: z.array(factWithSource) });
const exceptionSchema = newExceptionSchema.extend({ id: z.number().int(), at: z.string() });
const noteSchema = z.object({
  id: z.number().int(),
  accountKey: z.string(),
  field: z.string().optional(),
  value: z.unknown().optional(),
  text: z.string().optional(),
  author: z.string().optional(),
  at: z.string(),
});

export const scoreDataSchema = {
  /** The best result over the active models; null when no model is active. */
  best: scoreResultSchema.nullable(),
  /** One result per active model, in model order. */
  results: z.array(scoreResultSchema),
  /** The facts that were scored, with their sources (page, list, crm, user). */
  facts: companyFactsSchema,
  /** Same fact, different values from different sources. */
  conflicts: z.array(conflictSchema),
  /** The stored accounts found for this company (by record key or domain). */
  accountKeys: z.array(z.string()),
};

export const responseSchemas = {
  score: z.union([success(scoreDataSchema), failure]),
  scorePage: scorePageResponseSchema,
  getActiveModels: z.union([success({ models: z.array(modelSchema as unknown as z.ZodType<IcpModel>) }), failure]),
  getSettings: z.union([success({ settings: settingsSchema }), failure]),
  setSetting: z.union([success({ settings: settingsSchema }), failure]),
  saveAnswer: z.union([success({ note: noteSchema }), failure]),
  logException: z.union([success({ exception: exceptionSchema }), failure]),
} satisfies Record<RequestType, z.ZodType>;

export type ResponseFor<T extends RequestType> = z.output<(typeof responseSchemas)[T]>;
export type OkResponse<T extends RequestType> = Extract<ResponseFor<T>, { ok: true }>;
export type ErrorResponse = z.output<typeof failure>;
export type AnyResponse = ResponseFor<RequestType>;

/** True when a runtime message is meant for this router (other listeners may handle other messages). */
export const isIcpRequest = (message: unknown): boolean =>
  !!message && typeof message === 'object' && REQUEST_TYPES.includes((message as { type?: unknown }).type as RequestType);

/** One line per zod issue: "facts.employees: ...". */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`).join('; ');
}
