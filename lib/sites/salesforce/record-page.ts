import { composedClosest, deepQuerySelectorAll, isShownByAttributes, type VisibilityCheck } from './deep-dom';
import {
  FOREIGN_RECORD_CONTAINERS,
  RECORD_ID_ATTRIBUTES,
  RECORD_PAGE,
  SELF_LINK,
  SELF_LINK_PATTERN,
} from './selectors';
import { sameRecordId } from './url';

/**
 * Whether `el` belongs to `page` and not to another record page nested inside it (a cached copy of another record
 * rendered within, e.g. a preview): its nearest record page in the composed tree is `page` itself.
 */
export function belongsToPage(el: Element, page: Element): boolean {
  const nearest = composedClosest(el, RECORD_PAGE);
  return nearest === null || nearest === page;
}

const RECORD_ID_VALUE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * The ids a record page copy shows as ITS OWN: id attributes on its components (not on lookups or related-list rows,
 * which name other records) and related-list links back to itself.
 */
export function ownRecordIds(page: Element): string[] {
  const ids = new Set<string>();
  const withIdAttribute = RECORD_ID_ATTRIBUTES.map((a) => `[${a}]`).join(', ');
  for (const el of [page, ...deepQuerySelectorAll(page, withIdAttribute)]) {
    if (el.localName === 'a' || composedClosest(el, FOREIGN_RECORD_CONTAINERS) || !belongsToPage(el, page)) continue;
    for (const attr of RECORD_ID_ATTRIBUTES) {
      const value = el.getAttribute(attr)?.trim();
      if (value && RECORD_ID_VALUE.test(value)) ids.add(value);
    }
  }
  for (const link of deepQuerySelectorAll(page, SELF_LINK)) {
    if (composedClosest(link, FOREIGN_RECORD_CONTAINERS) || !belongsToPage(link, page)) continue;
    const match = SELF_LINK_PATTERN.exec(link.getAttribute('href') ?? '');
    if (match) ids.add(match[1]);
  }
  return [...ids];
}

/** How a record page copy was tied to the URL's record. */
export interface FoundRecordPage {
  page: Element;
  /**
   * `id`: the copy shows the URL's record id as its own. `sole`: no copy names any record as its own (a plain
   * Details layout carries no id) and exactly one is visible — the caller must confirm it with what the page
   * offers (tab title, highlights name).
   */
  by: 'id' | 'sole';
}

/**
 * The record page copy for `recordId`: among all `one-record-home-flexipage2` copies (Lightning keeps hidden cached
 * copies of earlier records), the first VISIBLE one that shows the id as its own. When no visible copy names any
 * record as its own, the one visible copy (if exactly one) is returned as `sole`. Null otherwise — e.g. the previous
 * record is still on screen after navigation, or nothing has rendered yet.
 */
export function findRecordPage(
  doc: Document,
  recordId: string,
  isVisible: VisibilityCheck = isShownByAttributes,
): FoundRecordPage | null {
  const copies = deepQuerySelectorAll(doc, RECORD_PAGE);
  // Without any flexipage (an unusual app page template), the whole body is the one candidate, under the same rules.
  const candidates = (copies.length > 0 ? copies : doc.body ? [doc.body] : []).filter((page) => isVisible(page));
  const withIds = candidates.map((page) => ({ page, ids: ownRecordIds(page) }));
  const own = withIds.find(({ ids }) => ids.some((id) => sameRecordId(id, recordId)));
  if (own) return { page: own.page, by: 'id' };
  if (withIds.length === 1 && withIds[0].ids.length === 0) return { page: withIds[0].page, by: 'sole' };
  return null;
}
