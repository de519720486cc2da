import { check, type PageDiagnostic } from '../diagnostic';
import { deepQuerySelectorAll, isShownByAttributes } from './deep-dom';
import { readHighlights, readHookedFields } from './readers';
import { findRecordPage } from './record-page';
import { FIELD_HOOK, HIGHLIGHTS, HIGHLIGHTS_ITEM, RECORD_PAGE } from './selectors';
import { recordNameInTitle } from './extract';
import { accountIdFromUrl, matchUrl } from './url';

/**
 * What the Salesforce adapter tried on this page, source by source (see lib/sites/diagnostic.ts: no page text).
 * Field API names ("Industry", "Tech_Stack__c") are the org's schema, not the record's values.
 */
export function diagnose(doc: Document, url: URL): PageDiagnostic | null {
  const ref = matchUrl(url);
  const recordId = accountIdFromUrl(url);
  if (!ref || !recordId) return null;
  const copies = deepQuerySelectorAll(doc, RECORD_PAGE);
  const found = findRecordPage(doc, recordId);
  const page = found?.page;
  const hooked = page ? [...readHookedFields(page).keys()] : [];
  const highlights = page ? readHighlights(page) : undefined;
  return {
    site: 'salesforce',
    recordKey: ref.recordKey,
    kind: ref.kind,
    sources: [
      check('Record page copies (visible one for this record)', RECORD_PAGE, copies.length, found ? [`by-${found.by}`] : [], copies.filter((c) => isShownByAttributes(c)).length),
      check('Tab title "<Name> | <Object> | Salesforce"', 'title', doc.title ? 1 : 0, recordNameInTitle(doc.title) ? ['record-title'] : []),
      check('Highlights panel', HIGHLIGHTS, page ? deepQuerySelectorAll(page, HIGHLIGHTS).length : 0, highlights?.name ? ['name'] : []),
      check('Highlights items (English labels)', HIGHLIGHTS_ITEM, page ? deepQuerySelectorAll(page, HIGHLIGHTS_ITEM).length : 0, [...(highlights?.fields.keys() ?? [])]),
      check('Details fields (API-name hooks)', FIELD_HOOK, page ? deepQuerySelectorAll(page, FIELD_HOOK).length : deepQuerySelectorAll(doc, FIELD_HOOK).length, hooked),
    ],
  };
}
