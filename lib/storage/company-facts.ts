import { z } from 'zod';
import { factSchema, factSourceSchema, isFactName, type CompanyFacts, type FactSource } from '../facts/vocabulary';

/**
 * CompanyFacts at a boundary (a message, a stored row): `{ [fact name]: { value, source } }`, every value checked
 * against its fact's schema. lib/facts has per-value checks (parseFacts); this is the same check for facts that
 * already carry their source.
 */

const rawFactSchema = z.object({ value: z.unknown(), source: factSourceSchema }).strict();
const rawFactsSchema = z.record(z.string(), rawFactSchema);

export interface FactIssue {
  field: string;
  message: string;
}

/** Checks each fact on its own: good facts are kept, bad ones are reported. */
export function checkFacts(input: unknown): { facts: CompanyFacts; problems: FactIssue[] } {
  const facts: Record<string, { value: unknown; source: FactSource }> = {};
  const problems: FactIssue[] = [];
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { facts: {}, problems: [{ field: '$', message: 'facts must be an object' }] };
  for (const [field, raw] of Object.entries(input as Record<string, unknown>)) {
    if (raw === undefined) continue; // CompanyFacts allows absent facts spelled as undefined
    if (!isFactName(field)) {
      problems.push({ field, message: `unknown fact "${field}"` });
      continue;
    }
    const shape = rawFactSchema.safeParse(raw);
    if (!shape.success) {
      problems.push({ field, message: shape.error.issues.map((i) => i.message).join('; ') });
      continue;
    }
    const value = factSchema(field)!.safeParse(shape.data.value);
    if (!value.success) {
      problems.push({ field, message: value.error.issues.map((i) => i.message).join('; ') });
      continue;
    }
    facts[field] = { value: value.data, source: shape.data.source };
  }
  return { facts: facts as CompanyFacts, problems };
}

/** Strict form for messages: any bad fact makes the whole value invalid (the sender must send checked facts). */
export const companyFactsSchema = z
  .record(z.string(), z.unknown())
  .transform((input, ctx) => {
    const { facts, problems } = checkFacts(input);
    for (const p of problems) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
    return facts;
  });
