import type { RecordRef } from '../types';

/**
 * Salesforce Lightning Account record pages. The record key comes from the URL alone: `sf:Account:<id>`, the id
 * kept exactly as in the URL (15- or 18-character form).
 *
 * Positives:
 *   https://acme.lightning.force.com/lightning/r/Account/001Dn00000AbCdEIAV/view
 *   https://acme.lightning.force.com/lightning/r/Account/001Dn00000AbCdE/view?0.source=alohaHeader   (15-char id)
 *   https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/001.../view                     (sandbox)
 *   https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/001.../view                   (dev org)
 *   https://acme.lightning.force.com/lightning/r/001Dn00000AbCdEIAV/view
 *     (short form without the object name: accepted only for ids with the Account key prefix "001")
 * Negatives:
 *   …/lightning/r/Contact/003…/view, …/r/Opportunity/006…/view, …/r/Lead/00Q…/view   (other objects)
 *   …/lightning/r/003…/view                       (short form of a non-Account id)
 *   …/lightning/r/Account/001…/related/Contacts/view  (a related list, not the record page)
 *   …/lightning/o/Account/list, …/lightning/setup/…, …/lightning/page/home
 *   https://acme.my.salesforce.com/001…           (Classic / redirect host, not Lightning)
 *   https://acme.lightning.force.com.evil.example/lightning/r/Account/001…/view          (look-alike host)
 */

/** `<mydomain>.lightning.force.com` and its sandbox / develop / scratch sub-zones: any host under this suffix. */
const LIGHTNING_HOST_SUFFIX = '.lightning.force.com';

/** A Salesforce record id: 15 case-sensitive characters, or 18 with the case-checksum suffix. */
const RECORD_ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';

/** Every Account id starts with this key prefix (Person Accounts included). */
const ACCOUNT_KEY_PREFIX = '001';

const ACCOUNT_RECORD_PATH = new RegExp(`^/lightning/r/Account/(${RECORD_ID})/view/?$`);
const SHORT_RECORD_PATH = new RegExp(`^/lightning/r/(${RECORD_ID})/view/?$`);

export function isLightningHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host.endsWith(LIGHTNING_HOST_SUFFIX) && host.length > LIGHTNING_HOST_SUFFIX.length;
}

/** The Account id named by the URL, or null. */
export function accountIdFromUrl(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!isLightningHost(url.hostname)) return null;
  const full = ACCOUNT_RECORD_PATH.exec(url.pathname);
  if (full) return full[1];
  const short = SHORT_RECORD_PATH.exec(url.pathname);
  if (short && short[1].startsWith(ACCOUNT_KEY_PREFIX)) return short[1];
  return null;
}

export function matchUrl(url: URL): RecordRef | null {
  const id = accountIdFromUrl(url);
  if (!id) return null;
  return { site: 'salesforce', recordKey: `sf:Account:${id}`, kind: 'record' };
}

/**
 * Whether two record ids name the same record: the first 15 characters are the id, the 3 extra characters of the
 * 18-character form are only a case checksum.
 */
export function sameRecordId(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}
