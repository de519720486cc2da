import { createModelCache, type ModelCache } from '../engine/model-cache';
import { scoreBest, type ScoreResult } from '../engine/score';
import { deriveFacts } from '../facts/derive';
import { mergeFacts, type FactConflict } from '../facts/merge';
import { normaliseFacts } from '../facts/normalise';
import { valuesOf } from '../facts/parse';
import type { RawFacts } from '../facts/raw';
import type { CompanyFacts } from '../facts/vocabulary';
import { domainAccountKey, findAccounts } from '../storage/accounts';
import type { IcpDb } from '../storage/db';
import { getActiveModels } from '../storage/models';
import { getAnswers } from '../storage/notes';
import { SOURCE_KIND, type SiteId } from '../sites/list';
import type { CardView } from './types';
import { buildCardView } from './view';

/**
 * The page-to-card pipeline, start to end:
 *
 *   raw page facts ──normalise──▶ facts with sources (+ rejected values as problems)
 *                  ──accounts───▶ stored accounts for this record or its domain, and the user's answers
 *                  ──merge──────▶ one fact per name (user > page > crm > list), conflicts reported
 *                  ──score──────▶ every active model's result, the best one first
 *                  ──view───────▶ the card view the content script, popup and side panel show
 *
 * Runs in the background (it owns the database); the content script sends the raw facts and renders the view.
 */
export interface PipelineDeps {
  db: IcpDb;
  /** The clock for "within the last N days" criteria (ms since epoch). */
  now?: () => number;
  /** Compiled models reused across requests. */
  models?: ModelCache;
}

export interface PageInput {
  site: SiteId;
  /** The record the page shows ("li:acme"); stored accounts and answers are found by it. */
  recordKey: string;
  raw: RawFacts;
  locale?: string;
}

export interface ScoredFacts {
  /** The best result over the active models; null when no model is active. */
  best: ScoreResult | null;
  results: ScoreResult[];
  facts: CompanyFacts;
  conflicts: FactConflict[];
  /** The stored accounts found for this company (by record key or domain). */
  accountKeys: string[];
}

/** Default model cache for callers that pass none (tests, one-off calls). */
const sharedCache = createModelCache();

/** The whole pipeline: what the page shows → the card view, or null with the reason when no model is active. */
export async function cardForPage(page: PageInput, deps: PipelineDeps): Promise<{ view: CardView | null; error?: string }> {
  const now = deps.now?.() ?? Date.now();
  // 1. normalise
  const { facts, problems } = normaliseFacts(page.raw, {
    origin: page.site,
    source: { kind: SOURCE_KIND[page.site], detail: page.site, at: new Date(now).toISOString() },
    locale: page.locale,
  });
  // 2-4. stored accounts, merge, score
  const scored = await scoreFacts(facts, page.recordKey, deps);
  if (!scored.best) return { view: null, error: 'no active ICP model: turn one on in the options' };
  // 5. view
  return { view: buildCardView({ recordKey: page.recordKey, ...scored, best: scored.best, problems }) };
}

/** Normalised facts → merged with what the database knows about the company → scored against the active models. */
export async function scoreFacts(page: CompanyFacts, recordKey: string | undefined, deps: PipelineDeps): Promise<ScoredFacts> {
  const { db } = deps;
  const domain = page.domain?.value;
  const accounts = await findAccounts(db, { recordKey, domain });
  const keys = new Set(accounts.map((a) => a.key));
  if (recordKey) keys.add(recordKey);
  if (domain) keys.add(domainAccountKey(domain));
  const answers = await getAnswers(db, [...keys]);
  // Page first: among equal-ranked facts without dates the earlier layer wins.
  const layers: CompanyFacts[] = [page, ...accounts.map((a) => a.facts), answers];
  const merged = mergeFacts(layers);
  const { conflicts } = merged;
  // Derived after merging, so a value any source gave beats a derived one; every headcount seen feeds the growth rule.
  const facts = deriveFacts(merged.facts, { headcounts: layers.flatMap((l) => (l.employees ? [l.employees] : [])) });
  const models = (deps.models ?? sharedCache).compile(await getActiveModels(db));
  const now = deps.now?.() ?? Date.now();
  const { best, results } = models.length ? scoreBest(models, valuesOf(facts), now) : { best: null, results: [] };
  return { best, results, facts, conflicts, accountKeys: accounts.map((a) => a.key) };
}
