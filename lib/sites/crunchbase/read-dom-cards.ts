import type { RawFacts } from '../../facts/raw';
import { httpLink, isLockedValue, visibleText } from './dom';
import {
  CATEGORY_CHIPS,
  FIELD_VALUE,
  ICON_FIELD,
  ICON_KEY_ATTR,
  ICON_KEYS,
  IDENTIFIER_VALUE,
  LINK_VALUE,
  PROFILE_NAME,
} from './selectors';

/**
 * Raw facts from the older profile layout: `span.profile-name`, `fields-card` rows whose meaning is given by the
 * icon (`label-with-icon[iconkey]`), and category chips. Returns null when no name is rendered. The caller
 * checks the DOM's identity first.
 */
export function readFieldsCardLayout(doc: Document): RawFacts | null {
  const name = visibleText(doc.querySelector(PROFILE_NAME));
  if (!name) return null;

  const raw: RawFacts = { name };
  for (const field of Array.from(doc.querySelectorAll(ICON_FIELD))) {
    const fact = ICON_KEYS[field.getAttribute(ICON_KEY_ATTR) ?? ''];
    const value = field.querySelector(FIELD_VALUE);
    if (!fact || !value || raw[fact] !== undefined || isLockedValue(value)) continue;

    if (fact === 'domain') {
      // The website is a `link-formatter` link; its href is the URL, its text may be shortened.
      raw.domain = httpLink(value.querySelector(LINK_VALUE) ?? value, doc.baseURI) ?? visibleText(value);
    } else if (fact === 'hqLocation') {
      // "Austin, Texas, United States": one link per place inside identifier-multi-formatter.
      raw.hqLocation = visibleText(value.querySelector(IDENTIFIER_VALUE) ?? value);
    } else {
      raw[fact] = visibleText(value);
    }
    if (raw[fact] === undefined) delete raw[fact];
  }

  const categories = Array.from(doc.querySelectorAll(CATEGORY_CHIPS))
    .map((chip) => visibleText(chip))
    .filter((text): text is string => text !== undefined);
  const unique = [...new Set(categories)];
  if (unique.length > 0) raw.industry = unique;
  return raw;
}
