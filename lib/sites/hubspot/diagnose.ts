import { check, count, factNames, type PageDiagnostic } from '../diagnostic';
import { isShown } from './dom';
import { readHeader } from './read-header';
import { propertiesToRaw, readOwnProperties } from './read-properties';
import { belongsToRecord, cardIdOf } from './scope';
import { CARD, COMPANY_HIGHLIGHT, HIGHLIGHT_TITLE, LEFT_SIDEBAR, OBJECT_PREVIEW, PROPERTY_INPUT } from './selectors';
import { matchUrl, recordIdOf } from './url';

/** What the HubSpot adapter tried on this page, source by source (see lib/sites/diagnostic.ts: no page text). */
export function diagnose(doc: Document, url: URL): PageDiagnostic | null {
  const ref = matchUrl(url);
  if (!ref) return null;
  const header = readHeader(doc, url, recordIdOf(ref));
  const headerName = typeof header.raw.name === 'string' ? header.raw.name : undefined;
  const headers = Array.from(doc.querySelectorAll(COMPANY_HIGHLIGHT));
  const inputs = Array.from(doc.querySelectorAll(PROPERTY_INPUT));
  const cards = Array.from(doc.querySelectorAll(CARD));
  return {
    site: 'hubspot',
    recordKey: ref.recordKey,
    kind: ref.kind,
    sources: [
      check('Record header (visible)', COMPANY_HIGHLIGHT, headers.length, header.found && !header.showsOtherRecord ? ['this-record'] : header.showsOtherRecord ? ['other-record'] : [], headers.filter(isShown).length),
      check('Header title', HIGHLIGHT_TITLE, count(doc, HIGHLIGHT_TITLE), headerName ? ['name'] : []),
      check('Left sidebar', LEFT_SIDEBAR, count(doc, LEFT_SIDEBAR)),
      check('Cards (by card id)', CARD, cards.length, cards.map(cardIdOf).filter((id): id is string => id !== undefined)),
      check('Property inputs of this record', PROPERTY_INPUT, inputs.length, factNames(propertiesToRaw(readOwnProperties(doc, headerName))), inputs.filter(belongsToRecord).length),
      check('Preview panels (other records, ignored)', OBJECT_PREVIEW, count(doc, OBJECT_PREVIEW)),
    ],
  };
}
