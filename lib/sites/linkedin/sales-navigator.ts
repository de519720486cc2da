import type { RawFacts } from '../../facts/raw';
import { SALES_ACCOUNT_CARD, SALES_ACCOUNT_LINK_PATH, SALES_FIELD, SALES_NAME, SALES_WEBSITE } from './selectors';
import { externalUrl, readText } from './text';

/**
 * Sales Navigator account page `/sales/company/<numericId>`. Classes are hashed; `data-anonymize` and
 * `data-x--account--name` are the stable hooks. Values are read as shown ("201-500 employees", "$20M - $50M").
 */

/**
 * Evidence that the rendered account is the URL's: a name is shown, and the account card's own links to
 * `/sales/company/<id>/…` (if any) include this id — after in-app navigation the previous account's card can linger.
 */
function showsAccount(doc: Document, accountId: string): boolean {
  const name = doc.querySelector(SALES_NAME);
  if (!name || !readText(name)) return false;
  const card = name.closest(SALES_ACCOUNT_CARD) ?? name.closest('section') ?? doc.body;
  const ids = Array.from(card.querySelectorAll('a[href]'))
    .map((a) => (a.getAttribute('href') ?? '').match(SALES_ACCOUNT_LINK_PATH)?.[1])
    .filter((id): id is string => id !== undefined);
  return ids.length === 0 || ids.includes(accountId);
}

export function readSalesNavigator(doc: Document, accountId: string, base: URL): RawFacts | null {
  if (!showsAccount(doc, accountId)) return null;
  const raw: RawFacts = {};
  const field = (name: Parameters<typeof SALES_FIELD>[0]) => readText(doc.querySelector(SALES_FIELD(name))) || undefined;
  raw.name = readText(doc.querySelector(SALES_NAME));
  const industry = field('industry');
  if (industry) raw.industry = industry;
  const size = field('company-size');
  if (size) raw.employees = size;
  const location = field('location');
  if (location) raw.hqLocation = location;
  const revenue = field('revenue');
  if (revenue) raw.revenueUsd = revenue;
  const website = externalUrl(doc.querySelector(SALES_WEBSITE)?.getAttribute('href'), base);
  if (website) raw.domain = website;
  return raw;
}
