import type { z } from 'zod';

/**
 * What a message contract is, apart from the schemas that make one up (result.ts): the content script's first task
 * sends the page with the client (client.ts), which needs only these, and builds no answer schema before it has.
 */

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
