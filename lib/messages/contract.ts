import type { core } from 'zod';

/**
 * What a message contract is, apart from the schemas that make one up (result.ts): the content script's first task
 * sends the page with the client (client.ts), which needs only these, and builds no answer schema before it has.
 */

/**
 * A zod schema of either API: classic (`zod`) or mini (`zod/mini`, which the content script's score exchange uses,
 * card-score.ts). Both check with `safeParse`.
 */
export interface Checker<T> extends core.$ZodType<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: core.$ZodError };
}

/** One message: what the sender sends and what the background answers, both checked with zod. */
export interface MessageSpec {
  request: Checker<{ type: string }>;
  response: Checker<{ ok: boolean }>;
}
export type Contract = Record<string, MessageSpec>;

/** One line per zod issue: "facts.employees: ...". */
export function describeZodError(error: core.$ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`).join('; ');
}
