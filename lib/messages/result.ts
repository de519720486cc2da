import { z } from 'zod';

/** Every answer is `{ ok: true, ...data }` or `{ ok: false, error }`: the shapes the contracts are built from. */
export const failure = z.object({ ok: z.literal(false), error: z.string() }).strict();
export const success = <S extends z.ZodRawShape>(shape: S) => z.object({ ok: z.literal(true), ...shape }).strict();
/** The answer to a request whose success carries `shape`. */
export const answer = <S extends z.ZodRawShape>(shape: S) => z.union([success(shape), failure]);
export type ErrorResponse = z.output<typeof failure>;

/** One message: what the sender sends and what the background answers, both checked with zod. */
export interface MessageSpec {
  request: z.ZodType<{ type: string }>;
  response: z.ZodType<{ ok: boolean }>;
}
export type Contract = Record<string, MessageSpec>;

/** One line per zod issue: "facts.employees: ...". */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`).join('; ');
}
