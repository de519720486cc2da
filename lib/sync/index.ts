/** Moving models in and out: sync from a URL (fetch, backoff, state), enterprise policy, and model files. */
export { checkSourceUrl, type SourceUrlCheck } from './url';
export { nextSyncDelay, nextSyncDelayMinutes, maxBackoffMinutes } from './backoff';
export { fetchModel, DEFAULT_TIMEOUT_MS, MAX_MODEL_BYTES, type FetchModelOutcome, type FetchFailureCause, type FetchLike } from './fetch-model';
export { getSyncConfig, setSyncConfig, getSyncState, listSyncStates, putSyncState, setModelSourceUrl } from './store';
export { afterFailure, afterSuccess, emptySyncState, syncStateSchema, type SyncState, type SyncError } from './state';
export { parsePolicy, POLICY_KEYS, type ManagedPolicy } from './policy';
export { parseModelsFile, checkModels, modelsFileText, modelsFileName, type ModelsFileCheck } from './models-file';
export { syncSource, syncAll, listSources, dueSources, nextDueAt, effectiveConfig, type SyncDeps, type SyncSource, type SyncReport } from './run';
export { syncRequestSchema, syncResponseSchema, type SyncRequest, type SyncResponse } from './messages';
