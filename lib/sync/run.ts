import type { IcpDb } from '../storage/db';
import { saveIncomingModel } from '../storage/model-history';
import { listModels } from '../storage/models';
import { getSyncConfig, getSyncState, listSyncStates, putSyncState, type SyncConfig } from './store';
import { fetchModel, type FetchLike } from './fetch-model';
import { afterFailure, afterSuccess, type SyncResultKind, type SyncState } from './state';

/**
 * One sync pass: fetch each source URL, save what changed as a new version, record the outcome. Needs only the
 * database, a fetch and a clock, so it runs in unit tests as it runs in the background. A failure of any kind
 * leaves the stored model as it was and is recorded with its cause on that URL's state.
 */
export interface SyncDeps {
  db: IcpDb;
  fetch: FetchLike;
  now: () => number;
  /** From enterprise policy: overrides the stored interval, and a URL every browser syncs. */
  policy?: { modelSourceUrl?: string; syncIntervalMinutes?: number; lockEditing?: boolean };
}

export interface SyncSource {
  url: string;
  /** The model stored with this sourceUrl; the URL must keep serving that model. */
  modelId?: string;
}

export interface SyncReport {
  url: string;
  modelId?: string;
  result: SyncResultKind | 'failed';
  /** The stored version after the sync. */
  version?: number;
  error?: string;
  state: SyncState;
}

export async function effectiveConfig(deps: Pick<SyncDeps, 'db' | 'policy'>): Promise<SyncConfig> {
  const config = await getSyncConfig(deps.db);
  return deps.policy?.syncIntervalMinutes ? { ...config, intervalMinutes: deps.policy.syncIntervalMinutes } : config;
}

/** Every URL to sync: each stored model's sourceUrl, plus the policy's URL (which may not have a model yet). */
export async function listSources(deps: Pick<SyncDeps, 'db' | 'policy'>): Promise<SyncSource[]> {
  const sources = new Map<string, SyncSource>();
  for (const m of await listModels(deps.db)) if (m.sourceUrl) sources.set(m.sourceUrl, { url: m.sourceUrl, modelId: m.model.id });
  const policyUrl = deps.policy?.modelSourceUrl;
  if (policyUrl && !sources.has(policyUrl)) sources.set(policyUrl, { url: policyUrl });
  return [...sources.values()];
}

export async function syncSource(deps: SyncDeps, source: SyncSource): Promise<SyncReport> {
  const { db } = deps;
  const config = await effectiveConfig(deps);
  const state = await getSyncState(db, source.url);
  const fail = async (error: Parameters<typeof afterFailure>[1]): Promise<SyncReport> => {
    const next = afterFailure(state, error, deps.now(), config.intervalMinutes);
    await putSyncState(db, next);
    return { url: source.url, modelId: source.modelId, result: 'failed', error: error.message, state: next };
  };
  const succeed = async (kind: SyncResultKind, modelId: string | undefined, version: number | undefined, etag?: string): Promise<SyncReport> => {
    const next = afterSuccess(state, { kind, modelId, version, etag }, deps.now(), config.intervalMinutes);
    await putSyncState(db, next);
    return { url: source.url, modelId, result: kind, version, state: next };
  };

  // Without a stored model for this URL there is nothing to be "not modified" against: ask for the whole file.
  const etag = source.modelId ? state.etag : undefined;
  let outcome: Awaited<ReturnType<typeof fetchModel>>;
  try {
    outcome = await fetchModel({ url: source.url, etag, fetch: deps.fetch, timeoutMs: config.timeoutSeconds * 1000 });
  } catch (error) {
    // fetchModel answers every expected failure itself; anything else is still this URL's failure, with backoff.
    return fail({ cause: 'internal', message: `unexpected error while fetching: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (outcome.kind === 'failed') {
    const { kind: _kind, ...error } = outcome;
    return fail(error);
  }
  if (outcome.kind === 'not-modified') {
    const current = source.modelId ? (await listModels(db)).find((m) => m.model.id === source.modelId) : undefined;
    return succeed('not-modified', source.modelId, current?.model.version, outcome.etag ?? state.etag);
  }
  const model = outcome.model;
  if (source.modelId && model.id !== source.modelId)
    return fail({
      cause: 'mismatch',
      message: `the URL now serves model "${model.id}", but it is the source of "${source.modelId}": change the model's source URL or the file`,
    });
  try {
    const saved = await saveIncomingModel(db, model, 'url', { now: deps.now(), sourceUrl: source.url });
    if (!saved.ok)
      return fail({ cause: 'schema', message: 'the model could not be saved', problems: saved.problems });
    return succeed(saved.status === 'saved' ? 'updated' : 'unchanged', model.id, saved.model.version, outcome.etag);
  } catch (error) {
    return fail({ cause: 'storage', message: `could not save the model: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** Syncs every source (or the ones given) one after another. */
export async function syncAll(deps: SyncDeps, only?: (source: SyncSource) => boolean): Promise<SyncReport[]> {
  const reports: SyncReport[] = [];
  for (const source of await listSources(deps)) if (!only || only(source)) reports.push(await syncSource(deps, source));
  return reports;
}

/** The sources whose next run is due at `now` (a source never tried is due). */
export async function dueSources(deps: Pick<SyncDeps, 'db' | 'policy'>, now: number): Promise<SyncSource[]> {
  const states = new Map((await listSyncStates(deps.db)).map((s) => [s.url, s]));
  return (await listSources(deps)).filter((s) => {
    const next = states.get(s.url)?.nextRun;
    return !next || Date.parse(next) <= now;
  });
}

/** When the next sync is due: the earliest nextRun over all sources (now, for a source never tried); null without sources. */
export async function nextDueAt(deps: Pick<SyncDeps, 'db' | 'policy'>, now: number): Promise<number | null> {
  const sources = await listSources(deps);
  if (sources.length === 0) return null;
  const states = new Map((await listSyncStates(deps.db)).map((s) => [s.url, s]));
  let earliest = Infinity;
  for (const s of sources) {
    const next = states.get(s.url)?.nextRun;
    earliest = Math.min(earliest, next ? Date.parse(next) : now);
  }
  return earliest;
}
