import Dexie from 'dexie';
import { createModelCache, type ModelCache } from '../engine/model-cache';
import { scoreBest, type ScoreResult } from '../engine/score';
import { deriveFacts } from '../facts/derive';
import { mergeFacts, type FactConflict } from '../facts/merge';
import { normaliseFacts } from '../facts/normalise';
import { valuesOf } from '../facts/parse';
import type { RawFacts } from '../facts/raw';
import type { CompanyFacts } from '../facts/vocabulary';
import { domainAccountKey, findAccounts, possiblySame, putAccountFacts, readSameNameAhead } from '../storage/accounts';
import type { IcpDb } from '../storage/db';
import { getActiveModelsThrough } from '../storage/models';
import { answersOf, getNotes } from '../storage/notes';
import { scoreHistory } from '../storage/score-history';
import { getSetting } from '../storage/settings';
import { staleFacts } from '../accounts/stale';
import { SOURCE_KIND, type SiteId } from '../sites/list';
import type { CardView } from './types';
import { compareWithHistory } from './history';
import { buildCardView } from './view';

/**
 * The page-to-card pipeline, start to end:
 *
 *   raw page facts ──normalise──▶ facts with sources (+ rejected values as problems)
 *                  ──accounts───▶ every stored record of this company (lib/accounts/identity.ts), and the user's answers
 *                  ──merge──────▶ one fact per name (user > page > crm > list), conflicts reported
 *                  ──score──────▶ every active model's result, the best one first
 *                  ──view───────▶ the card view the content script, popup and side panel show
 *                  ──history────▶ the score joins the record's history; after a model change, the change line
 *                  ──remember───▶ the page's facts stored under its record, with site and date, for every other site
 *
 * The reads come first and the card's answer does not wait for the two writes (history, remember) when the caller
 * takes them (`afterAnswer`): the card shows as soon as it is scored.
 *
 * Runs in the background (it owns the database); the content script sends the raw facts and renders the view.
 */
export interface PipelineDeps {
  db: IcpDb;
  /** The clock for "within the last N days" criteria (ms since epoch). */
  now?: () => number;
  /** Compiled models reused across requests. */
  models?: ModelCache;
  /**
   * Takes the writes the answer does not depend on (remembering the page's facts, the score history) to run after
   * the answer is sent; whoever passes it must make later requests wait for them (entrypoints/background/start.ts).
   * Without it they are awaited before returning.
   */
  afterAnswer?: (write: () => Promise<unknown>) => void;
  /**
   * Whether the card is switched on for the site (the popup's switch). The content script asks for a score before
   * its own read of the switch has answered, so a switched-off site's page is refused here: no card, nothing stored.
   */
  siteEnabled?: (site: SiteId) => Promise<boolean>;
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
  /** Facts older than the staleAfterDays setting: shown as stale, counted with half weight in confidence. */
  stale: string[];
  /** Facts that came from another site's visit (memory), not from this page. */
  remembered: string[];
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
  const writes: (() => Promise<unknown>)[] = [];
  const answer = async (result: { view: CardView | null; error?: string }) => {
    if (deps.afterAnswer) writes.forEach(deps.afterAnswer);
    else for (const write of writes) await write();
    return result;
  };
  // 2-4. stored accounts, merge, score (the switch and the record's score history are read beside them), and the
  // records possibly of the same company, in one read-only transaction (see readOnly).
  const [enabled, { scored, history, possibleMatches }] = await Promise.all([
    deps.siteEnabled?.(page.site) ?? true,
    readOnly(deps.db, async () => {
      const ahead = readSameNameAhead(deps.db, facts);
      const [scored, history] = await Promise.all([scoreFacts(facts, page.recordKey, deps), scoreHistory(deps.db, page.recordKey)]);
      const possibleMatches = scored.best ? await possiblySame(deps.db, scored.facts, [page.recordKey, ...scored.accountKeys], undefined, ahead) : [];
      return { scored, history, possibleMatches };
    }),
  ]);
  if (!enabled) return { view: null, error: 'ICP Fit is switched off on this site' };
  // 6. remember what this page showed, for the company's other records (read first: this page's previous visit is
  // one of the layers above).
  if (Object.keys(facts).length > 0) writes.push(() => putAccountFacts(deps.db, page.recordKey, facts, { replace: true }));
  if (!scored.best) return answer({ view: null, error: 'no active ICP model: turn one on in the options' });
  // 5. view, and 7. the record's score history: what changed since the last model version it was seen with
  const view = buildCardView({ recordKey: page.recordKey, ...scored, best: scored.best, problems, possibleMatches });
  const { change, record } = compareWithHistory(deps.db, history, view, new Date(now).toISOString());
  writes.push(record);
  return answer({ view: change ? { ...view, change } : view });
}

