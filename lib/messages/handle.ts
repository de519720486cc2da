import { scoreBest } from '../engine/score';
import { valuesOf } from '../facts/parse';
import type { CompanyFacts } from '../facts/vocabulary';
import { domainAccountKey, ensureAccount, findAccounts } from '../storage/accounts';
import type { IcpDb } from '../storage/db';
import { logException } from '../storage/exceptions';
import { getActiveModels } from '../storage/models';
import { addNote, getAnswers } from '../storage/notes';
import { getSetting, getSettings, setSetting } from '../storage/settings';
import { buildCardView } from '../card-view';
import { normaliseFacts } from '../facts/normalise';
import { deriveFacts } from '../facts/derive';
import { mergeFacts } from './merge-facts';
import { createModelCache, type ModelCache } from './model-cache';
import type { ScorePageResponse } from './page';
import { describeZodError, requestSchema, type AnyResponse, type MessageRequest, type OkResponse } from './schemas';

/**
 * The background side of messaging: checks a request, runs it against the database and the engine, and always
 * answers (`{ ok: false, error }` for a bad request or a failure, never a thrown error across the message channel).
 */
export interface HandlerDeps {
  db: IcpDb;
  /** The clock for "within the last N days" criteria (ms since epoch). */
  now?: () => number;
  /** Compiled models reused across requests. */
  models?: ModelCache;
  /** Awaited before each request, e.g. installing the built-in models once per service-worker life. */
  ready?: () => Promise<void>;
}

export async function handleMessage(raw: unknown, deps: HandlerDeps): Promise<AnyResponse> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `bad request: ${describeZodError(parsed.error)}` };
  try {
    await deps.ready?.();
    return await route(parsed.data, deps);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message };
  }
}

async function route(request: MessageRequest, deps: HandlerDeps): Promise<AnyResponse> {
  const { db } = deps;
  switch (request.type) {
    case 'score':
      return score(request, deps);
    case 'scorePage':
      return scorePage(request, deps);
    case 'getActiveModels':
      return { ok: true, models: await getActiveModels(db) };
    case 'getSettings':
      return { ok: true, settings: await getSettings(db) };
    case 'setSetting':
      await setSetting(db, request.key, request.value);
      return { ok: true, settings: await getSettings(db) };
    case 'saveAnswer': {
      const author = request.author || (await getSetting(db, 'userName')) || undefined;
      await ensureAccount(db, request.accountKey, { name: request.name, domain: request.domain });
      const note = await addNote(db, { accountKey: request.accountKey, field: request.field, value: request.value, author });
      return { ok: true, note };
    }
    case 'logException': {
      const { type: _type, ...entry } = request;
      const user = entry.user || (await getSetting(db, 'userName'));
      if (!user) return { ok: false, error: 'who advanced the account? set your name in the options first' };
      return { ok: true, exception: await logException(db, { ...entry, user }) };
    }
  }
}

/** Default model cache for callers that pass none (tests, one-off calls). */
const sharedCache = createModelCache();

async function score(
  request: Extract<MessageRequest, { type: 'score' }>,
  deps: HandlerDeps,
): Promise<OkResponse<'score'>> {
  const { db } = deps;
  const page = request.facts;
  const domain = page.domain?.value;
  const accounts = await findAccounts(db, { recordKey: request.recordKey, domain });
  const keys = new Set(accounts.map((a) => a.key));
  if (request.recordKey) keys.add(request.recordKey);
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
  return { ok: true, best, results, facts, conflicts, accountKeys: accounts.map((a) => a.key) };
}

/** CRMs are the team's own records; LinkedIn and Crunchbase pages are what the company shows about itself. */
const SOURCE_KIND = { linkedin: 'page', crunchbase: 'page', hubspot: 'crm', salesforce: 'crm' } as const;

/** Raw page facts → normalised (rejected values reported per fact) → merged with stored knowledge → scored → card view. */
async function scorePage(request: Extract<MessageRequest, { type: 'scorePage' }>, deps: HandlerDeps): Promise<ScorePageResponse> {
  const now = deps.now?.() ?? Date.now();
  const { facts, problems } = normaliseFacts(request.raw, {
    origin: request.site,
    source: { kind: SOURCE_KIND[request.site], detail: request.site, at: new Date(now).toISOString() },
    locale: request.locale,
  });
  const scored = await score({ type: 'score', facts, recordKey: request.recordKey }, deps);
  if (!scored.best) return { ok: true, view: null, error: 'no active ICP model: turn one on in the options' };
  return { ok: true, view: buildCardView({ recordKey: request.recordKey, ...scored, best: scored.best, problems }) };
}
