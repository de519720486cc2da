import type { CompanyFacts } from '../facts/vocabulary';

const DAY_MS = 86_400_000;

/**
 * The facts observed more than `days` days before `now` (the staleAfterDays setting, 180 by default). Facts without
 * a date are never stale. Stale facts show as such and count half toward confidence (STALE_CONFIDENCE_FACTOR).
 */
export function staleFacts(facts: CompanyFacts, now: number, days: number): string[] {
  const limit = now - days * DAY_MS;
  const stale: string[] = [];
  for (const field in facts) {
    const at = (facts as Record<string, { source: { at?: string } } | undefined>)[field]?.source.at;
    if (at && Date.parse(at) < limit) stale.push(field);
  }
  return stale;
}
