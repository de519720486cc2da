/**
 * Domains, http(s) URLs and yes/no values. Uses the WHATWG URL parser (in browsers and Node), never a regex on
 * the whole URL, and refuses every scheme but http and https: a hostile page or CSV can hold "javascript:".
 */

/** A bare registrable-looking host: labels of a-z, 0-9 and "-", a dot, and a letters-only TLD (same as the vocabulary). */
const BARE_DOMAIN = /^(?=.{1,253}$)(?!-)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/;

/** "scheme:" at the start ("https:", "javascript:", "mailto:"). A host with a port ("acme.io:8080") is not one. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Parses text as an http(s) URL, adding "https://" when there is no scheme. Undefined for any other scheme. */
function toHttpUrl(input: string): URL | undefined {
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  if (!text || text.length > 2000 || /\s/.test(text)) return undefined;
  const scheme = text.match(SCHEME);
  let candidate = text;
  if (scheme && !/^\d+(\/|$)/.test(text.slice(scheme[0].length))) {
    // A real scheme (not "host:port"): only http and https.
    if (!/^https?$/i.test(scheme[1])) return undefined;
  } else {
    candidate = `https://${text.replace(/^\/\//, '')}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Credentials in a URL ("https://linkedin.com@evil.com") are a spoofing trick, never a company's address.
  if (url.username || url.password) return undefined;
  const host = url.hostname.replace(/\.$/, '');
  if (!BARE_DOMAIN.test(host)) return undefined; // also rejects IP addresses and "localhost"
  return url;
}

const PLAIN_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const WWW = /^www\d*\./;

/**
 * True for a domain parseDomain returns as it is: bare and lower-case already, with no "www." to strip. (A quick
 * test for CSV columns of domains, which rarely repeat: see normaliseLoneFact.)
 */
export function isBareDomain(input: string): boolean {
  return BARE_DOMAIN.test(input) && !WWW.test(input);
}

/**
 * The bare domain of a website or domain: "https://www.acme.com/about?x" → "acme.com", "WWW.Acme.co.uk" →
 * "acme.co.uk", "http://acme.io:8080" → "acme.io". Undefined for other schemes, e-mail addresses, IPs, "localhost".
 */
export function parseDomain(input: string): string | undefined {
  // Most CSV cells are already a bare domain ("acme.com"): skip the URL parser for those.
  const plain = input.trim().toLowerCase();
  if (PLAIN_DOMAIN.test(plain)) {
    const host = plain.replace(WWW, '');
    return BARE_DOMAIN.test(host) ? host : undefined;
  }
  const url = toHttpUrl(input);
  if (!url) return undefined;
  const host = url.hostname.replace(/\.$/, '').replace(WWW, '');
  return BARE_DOMAIN.test(host) ? host : undefined;
}

/**
 * An absolute http(s) URL ("linkedin.com/company/x" → "https://linkedin.com/company/x"), normalised by the URL
 * parser. Undefined for "javascript:", "data:", "mailto:" and anything that is not a web address.
 */
export function parseHttpUrl(input: string): string | undefined {
  const url = toHttpUrl(input);
  if (!url) return undefined;
  const href = url.href;
  return href.length <= 2000 ? href : undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'oui', 'ja', 'sí', 'si', 'vrai', 'wahr', 'on', 'x', 'checked']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'non', 'nein', 'faux', 'falsch', 'off', 'unchecked']);

/** true / false from booleans, 1 / 0 and yes/no words in English, French, German and Spanish. */
export function parseBoolean(input: unknown): boolean | undefined {
  if (typeof input === 'boolean') return input;
  if (typeof input === 'number') return input === 1 ? true : input === 0 ? false : undefined;
  if (typeof input !== 'string') return undefined;
  const word = input.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
