/**
 * Record keys ("li:acme", "cb:acme") travel in messages and are stored with answers and notes, where they are at
 * most 300 characters (lib/messages/schemas.ts). A URL may carry a much longer slug (a 400-character one made the
 * card show "bad request: Too big"): such an id keeps its first characters, for people reading the key, and a hash
 * of the whole id, so two long ids that share a beginning still get different keys.
 */
export const MAX_PLAIN_KEY_LENGTH = 200;
const KEPT_PREFIX = 120;

export function recordKey(prefix: string, id: string): string {
  const key = `${prefix}:${id}`;
  if (key.length <= MAX_PLAIN_KEY_LENGTH) return key;
  return `${prefix}:${id.slice(0, KEPT_PREFIX)}~${hashText(id)}`;
}

/** 64-bit FNV-1a as 16 hex digits: stable across runs and browsers, no crypto needed (this is not a secret). */
function hashText(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}