/**
 * The card's reads in one read-only transaction: separate ones are each scheduled and committed by the browser. The
 * result is handed on as soon as the last read is in, without waiting for the commit (a round trip), and outside
 * Dexie's transaction zone: a promise resolved inside it would carry the zone into the caller, whose writes would
 * then try to join this read-only transaction (tests/unit/card/answer-first.test.ts fails so). Handed on from a new
 * task (setTimeout) before, the answer went out 0.1-1.5 ms later (medians per site, Chromium).
 */
function readOnly<T>(db: IcpDb, read: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    db.transaction('r', [db.accounts, db.models, db.notes, db.settings, db.scores], async () => {
      const result = await read();
      Dexie.ignoreTransaction(() => resolve(result));
    }).catch(reject);
  });
}

/** Normalised facts → merged with what the database knows about the company → scored against the active models. */
export async function scoreFacts(page: CompanyFacts, recordKey: string | undefined, deps: PipelineDeps): Promise<ScoredFacts> {
  const { db } = deps;
  const domain = page.domain?.value;
  // Independent reads side by side (IndexedDB runs read-only transactions concurrently), the answers given on the
  // record and its domain among them; those on the company's other records follow once they are found.
  const known = [...new Set([recordKey, domain && domainAccountKey(domain)].filter((k): k is string => !!k))];
  const [accounts, activeModels, staleAfterDays, knownNotes] = await Promise.all([
    findAccounts(db, { recordKey, domain, facts: page }),
    getActiveModelsThrough(db, deps.models ?? sharedCache),
    getSetting(db, 'staleAfterDays'),
    getNotes(db, known),
  ]);
  const others = [...new Set(accounts.map((a) => a.key))].filter((key) => !known.includes(key));
  const answers = answersOf(db, knownNotes, await getNotes(db, others));
  // Page first: among equal-ranked facts without dates the earlier layer wins.
  const layers: CompanyFacts[] = [page, ...accounts.map((a) => a.facts), answers];
  const merged = mergeFacts(layers);
  const { conflicts } = merged;
  // Derived after merging, so a value any source gave beats a derived one; every headcount seen feeds the growth rule.
  const facts = deriveFacts(merged.facts, { headcounts: layers.flatMap((l) => (l.employees ? [l.employees] : [])) });
  const models = (deps.models ?? sharedCache).compile(activeModels);
  const now = deps.now?.() ?? Date.now();
  const stale = staleFacts(facts, now, staleAfterDays);
  const { best, results } = models.length ? scoreBest(models, valuesOf(facts), now, new Set(stale)) : { best: null, results: [] };
  const remembered = Object.entries(facts)
    .filter(([field, fact]) => fact && fact !== page[field as keyof CompanyFacts] && !fact.source.derivedFrom && (fact.source.kind === 'page' || fact.source.kind === 'crm'))
    .map(([field]) => field);
  return { best, results, facts, conflicts, accountKeys: accounts.map((a) => a.key), stale, remembered };
}
