import type { RawFacts } from '../../facts/raw';
import { isShown, visibleText } from './dom';
import { isInPreview } from './scope';
import {
  COMPANY_HIGHLIGHT,
  HIGHLIGHT_CONTAINER,
  HIGHLIGHT_TITLE,
  OBJECT_ID_ATTRIBUTE,
  OBJECT_TYPE_ID_ATTRIBUTE,
  RECORD_LINK,
} from './selectors';
import { matchUrl, recordIdOf } from './url';

/**
 * Reads the record header (the "highlight" at the top of the left sidebar): the company name, and which
 * company record the header belongs to, when it says so.
 */
export interface HeaderReading {
  /** A visible company header was found. */
  found: boolean;
  /** The header names a different company record than the URL (a header left over from the last record). */
  showsOtherRecord: boolean;
  raw: RawFacts;
}

/** The visible company header of the record (not one inside a preview panel). */
export function findCompanyHeader(doc: Document): Element | null {
  for (const details of Array.from(doc.querySelectorAll(COMPANY_HIGHLIGHT))) {
    if (isShown(details) && !isInPreview(details)) return details;
  }
  return null;
}

/**
 * Company record ids the header names: `data-object-id` attributes (object type 0-2 or untyped) and links to
 * company records. Searched in the whole highlight container, which wraps the details block.
 */
export function recordIdsNamedBy(header: Element, baseUrl: string): string[] {
  const container = header.closest(HIGHLIGHT_CONTAINER) ?? header;
  const ids: string[] = [];

  const tagged = [container, ...Array.from(container.querySelectorAll(`[${OBJECT_ID_ATTRIBUTE}]`))];
  for (const el of tagged) {
    const id = el.getAttribute(OBJECT_ID_ATTRIBUTE)?.trim();
    const type = el.getAttribute(OBJECT_TYPE_ID_ATTRIBUTE);
    if (id && (type === null || type === '0-2')) ids.push(id);
  }

  for (const link of Array.from(container.querySelectorAll(RECORD_LINK))) {
    let target: URL;
    try {
      target = new URL(link.getAttribute('href') ?? '', baseUrl);
    } catch {
      continue;
    }
    const ref = matchUrl(target);
    if (ref) ids.push(recordIdOf(ref));
  }
  return ids;
}

/** The name a header shows. The title sits in the details block; some builds put it beside it, in the same container. */
function headerName(header: Element): string {
  const container = header.closest(HIGHLIGHT_CONTAINER) ?? header;
  const title = header.querySelector(HIGHLIGHT_TITLE) ?? container.querySelector(HIGHLIGHT_TITLE);
  return title && isShown(title) ? visibleText(title) : '';
}

export function readHeader(doc: Document, url: URL, recordId: string): HeaderReading {
  const header = findCompanyHeader(doc);
  if (!header) return { found: false, showsOtherRecord: false, raw: {} };

  const named = recordIdsNamedBy(header, url.href);
  // Only a header that names record ids, none of them ours, is stale; one naming nothing is trusted.
  // Two visible company headers with different names: one of them is left over, and nothing says which.
  const names = new Set(
    Array.from(doc.querySelectorAll(COMPANY_HIGHLIGHT))
      .filter((h) => isShown(h) && !isInPreview(h))
      .map(headerName)
      .filter((n) => n !== ''),
  );
  const showsOtherRecord = (named.length > 0 && !named.includes(recordId)) || names.size > 1;

  const raw: RawFacts = {};
  const name = headerName(header);
  if (name) raw.name = name;
  return { found: true, showsOtherRecord, raw };
}
