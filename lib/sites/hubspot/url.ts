import type { RecordRef } from '../types';

/**
 * Detects a HubSpot company record from its URL alone.
 *
 * Matches (key `hs:<portal>:0-2:<recordId>`):
 *   https://app.hubspot.com/contacts/4455667/record/0-2/18122334455
 *   https://app-eu1.hubspot.com/contacts/26001122/record/0-2/9123456789/view/1   (trailing tab path)
 *   https://app-na1.hubspot.com/contacts/4455667/company/18122334455             (older URL, same record)
 * Does not match:
 *   https://app.hubspot.com/contacts/4455667/record/0-1/551   (contact)     …/record/0-3/77 (deal)
 *   …/record/0-5/9 (ticket)   …/record/2-123456/4 (custom object)
 *   https://app.hubspot.com/contacts/4455667/objects/0-2/views/all/list   (list view)
 *   https://hubspot.com.evil.example/contacts/1/record/0-2/2   (not a HubSpot host)
 */

/** `app.hubspot.com` and the regional hosts `app-eu1.hubspot.com`, `app-na1.hubspot.com`, … */
const HUBSPOT_APP_HOST = /^app(-[a-z0-9]+)?\.hubspot\.com$/i;

/** New record UI: object type 0-2 is "company"; anything after the id (e.g. `/view/1`) is a tab. */
const RECORD_PATH = /^\/contacts\/(\d+)\/record\/0-2\/(\d+)(\/.*)?$/;

/** Older company URL, still linked from emails and bookmarks. */
const LEGACY_COMPANY_PATH = /^\/contacts\/(\d+)\/company\/(\d+)(\/.*)?$/;

export function hubspotRecordKey(portalId: string, recordId: string): string {
  return `hs:${portalId}:0-2:${recordId}`;
}

export function matchUrl(url: URL): RecordRef | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!HUBSPOT_APP_HOST.test(url.hostname)) return null;

  const record = RECORD_PATH.exec(url.pathname);
  if (record) return { site: 'hubspot', recordKey: hubspotRecordKey(record[1]!, record[2]!), kind: 'record' };

  const legacy = LEGACY_COMPANY_PATH.exec(url.pathname);
  if (legacy) return { site: 'hubspot', recordKey: hubspotRecordKey(legacy[1]!, legacy[2]!), kind: 'legacy-company' };

  return null;
}

/** The record id (the last part of the key), for identity checks against the page. */
export function recordIdOf(ref: RecordRef): string {
  return ref.recordKey.slice(ref.recordKey.lastIndexOf(':') + 1);
}
