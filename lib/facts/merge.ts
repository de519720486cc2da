import { sameFactValue } from './equivalence';
import type { CompanyFacts, Fact, SourceKind } from './vocabulary';

/**
 * Merges what several sources say about one company into one fact per name, and reports the conflicts.
 *
 * Precedence by source kind: a user's answer beats the page, the page beats the CRM, the CRM beats an imported list
 * (the page is what the company says about itself today; a list is a snapshot). Between two facts of the same kind
 * the newer one (`source.at`) wins, and without dates the earlier layer wins.
 */
export const SOURCE_RANK: Record<SourceKind, number> = { user: 3, page: 2, crm: 1, list: 0 };

export interface FactConflict {
  field: string;
  /** The fact that was kept. */
  chosen: Fact;
  /** Facts from other sources with a different value (one per distinct value). */
  others: Fact[];
}

export function mergeFacts(layers: CompanyFacts[]): { facts: CompanyFacts; conflicts: FactConflict[] } {
  const candidates = new Map<string, Fact[]>();
  for (const layer of layers)
    for (const [field, fact] of Object.entries(layer)) {
      if (!fact) continue;
      const list = candidates.get(field) ?? [];
      list.push(fact as Fact);
      candidates.set(field, list);
    }
  const facts: Record<string, Fact> = {};
  const conflicts: FactConflict[] = [];
  for (const [field, list] of candidates) {
    let chosen = list[0];
    for (const fact of list.slice(1)) if (beats(fact, chosen)) chosen = fact;
    facts[field] = chosen;
    // Only real disagreements, after normalisation (lib/facts/equivalence.ts): one per distinct value.
    const others: Fact[] = [];
    for (const fact of list) {
      if (sameSource(fact, chosen) || [chosen, ...others].some((f) => sameFactValue(field, f.value, fact.value))) continue;
      others.push(fact);
    }
    if (others.length > 0) conflicts.push({ field, chosen, others });
  }
  return { facts: facts as CompanyFacts, conflicts };
}

function beats(a: Fact, b: Fact): boolean {
  const rank = SOURCE_RANK[a.source.kind] - SOURCE_RANK[b.source.kind];
  if (rank !== 0) return rank > 0;
  return (a.source.at ?? '') > (b.source.at ?? '');
}

const sameSource = (a: Fact, b: Fact) => a.source.kind === b.source.kind && (a.source.detail ?? '') === (b.source.detail ?? '');
