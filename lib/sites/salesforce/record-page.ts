import { composedClosest, deepQuerySelectorAll, isShownByAttributes, type VisibilityCheck } from './deep-dom';
import {
  FOREIGN_RECORD_CONTAINERS,
  RECORD_ID_ATTRIBUTES,
  RECORD_PAGE,
  SELF_LINK,
  SELF_LINK_PATTERN,
} from './selectors';
import { sameRecordId } from './url';

const RECORD_ID_VALUE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * The ids a record page copy shows as ITS OWN: id attributes on its components (not on lookups or related-list rows,
 * which name other records) and related-list links back to itself.
 */
export function ownRecordIds(page: Element): string[] {
  const ids = new Set<string>();
  const withIdAttribute = RECORD_ID_ATTRIBUTES.map((a) => `[${a}]`).join(', ');
  for (const el of [page, ...deepQuerySelectorAll(page, withIdAttribute)]) {
    if (el.localName === 'a' || composedClosest(el, FOREIGN_RECORD_CONTAINERS)) continue;
    for (const attr of RECORD_ID_ATTRIBUTES) {
      const value = el.getAttribute(attr)?.trim();
      if (value && RECORD_ID_VALUE.test(value)) ids.add(value);
    }
  }
  for (const link of deepQuerySelectorAll(page, SELF_LINK)) {
    if (composedClosest(link, FOREIGN_RECORD_CONTAINERS)) continue;
    const match = SELF_LINK_PATTERN.exec(link.getAttribute('href') ?? '');
    if (match) ids.add(match[1]);
  }
  return [...ids];
}

/**
 * The record page copy for `recordId`: among all `one-record-home-flexipage2` copies (Lightning keeps hidden cached
 * copies of earlier records), the first VISIBLE one that shows the id as its own. Null when none does — e.g. the
 * previous record is still on screen after navigation, or the new record has not rendered yet.
 */
export function findRecordPage(
  doc: Document,
  recordId: string,
  isVisible: VisibilityCheck = isShownByAttributes,
): Element | null {
  const copies = deepQuerySelectorAll(doc, RECORD_PAGE);
  // Without any flexipage (an unusual app page template), the whole body is the one candidate, under the same rules.
  const candidates = copies.length > 0 ? copies : doc.body ? [doc.body] : [];
  for (const page of candidates) {
    if (!isVisible(page)) continue;
    if (ownRecordIds(page).some((id) => sameRecordId(id, recordId))) return page;
  }
  return null;
}
