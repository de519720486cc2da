/**
 * Where a model may be synced from: https anywhere, plain http only on this machine (a local test or dev server).
 * A model decides which accounts a team works, so it must not travel over an open network unencrypted.
 */
export type SourceUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkSourceUrl(input: string): SourceUrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, message: 'enter the URL of a model JSON file' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `not a URL: "${text.slice(0, 100)}"` };
  }
  if (url.username || url.password) return { ok: false, message: 'credentials in the URL are not allowed' };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:') {
    if (LOCAL_HOSTS.has(url.hostname)) return { ok: true, url: url.href };
    return { ok: false, message: 'use https (plain http is only allowed for localhost and 127.0.0.1)' };
  }
  return { ok: false, message: `unsupported scheme "${url.protocol}" (use https)` };
}
