/**
 * Messages between the pages (content script, popup, options) and the background.
 * Senders use `sendMessage` from './client'; the background uses `handleMessage` from './handle'.
 */
export * from './schemas';
export { mergeFacts, SOURCE_RANK, type FactConflict } from './merge-facts';
export { scoreResultSchema } from './score-result-schema';
