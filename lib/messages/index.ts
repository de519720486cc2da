/**
 * Messages between the pages (content script, popup, options) and the background.
 * Senders use `sendMessage` from './client'; the background uses `handleMessage` from './handle'.
 */
export * from './schemas';
