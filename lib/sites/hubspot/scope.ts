import { isShown } from './dom';
import {
  CARD,
  CARD_ID_ATTRIBUTES,
  COMPANY_HIGHLIGHT,
  LEFT_SIDEBAR,
  OBJECT_PREVIEW,
  OWN_PROPERTIES_CARD_ID,
} from './selectors';

/**
 * Which parts of a record page show the record's OWN company properties.
 *
 * A company record also shows cards of other objects — associated deals and contacts (with their own
 * `property-input-name`), a preview panel of another record — whose values must never be read as the company's.
 * An element belongs to the record when it is visible, is not inside a preview panel, and
 *  - its nearest card is a company properties card (`PROPERTIES_V3/0-2/V2`), or
 *  - it sits in no card at all but inside the left sidebar or the record header.
 */

/** The card id of a card element: "PROPERTIES_V3/0-2/V2" from `data-test-id="card-wrapper-PROPERTIES_V3/0-2/V2"`. */
export function cardIdOf(card: Element): string | undefined {
  for (const { name, prefix } of CARD_ID_ATTRIBUTES) {
    const value = card.getAttribute(name);
    if (value?.startsWith(prefix)) return value.slice(prefix.length);
  }
  return undefined;
}

export function isOwnPropertiesCard(card: Element): boolean {
  const id = cardIdOf(card);
  return id !== undefined && OWN_PROPERTIES_CARD_ID.test(id);
}

export function isInPreview(el: Element): boolean {
  return el.closest(OBJECT_PREVIEW) !== null;
}

export function belongsToRecord(el: Element): boolean {
  if (!isShown(el) || isInPreview(el)) return false;
  const card = el.closest(CARD);
  if (card) return isOwnPropertiesCard(card);
  return el.closest(LEFT_SIDEBAR) !== null || el.closest(COMPANY_HIGHLIGHT) !== null;
}
