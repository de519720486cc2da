import { z } from 'zod';
import { scoreResultSchema } from '../engine/result-schema';
import type { FactConflict } from '../facts/merge';
import { factSourceSchema, type Fact } from '../facts/vocabulary';
import { companyFactsSchema } from '../storage/company-facts';
import { syncRequestSchema, syncResponseSchema } from '../sync/messages';
import { CARD_CONTRACT } from './card';
import { answer, describeZodError, type Contract, type ErrorResponse } from './result';

/**
 * The message contract: every request a page (content script, popup, options) sends to the background, with its
 * request and response schemas. One router answers them all (handle.ts); senders use `createClient` (client.ts)
 * with this contract or, in the content script, with CARD_CONTRACT alone. The one message to tabs is in broadcast.ts.
 */

const factWithSource = z.object({ value: z.unknown(), source: factSourceSchema }) as unknown as z.ZodType<Fact>;
const conflictSchema: z.ZodType<FactConflict> = z.object({ field: z.string(), chosen: factWithSource, others: z.array(factWithSource) });

export const scoreDataSchema = {
  /** The best result over the active models; null when no model is active. */
  best: z.nullable(scoreResultSchema),
  /** One result per active model, in model order. */
  results: z.array(scoreResultSchema),
  /** The facts that were scored, with their sources (page, list, crm, user). */
  facts: companyFactsSchema,
  /** Same fact, different values from different sources. */
  conflicts: z.array(conflictSchema),
  /** The stored accounts found for this company (by record key or domain). */
  accountKeys: z.array(z.string()),
  /** Facts older than the staleAfterDays setting. */
  stale: z.array(z.string()),
  /** Facts known from the company's other records, not from the facts sent. */
  remembered: z.array(z.string()),
};

/** Score already-normalised facts (the end-to-end tests and the CLI-like checks use it; the card sends scorePage). */
const scoreRequestSchema = z
  .object({
    type: z.literal('score'),
    facts: companyFactsSchema,
    /** The site record key ("li:acme", "hs:123:0-2:987"): finds stored facts and answers for this record. */
    recordKey: z.string().min(1).max(300).optional(),
  })
  .strict();

const syncRequest = <T extends 'syncNow' | 'syncScheduleChanged'>(type: T) =>
  syncRequestSchema.options.find((o) => o.shape.type.value === type) as Extract<(typeof syncRequestSchema.options)[number], { shape: { type: z.ZodLiteral<T> } }>;

export const CONTRACT = {
  ...CARD_CONTRACT,
  score: { request: scoreRequestSchema, response: answer(scoreDataSchema) },
  /** Sync now: every source, one model's source, or a URL not yet bound to a model (options page). */
  syncNow: { request: syncRequest('syncNow'), response: syncResponseSchema },
  /** The interval, a source URL or the set of models changed: reschedule the alarm (options page). */
  syncScheduleChanged: { request: syncRequest('syncScheduleChanged'), response: syncResponseSchema },
} satisfies Contract;

export type RequestType = keyof typeof CONTRACT;
export const REQUEST_TYPES = Object.keys(CONTRACT) as RequestType[];

export type MessageRequest = { [T in RequestType]: z.output<(typeof CONTRACT)[T]['request']> }[RequestType];
/** What a caller passes for a request of type T. */
export type RequestInput<T extends RequestType> = z.input<(typeof CONTRACT)[T]['request']>;
export type ResponseFor<T extends RequestType> = z.output<(typeof CONTRACT)[T]['response']>;
export type OkResponse<T extends RequestType> = Extract<ResponseFor<T>, { ok: true }>;
export type AnyResponse = ResponseFor<RequestType>;
export type { ErrorResponse };

/** Response schemas by request type (kept for callers that check one answer). */
export const responseSchemas = Object.fromEntries(REQUEST_TYPES.map((t) => [t, CONTRACT[t].response])) as {
  [T in RequestType]: (typeof CONTRACT)[T]['response'];
};

/** Checks any request against the schema of its `type`; the error names the field ("facts.employees: …"). */
export function parseRequest(raw: unknown): { ok: true; request: MessageRequest } | { ok: false; error: string } {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(CONTRACT, type))
    return { ok: false, error: `bad request: type must be one of ${REQUEST_TYPES.join(', ')}` };
  const parsed = CONTRACT[type as RequestType].request.safeParse(raw);
  return parsed.success ? { ok: true, request: parsed.data as MessageRequest } : { ok: false, error: `bad request: ${describeZodError(parsed.error)}` };
}

/** True when a runtime message is meant for the background's router (other listeners may handle other messages). */
export const isIcpRequest = (message: unknown): boolean =>
  !!message && typeof message === 'object' && (REQUEST_TYPES as readonly unknown[]).includes((message as { type?: unknown }).type);

export { describeZodError };
