import { PAGE_JSON_MAX_DEPTH, parseJsonWithinLimits } from '../../json/limits';
import { ARIA_HIDDEN, REDIRECT_PARAM, REDIRECT_PATH, SCREEN_READER_ONLY } from './selectors';
import { isLinkedInHost } from './url';

/** Small text and URL helpers shared by the LinkedIn readers. Pure: they only touch the nodes they are given. */

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const NEVER_TEXT = 'script, style, template, noscript';

/** Collapses runs of whitespace (LinkedIn markup is full of newlines and indentation). */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of `root`, leaving out descendants that match `skip` (null: keep all). */
function collectText(root: Element, skip: string | null): string {
  let out = '';
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === TEXT_NODE) out += ` ${child.nodeValue ?? ''} `;
    else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      if (el.matches(NEVER_TEXT) || (skip !== null && el.matches(skip))) continue;
      out += collectText(el, skip);
    }
  }
  return cleanText(out);
}

/** Text of `el` without the descendants matching `skip` (and never scripts or styles). */
export function textWithout(el: Element, skip: string): string {
  return collectText(el, skip);
}

/**
 * The text of an element, read once. LinkedIn often renders the same words twice, an `aria-hidden` visual copy
 * and a `.visually-hidden` screen-reader copy; we drop the screen-reader copy, or, when that leaves nothing, the
 * aria-hidden copy.
 */
export function readText(el: Element | null | undefined): string {
  if (!el) return '';
  return collectText(el, SCREEN_READER_ONLY) || collectText(el, ARIA_HIDDEN) || collectText(el, null);
}

/** True for an element that is (inside) one of the duplicate copies above; such elements are never labels. */
export function isDuplicateCopy(el: Element): boolean {
  return el.closest(`${SCREEN_READER_ONLY}, ${ARIA_HIDDEN}`) !== null;
}

/** Label text as compared with the label tables: lower case, ’ folded to ', no trailing colon. */
export function normaliseLabel(s: string): string {
  return cleanText(s)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s*:$/, '');
}

/** Same text, ignoring case and spacing: used to cross-check a top-card item against a known fact. */
export function sameText(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && normaliseLabel(a) === normaliseLabel(b);
}

/**
 * An outbound link as an absolute http(s) URL: resolves relative hrefs, unwraps LinkedIn's
 * `/redir/redirect?url=` wrapper, and drops anything else (javascript:, mailto:, LinkedIn's own pages).
 */
export function externalUrl(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  if (isLinkedInHost(url.hostname) && url.pathname.startsWith(REDIRECT_PATH)) {
    const target = url.searchParams.get(REDIRECT_PARAM);
    return target ? externalUrl(target, base) : undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (isLinkedInHost(url.hostname)) return undefined;
  return url.href;
}

const BARE_DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?$/i;

/**
 * A website written as text: "https://acme.io", "www.acme.io" or "acme.io" (JSON-LD `sameAs` often has no scheme).
 * Returns an absolute http(s) URL, or undefined for anything that is not a website.
 */
export function websiteFromText(text: string | null | undefined): string | undefined {
  const s = cleanText(text);
  if (!s || /\s/.test(s)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) {
    return /^https?:\/\//i.test(s) ? externalUrl(s, new URL('https://www.linkedin.com/')) : undefined;
  }
  return BARE_DOMAIN.test(s) ? externalUrl(`https://${s}`, new URL('https://www.linkedin.com/')) : undefined;
}

/** "City, Region" from structured address parts (either may be missing), as LinkedIn writes a location. */
export function placeText(city: string | undefined, region: string | undefined): string | undefined {
  const parts = [cleanText(city), cleanText(region)].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Parses page JSON without throwing; undefined for broken or absurdly nested text (see lib/json/limits.ts). */
export const parseJson = (text: string): unknown => parseJsonWithinLimits(text, PAGE_JSON_MAX_DEPTH);
