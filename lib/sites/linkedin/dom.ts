import type { RawFacts } from '../../facts/raw';
import {
  ASSOCIATED_MEMBERS,
  CANONICAL_LINK,
  EMPLOYEES,
  FOLLOWERS,
  FUNDING_LAST_ROUND,
  FUNDING_AMOUNT,
  FUNDING_HIDDEN,
  FUNDING_ROUND_DATE,
  FUNDING_SECTION,
  GROWTH_6M_LABEL,
  IDENTITY_TABS,
  INDUSTRY_CONNECTORS,
  INSIGHTS_SUMMARY_TABLE,
  INTERACTIVE,
  LABEL_CANDIDATES,
  LABELS,
  MAIN_REGION,
  NAME_HEADINGS,
  NEW_LAYOUT_NAME_HEADINGS,
  OG_TITLE_META,
  OG_URL_META,
  PEOPLE_TAB,
  PRODUCT_LINK_PATH,
  PUBLIC_ABOUT_FIELD,
  PUBLIC_ABOUT_FIELDS,
  PUBLIC_ABOUT_LABEL,
  PUBLIC_ABOUT_VALUE,
  PUBLIC_FIRST_SUBLINE,
  PUBLIC_WEBSITE_LINK,
  SUBLINE_SEPARATOR,
  TAB_NAVIGATION_LINKS,
  TOP_CARD_INFO_ITEMS,
  TOP_CARD_ACTIONS,
  type LabelledField,
} from './selectors';
import type { CompanyIdentity } from './identity';
import { cleanText, externalUrl, isDuplicateCopy, normaliseLabel, readText, sameText, textWithout, websiteFromText } from './text';
import { parseLinkedInUrl, type LinkedInPage } from './url';

/** Readers of the rendered organisation page (logged in, logged out and the newer class-less layout). */

/** About-section values as shown: website as an absolute URL, the rest as text. */
export type AboutFields = Partial<Record<LabelledField, string>>;

