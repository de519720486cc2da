import { compileModel, evaluateBest, reasonsOf, type CompiledModel, type Verdict } from '../engine/score';
import { mergeFacts } from '../facts/merge';
import { valuesOf } from '../facts/parse';
import type { CompanyFacts, SourceKind } from '../facts/vocabulary';
import type { IcpModel } from '../model/schema';
import { DIMENSIONS, type Dimension } from '../model/schema';
import { staleFacts } from './stale';

/**
 * Stored records (page visits, CRM records, list rows, answered records) grouped into companies and scored: what the
 * Accounts page shows. Pure: the options page's worker reads the rows and calls these.
 */
export interface RecordIn {
  key: string;
  name?: string;
  facts: CompanyFacts;
  ids?: string[];
  list?: string;
}

export interface Company {
  /** The company's key: `domain:<domain>` when a record names one, else its first record's key. */
  key: string;
  records: string[];
  facts: CompanyFacts;
  lists: string[];
}

/** Union-find over the strong identity keys: records sharing any key are one company (names never link). */
export function groupRecords(records: readonly RecordIn[], answers: ReadonlyMap<string, CompanyFacts> = new Map()): Company[] {
  const parent = records.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const owner = new Map<string, number>();
  records.forEach((r, i) => {
    for (const id of r.ids ?? []) {
      const j = owner.get(id);
      if (j === undefined) owner.set(id, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  records.forEach((_, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  });
  const companies: Company[] = [];
  for (const members of groups.values()) {
    const rows = members.map((i) => records[i]);
    const layers = rows.map((r) => r.facts);
    for (const r of rows) {
      const answered = answers.get(r.key);
      if (answered) layers.push(answered);
    }
    const { facts } = layers.length === 1 ? { facts: layers[0] } : mergeFacts(layers);
    const domainKey = rows.flatMap((r) => r.ids ?? []).find((id) => id.startsWith('domain:'));
    companies.push({
      key: domainKey ?? rows[0].key,
      records: rows.map((r) => r.key),
      facts,
      lists: [...new Set(rows.flatMap((r) => (r.list ? [r.list] : [])))],
    });
  }
  return companies;
}

export interface ScoredAccount {
  key: string;
  name: string;
  domain: string;
  score: number;
  tier: string | null;
  verdict: Verdict;
  confidence: number;
  modelId: string;
  /** Points per dimension of the best model. */
  dimensions: Record<Dimension, number>;
  reasons: string[];
  /** Source kinds of the facts (page, list, crm, user). */
  sources: SourceKind[];
  lists: string[];
  records: string[];
  facts: CompanyFacts;
}

/** Scores every company against the active models (best model per company), with progress every `chunk` companies. */
export function scoreCompanies(
  companies: readonly Company[],
  models: readonly IcpModel[] | readonly CompiledModel[],
  now: number,
  staleAfterDays: number,
  onProgress?: (done: number, total: number) => void,
  chunk = 5_000,
): ScoredAccount[] {
  const compiled = models.map((m) => ('hot' in m ? m : compileModel(m)));
  const out: ScoredAccount[] = [];
  for (let i = 0; i < companies.length; i++) {
    const c = companies[i];
    const stale = staleFacts(c.facts, now, staleAfterDays);
    const best = evaluateBest(compiled, valuesOf(c.facts), now, stale.length ? new Set(stale) : undefined);
    const sources = new Set<SourceKind>();
    for (const fact of Object.values(c.facts)) if (fact) sources.add(fact.source.kind);
    const dims = { firmographic: 0, technographic: 0, behavioural: 0, relationship: 0 } as Record<Dimension, number>;
    if (best) {
      const model = compiled[best.index];
      model.criteria.forEach((cc, k) => {
        if (best.evaluation.statuses[k] === 0) dims[cc.criterion.dimension] += cc.worth;
      });
    }
    const name = c.facts.name?.value;
    out.push({
      key: c.key,
      name: typeof name === 'string' ? name : c.key,
      domain: typeof c.facts.domain?.value === 'string' ? c.facts.domain.value : '',
      score: best?.evaluation.score ?? 0,
      tier: best?.evaluation.tier ?? null,
      verdict: best?.evaluation.verdict ?? 'needs-data',
      confidence: best?.evaluation.confidence ?? 0,
      modelId: best ? compiled[best.index].model.id : '',
      dimensions: dims,
      reasons: best ? reasonsOf(compiled[best.index], best.evaluation) : [],
      sources: [...sources],
      lists: c.lists,
      records: c.records,
      facts: c.facts,
    });
    if (onProgress && (i + 1) % chunk === 0) onProgress(i + 1, companies.length);
  }
  onProgress?.(companies.length, companies.length);
  return out;
}

export { DIMENSIONS };
