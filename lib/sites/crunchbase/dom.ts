import { IGNORED_TEXT, LIST_ITEMS, LOCKED_DOM_TEXT, LOCKED_DOM_VALUE, PROFILE_TAB_LINKS } from './selectors';
import { matchUrl } from './url';

/** Small DOM helpers shared by both layout readers. */

/** Visible text of an element, whitespace collapsed, without screen-reader copies or icon ligatures. */
export function visibleText(element: Element | null | undefined): string | undefined {
  if (!element) return undefined;
  const copy = element.cloneNode(true) as Element;
  for (const ignored of Array.from(copy.querySelectorAll(IGNORED_TEXT))) ignored.remove();
  const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** Texts of the items of a list value (chips, links), de-duplicated, in page order. */
export function listTexts(element: Element, itemSelector: string = LIST_ITEMS): string[] {
  const items: string[] = [];
  for (const item of Array.from(element.querySelectorAll(itemSelector))) {
    const text = visibleText(item);
    if (text && !items.includes(text)) items.push(text);
  }
  return items;
}

/** A Pro-only value shown as an upsell ("Unlock with Pro") instead of the value: absent, like `is_locked`. */
export function isLockedValue(value: Element): boolean {
  return value.querySelector(LOCKED_DOM_VALUE) !== null || LOCKED_DOM_TEXT.test(visibleText(value) ?? '');
}

/** The first http(s) link inside the element, as an absolute URL. */
export function httpLink(element: Element, baseUrl: string): string | undefined {
  for (const anchor of Array.from(element.querySelectorAll('a[href]'))) {
    const url = absoluteUrl(anchor.getAttribute('href'), baseUrl);
    if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url.href;
  }
  return undefined;
}

/**
 * Whether the rendered profile belongs to `permalink`: its tab bar links to `/organization/<permalink>[/<tab>]`.
 * After in-app navigation the old profile stays rendered until the new one arrives, so this is the DOM's identity.
 */
export function domShowsOrganization(doc: Document, permalink: string): boolean {
  for (const anchor of Array.from(doc.querySelectorAll(PROFILE_TAB_LINKS))) {
    const url = absoluteUrl(anchor.getAttribute('href'), doc.baseURI);
    if (url && matchUrl(url)?.recordKey === `cb:${permalink}`) return true;
  }
  return false;
}

function absoluteUrl(href: string | null, baseUrl: string): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, baseUrl);
  } catch {
    return undefined;
  }
}