/** What higher-precedence sources already know; used to classify one-line top-card items by content. */
export interface KnownFacts {
  industry?: string;
  hq?: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------------------

/** The LinkedIn page an href points to, or null (bad href, other site, not a company page). */
function pageOf(href: string | null, base: URL): LinkedInPage | null {
  if (!href) return null;
  try {
    return parseLinkedInUrl(new URL(href, base));
  } catch {
    return null;
  }
}

function namesSlug(href: string | null, base: URL, identity: CompanyIdentity, tabOnly: boolean): boolean {
  const page = pageOf(href, base);
  return page?.kind === 'organization' && identity.slugs.has(page.slug) && (!tabOnly || IDENTITY_TABS.has(page.tab));
}

function canonicalHrefs(doc: Document): (string | null)[] {
  return [doc.querySelector(CANONICAL_LINK)?.getAttribute('href') ?? null, doc.querySelector(OG_URL_META)?.getAttribute('content') ?? null];
}

/** True when the rendered DOM is about the URL's company (see IDENTITY_TABS in selectors.ts for why tabs). */
export function domShowsCompany(doc: Document, identity: CompanyIdentity, base: URL): boolean {
  if (canonicalHrefs(doc).some((href) => namesSlug(href, base, identity, false))) return true;
  return Array.from(doc.querySelectorAll(TAB_NAVIGATION_LINKS)).some((a) => namesSlug(a.getAttribute('href'), base, identity, true));
}

/** Company slugs the page names as itself: canonical link and og:url (used to resolve numeric URLs). */
export function canonicalSlugs(doc: Document, base: URL): string[] {
  return canonicalHrefs(doc)
    .map((href) => pageOf(href, base))
    .flatMap((page) => (page?.kind === 'organization' ? [page.slug] : []));
}

// ---------------------------------------------------------------------------------------------------------------
// Name
// ---------------------------------------------------------------------------------------------------------------

export function readName(doc: Document, identity: CompanyIdentity, base: URL): string | undefined {
  for (const selector of NAME_HEADINGS) {
    const text = readText(doc.querySelector(selector));
    if (text) return text;
  }
  // Newer layout: the name is one of several `main h2`s ("About", "Overview"…); the one the <title> names.
  const title = normaliseLabel(doc.title);
  for (const h2 of Array.from(doc.querySelectorAll(NEW_LAYOUT_NAME_HEADINGS))) {
    const text = readText(h2);
    if (text.length > 1 && title.includes(normaliseLabel(text))) return text;
  }
  // Last resort: og:title "Acme | LinkedIn", only when og:url names this company (meta tags are not updated by
  // in-app navigation).
  const ogUrl = doc.querySelector(OG_URL_META)?.getAttribute('content') ?? null;
  if (namesSlug(ogUrl, base, identity, false)) {
    const ogTitle = cleanText(doc.querySelector(OG_TITLE_META)?.getAttribute('content')).replace(/\s*\|\s*LinkedIn$/i, '');
    if (ogTitle) return ogTitle;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// About fields
// ---------------------------------------------------------------------------------------------------------------

const LABEL_TO_FIELD = new Map<string, LabelledField>();
for (const [field, labels] of Object.entries(LABELS) as [LabelledField, readonly string[]][]) {
  for (const label of labels) LABEL_TO_FIELD.set(normaliseLabel(label), field);
}

function fieldForLabel(el: Element): LabelledField | undefined {
  // Cheap guards before reading text, in order of cost: a label has at most a few child elements, and is short.
  // (A container's textContent is its whole subtree: on a 50k-element page, reading it for every div was the hang.)
  if (el.childElementCount > MAX_LABEL_CHILDREN) return undefined;
  const text = el.textContent ?? '';
  if (text.length > 80 || text.trim().length < MIN_LABEL_LENGTH) return undefined;
  return LABEL_TO_FIELD.get(normaliseLabel(readText(el)));
}
const MAX_LABEL_CHILDREN = 3;
const MIN_LABEL_LENGTH = Math.min(...[...LABEL_TO_FIELD.keys()].map((label) => label.length));

/** A website value: the link's target, else the text when it looks like a website. */
function websiteIn(el: Element, base: URL): string | undefined {
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    const url = externalUrl(a.getAttribute('href'), base);
    if (url) return url;
  }
  return websiteFromText(readText(el));
}

/** "N associated members" (second `dd` of Company size): a member count, not the headcount band. */
function isMemberCount(el: Element, base: URL): boolean {
  if (ASSOCIATED_MEMBERS.test(readText(el))) return true;
  return Array.from(el.querySelectorAll('a[href]')).some((a) => {
    const page = pageOf(a.getAttribute('href'), base);
    return page?.kind === 'organization' && page.tab === PEOPLE_TAB;
  });
}

/** The value of a label: the following siblings up to the next label, first one that has a value. */
function valueAfter(label: Element, field: LabelledField, base: URL): string | undefined {
  for (let el = label.nextElementSibling; el; el = el.nextElementSibling) {
    if (el.tagName === 'DT' || fieldForLabel(el)) return undefined;
    if (isDuplicateCopy(el)) continue;
    if (field === 'size' && isMemberCount(el, base)) continue;
    const value = field === 'website' ? websiteIn(el, base) : readText(el);
    if (value) return value;
  }
  return undefined;
}

/**
 * Label/value pairs anywhere in `main`: the logged-in About `dl` (`dt` label, `dd` value) and the newer layout's
 * labelled siblings. Labels are found by their text in any supported language; the first value per field wins.
 */
export function readLabelledFields(doc: Document, base: URL): AboutFields {
  const root = doc.querySelector(MAIN_REGION) ?? doc.body;
  const fields: AboutFields = {};
  if (!root) return fields;
  const labels = labelCandidates(root);
  for (const candidates of LABEL_CANDIDATES) {
    for (const el of labels) {
      if (!el.matches(candidates)) continue;
      const field = fieldForLabel(el);
      if (!field || fields[field] !== undefined) continue;
      if (isDuplicateCopy(el) || el.closest(INTERACTIVE) || el.closest(TOP_CARD_ACTIONS)) continue;
      const value = valueAfter(el, field, base);
      if (value) fields[field] = value;
    }
  }
  return fields;
}

/** Text made only of label words ("Company", "size", "Industry:"), as one regular expression: one test per text node. */
const LABEL_WORDS = new RegExp(
  `^\\s*(?:(?:${[...new Set([...LABEL_TO_FIELD.keys()].flatMap((label) => label.split(' ')))]
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’‘`´]"))
    .join('|')})\\s*:?\\s*)+$`,
  'i',
);
const TEXT_NODE_FILTER = 4; // NodeFilter.SHOW_TEXT (no NodeFilter global in every test environment)
/** How far above a label's text node the label element may be (`<dt><span>Industry</span></dt>`). */
const LABEL_DEPTH = 3;

/**
 * The elements that may be labels, in document order, found from the text nodes up: only short text made of label
 * words ("Company", "size") is looked at, so the cost is one cheap test per text node. Reading the text of every
 * element instead made a 50k-element page take over half a second per read (issue 15).
 */
function labelCandidates(root: Element): Element[] {
  const found = new Set<Element>();
  const walker = root.ownerDocument.createTreeWalker(root, TEXT_NODE_FILTER);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length > 80 || !LABEL_WORDS.test(text)) continue;
    let el = node.parentElement;
    for (let depth = 0; el && depth < LABEL_DEPTH; depth++, el = el === root ? null : el.parentElement) found.add(el);
  }
  // Document order, as a selector query returns them: the first value per field wins.
  return [...found].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** Logged-out About: `[data-test-id="about-us__<field>"] dd`. */
export function readPublicAbout(doc: Document, base: URL): AboutFields {
  const fields: AboutFields = {};
  for (const [field, ids] of Object.entries(PUBLIC_ABOUT_FIELDS) as [LabelledField, readonly string[]][]) {
    for (const id of ids) {
      const container = doc.querySelector(PUBLIC_ABOUT_FIELD(id));
      if (!container) continue;
      // The value is the `dd`; without one (a half-rendered field) only text outside the `dt` label counts.
      const value = container.querySelector(PUBLIC_ABOUT_VALUE);
      const text =
        field === 'website'
          ? externalUrl(container.querySelector(PUBLIC_WEBSITE_LINK)?.getAttribute('href'), base) ?? (value ? websiteIn(value, base) : undefined)
          : value
            ? readText(value)
            : textWithout(container, PUBLIC_ABOUT_LABEL);
      if (text && !LABEL_TO_FIELD.has(normaliseLabel(text))) {
        fields[field] = text;
        break;
      }
    }
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------------------------
// Top card: one-line facts classified by content
// ---------------------------------------------------------------------------------------------------------------

type LineKind = 'industry' | 'hq' | 'employees';

/**
 * What one top-card item says. Followers and product-category links are dropped. Industry vs HQ: first by
 * comparing with facts already known from the About section or JSON, then by shape — a location has commas
 * ("Lyon, Auvergne-Rhône-Alpes"), while comma-containing industries join words with "and" ("Technology,
 * Information and Internet"). Known limit: "Port of Spain, Trinidad and Tobago" reads as an industry.
 */
export function classifyLine(text: string, known: KnownFacts, href?: string): LineKind | null {
  if (!text || FOLLOWERS.test(text)) return null;
  if (EMPLOYEES.test(text)) return 'employees';
  if (href && PRODUCT_LINK_PATH.test(href)) return null;
  if (sameText(text, known.industry)) return 'industry';
  if (known.hq?.some((hq) => sameText(text, hq))) return 'hq';
  return text.includes(',') && !INDUSTRY_CONNECTORS.test(text) ? 'hq' : 'industry';
}

function addLine(out: RawFacts, kind: LineKind | null, text: string): void {
  if (kind === 'industry' && out.industry === undefined) out.industry = text;
  if (kind === 'hq' && out.hqLocation === undefined) out.hqLocation = text;
  if (kind === 'employees' && out.employees === undefined) out.employees = text;
}

/** Logged-in `.org-top-card-summary-info-list__info-item`s and the logged-out "a · b · c" subline. */
export function readTopCard(doc: Document, known: KnownFacts, scope: DomScope = 'all'): RawFacts {
  const out: RawFacts = {};
  const items = scope === 'all' ? Array.from(doc.querySelectorAll(TOP_CARD_INFO_ITEMS)) : [];
  for (const item of items) {
    if (item.parentElement?.closest(TOP_CARD_INFO_ITEMS)) continue; // nested copy of an item
    const text = readText(item);
    const href = item.getAttribute('href') ?? item.querySelector('a[href]')?.getAttribute('href') ?? undefined;
    addLine(out, classifyLine(text, known, href), text);
  }
  const subline = readText(doc.querySelector(PUBLIC_FIRST_SUBLINE));
  for (const part of subline ? subline.split(SUBLINE_SEPARATOR) : []) {
    const text = cleanText(part);
    addLine(out, classifyLine(text, known), text);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Premium insights and funding
// ---------------------------------------------------------------------------------------------------------------

const PERCENT = /[-+−]?\s?\d+(?:[.,]\d+)?\s?%/;
const DECREASE_WORDS = /\b(decrease|decline|down|baisse|rückgang|disminución)\b/i;

/**
 * `/insights/` summary table: the 6-month growth cell, found under the header whose label says "6m growth".
 * The sign can be carried only by an arrow icon with a screen-reader word ("decrease"); we keep it.
 */
export function readEmployeeGrowth6m(doc: Document): string | undefined {
  const table = doc.querySelector(INSIGHTS_SUMMARY_TABLE);
  if (!table) return undefined;
  const rows = Array.from(table.querySelectorAll('tr'));
  for (let r = 0; r < rows.length; r++) {
    const cells = Array.from(rows[r].querySelectorAll('th, td'));
    const column = cells.findIndex((cell) => GROWTH_6M_LABEL.test(readText(cell)));
    if (column < 0) continue;
    const valueRow = rows.slice(r + 1).find((row) => row.querySelector('td'));
    const cell = valueRow?.querySelectorAll('th, td')[column];
    const match = readText(cell).match(PERCENT);
    if (!match) return undefined;
    const value = match[0].replace(/\s/g, '').replace('−', '-');
    const signed = /^[-+]/.test(value);
    return !signed && DECREASE_WORDS.test(cell?.textContent ?? '') ? `-${value}` : value;
  }
  return undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The round's amount: the first leaf outside any link in the funding block that reads like money. */
function fundingAmount(section: Element): string | undefined {
  for (const el of Array.from(section.querySelectorAll('*'))) {
    if (el.childElementCount > 0 || el.closest('a') || el.closest(FUNDING_HIDDEN)) continue;
    const match = readText(el).match(FUNDING_AMOUNT);
    if (match) return cleanText(match[0]);
  }
  return undefined;
}

/**
 * Logged-out funding block (Crunchbase data): the last round's name, date and amount. The link's
 * `aria-describedby` target (a hidden "External Crunchbase Link…" div) and any hidden helper are never read.
 */
export function readFunding(doc: Document): RawFacts {
  const out: RawFacts = {};
  const section = doc.querySelector(FUNDING_SECTION);
  const lastRound = section?.querySelector(FUNDING_LAST_ROUND);
  if (!section || !lastRound) return out;
  const time = lastRound.querySelector(FUNDING_ROUND_DATE);
  const datetime = cleanText(time?.getAttribute('datetime'));
  const date = datetime || readText(time);
  const describedBy = (lastRound.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => /^[\w-]+$/.test(id));
  const skip = [FUNDING_HIDDEN, FUNDING_ROUND_DATE, ...describedBy.map((id) => `#${id}`)].join(', ');
  const stage = textWithout(lastRound, skip);
  if (stage) out.fundingStage = stage;
  if (date) out.lastFundingDate = date;
  const amount = fundingAmount(section);
  if (ISO_DATE.test(datetime)) {
    const title = [stage, amount].filter((part) => part).join(' — ');
    out.signals = [title ? { type: 'funding', date: datetime, title } : { type: 'funding', date: datetime }];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// All DOM facts of an organisation page
// ---------------------------------------------------------------------------------------------------------------

/** About fields into raw fact names. */
function aboutToRaw(about: AboutFields): RawFacts {
  const raw: RawFacts = {};
  if (about.website) raw.domain = about.website;
  if (about.industry) raw.industry = about.industry;
  if (about.size) raw.employees = about.size;
  if (about.headquarters) raw.hqLocation = about.headquarters;
  if (about.type) raw.companyType = about.type;
  if (about.founded) raw.foundedYear = about.founded;
  return raw;
}

/**
 * Which DOM sources to read: `all` when the DOM itself shows the company (canonical, og:url, tab links); `public`
 * when only the JSON-LD Organization names it — then only the logged-out page's server-rendered parts (top card,
 * `about-us__*` fields, funding) are read, as they come in the same document as that JSON-LD.
 */
export type DomScope = 'all' | 'public';

/**
 * Every DOM source of an organisation page, most reliable first (first value per fact wins): logged-out
 * `data-test-id` fields, labelled About fields, the top card, then Premium insights and funding.
 */
export function readOrganizationDom(doc: Document, identity: CompanyIdentity, base: URL, known: KnownFacts, scope: DomScope): RawFacts[] {
  const publicAbout = aboutToRaw(readPublicAbout(doc, base));
  const labelled = scope === 'all' ? aboutToRaw(readLabelledFields(doc, base)) : {};
  const industry = known.industry ?? (publicAbout.industry as string | undefined) ?? (labelled.industry as string | undefined);
  const hq = [...(known.hq ?? []), publicAbout.hqLocation, labelled.hqLocation].filter((h): h is string => typeof h === 'string');
  const topCard = readTopCard(doc, { industry, hq }, scope);

  const misc: RawFacts = {};
  const name = readName(doc, identity, base);
  if (name) misc.name = name;
  const growth = scope === 'all' ? readEmployeeGrowth6m(doc) : undefined;
  if (growth) misc.employeeGrowth6m = growth;

  return [misc, publicAbout, labelled, topCard, readFunding(doc)];
}
