import { getDomain } from 'tldts';
import type { CompanyFacts } from '../facts/vocabulary';

/**
 * Who a company is, across sites and lists. Records of one company are linked by *strong* identity keys:
 *
 *   domain:<registrable domain>   "https://www.app.acme.co.uk/x" and LinkedIn's /redir/redirect?url=… both → acme.co.uk
 *   li:<slug> / li:<numeric id>   a LinkedIn company page, or a LinkedIn URL another record names
 *   cb:<permalink>                a Crunchbase organization page, or a Crunchbase URL another record names
 *   crm:<id>                      a CRM record id (a HubSpot or Salesforce record key, or the crmId fact)
 *
 * and by a *weak* one, the normalised name (legal suffixes stripped): a name-only match is only ever shown as
 * "possibly the same company", never merged, because many companies share a name.
 */

/** The registrable domain of a host or URL ("eu.app.acme.co.uk" → "acme.co.uk"), following LinkedIn redirect links. */
export function registrableDomain(input: string): string | undefined {
  const text = unwrapRedirect(input.trim().toLowerCase());
  if (!text) return undefined;
  // Private suffixes count ("acme.github.io" is Acme's, not GitHub's).
  const domain = getDomain(text, { allowPrivateDomains: true });
  return domain && /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,63}$/.test(domain) ? domain : undefined;
}

/** linkedin.com/redir/redirect?url=<encoded target> → the target (LinkedIn wraps outbound website links so). */
function unwrapRedirect(text: string): string {
  const match = text.match(/linkedin\.com\/redir\/redirect\/?\?(.*)$/);
  if (!match) return text;
  const target = new URLSearchParams(match[1]).get('url');
  return target ?? '';
}

/** The slug or numeric id of a LinkedIn company URL (/company/<x>, /school/<x>, /showcase/<x>, Sales Navigator /sales/company/<id>). */
export function linkedinIdOf(url: string): string | undefined {
  const m = url.match(/linkedin\.com\/(?:sales\/)?(?:company|school|showcase)\/([^/?#]+)/i);
  return m ? decodeURIComponent(m[1]).toLowerCase() : undefined;
}

/** The permalink of a Crunchbase organization URL. */
export function crunchbasePermalinkOf(url: string): string | undefined {
  const m = url.match(/crunchbase\.com\/organization\/([^/?#]+)/i);
  return m ? decodeURIComponent(m[1]).toLowerCase() : undefined;
}

const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co', 'company',
  'gmbh', 'ag', 'kg', 'ug', 'sa', 'sas', 'sarl', 'sl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'asa', 'aps',
  'pty', 'pte', 'kk', 'sro', 'zoo', 'sp', 'oü', 'bhd', 'sdn', 'holding', 'holdings', 'group',
]);

/**
 * A company name compared across sources: lower case, accents and punctuation dropped, trailing legal forms
 * stripped ("Acme, Inc." = "ACME Inc" = "Acme GmbH" = "acme"). Undefined when nothing is left.
 */
export function normaliseName(name: string): string | undefined {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1') // "s.a." → "sa", "b.v." → "bv"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  const joined = words.join(' ');
  return joined || undefined;
}

/** The key a record's page is stored under names its site's identity: li:/cb: are strong keys, CRM records too. */
/** The strong identity key a record's own key gives (`li:acme`, `crm:hs:123`, `domain:acme.io`); every stored row lists it. */
export function recordIdentity(recordKey: string): string | undefined {
  if (recordKey.startsWith('li:') || recordKey.startsWith('cb:')) return recordKey.toLowerCase();
  if (recordKey.startsWith('hs:') || recordKey.startsWith('sf:')) return `crm:${recordKey}`;
  if (recordKey.startsWith('domain:')) {
    const domain = registrableDomain(recordKey.slice('domain:'.length));
    return domain && `domain:${domain}`;
  }
  return undefined;
}

const text = (fact: { value: unknown } | undefined): string | undefined => (typeof fact?.value === 'string' ? fact.value : undefined);

/** Every strong identity key of a record: its own key and what its facts name (domain, LinkedIn, Crunchbase, CRM id). */
export function identityKeys(recordKey: string | undefined, facts: CompanyFacts): string[] {
  const keys = new Set<string>();
  if (recordKey) {
    const own = recordIdentity(recordKey);
    if (own) keys.add(own);
  }
  const domain = text(facts.domain) && registrableDomain(text(facts.domain)!);
  if (domain) keys.add(`domain:${domain}`);
  const li = text(facts.linkedinUrl) && linkedinIdOf(text(facts.linkedinUrl)!);
  if (li) keys.add(`li:${li}`);
  const cb = text(facts.crunchbaseUrl) && crunchbasePermalinkOf(text(facts.crunchbaseUrl)!);
  if (cb) keys.add(`cb:${cb}`);
  const crm = text(facts.crmId);
  if (crm) keys.add(`crm:${crm}`);
  return [...keys];
}

/** The weak key: `name:<normalised name>`, for "possibly the same company". */
export function nameKey(facts: CompanyFacts, fallbackName?: string): string | undefined {
  const name = text(facts.name) ?? fallbackName;
  const normalised = name && normaliseName(name);
  return normalised ? `name:${normalised}` : undefined;
}
