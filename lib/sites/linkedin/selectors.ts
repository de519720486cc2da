/**
 * Every CSS selector, attribute name and label table the LinkedIn adapter uses, in one place.
 * LinkedIn A/B tests its markup constantly, so readers prefer (in this order): identity-matched embedded JSON,
 * JSON-LD, `data-*` hooks, label/value pairs, and only then class names. Nothing here is positional.
 * Each entry says which page variant or quirk it exists for.
 */

// ---------------------------------------------------------------------------------------------------------------
// Embedded JSON
// ---------------------------------------------------------------------------------------------------------------

/**
 * Logged-in pages: hidden `<code id="bpr-guid-N" style="display:none">` blocks hold Voyager API responses
 * (the `datalet-bpr-guid-N` index blocks have a different prefix, so they are not matched here). The JSON is either
 * the element's text or, on some pages, wrapped in an HTML comment inside the element.
 * We do not need the datalet index: the company is identified inside the payload (URN + universalName).
 */
export const VOYAGER_CODE_BLOCKS = 'code[id^="bpr-guid-"]';

/** Voyager: the Company entity type inside `included[]`. */
export const VOYAGER_COMPANY_TYPE = 'com.linkedin.voyager.dash.organization.Company';

/**
 * Voyager, older (non-dash) format still served on some pages: `staffCountRange`, a flat `headquarter`,
 * `*companyIndustries`, `fundingData`. Its company response names the company in `data["*elements"][0]`.
 */
export const VOYAGER_LEGACY_COMPANY_TYPE = 'com.linkedin.voyager.organization.Company';

/** Voyager: the GraphQL result naming the company of the page (`["*elements"][0]` is its URN). */
export const VOYAGER_COMPANY_QUERY_KEY = 'organizationDashCompaniesByUniversalName';

/** Logged-out pages: JSON-LD with an `@graph` of DiscussionForumPosting items and one Organization. */
export const JSON_LD_SCRIPTS = 'script[type="application/ld+json"]';

// ---------------------------------------------------------------------------------------------------------------
// Identity evidence in the DOM (is the rendered DOM about the URL's company, or a stale/other one?)
// ---------------------------------------------------------------------------------------------------------------

/**
 * After in-app navigation the old company's DOM can linger. The DOM counts as this company's when the canonical
 * link / og:url names the slug, or when a link to one of the slug's TABS is present (the page navigation
 * Home/About/Posts/Jobs/People). A link to the company's root is not enough: "Similar pages" and "Affiliated pages"
 * on the previous company's page link there, and clicking one is how the user got here.
 */
export const CANONICAL_LINK = 'link[rel="canonical"][href]';
/** Tab links count only inside navigation: a post's author link (`/company/<slug>/posts`) elsewhere is not the page. */
export const TAB_NAVIGATION_LINKS = 'nav a[href], [role="navigation"] a[href], [role="tablist"] a[href]';
export const IDENTITY_TABS = new Set(['about', 'posts', 'jobs', 'people', 'insights', 'life']);
export const OG_URL_META = 'meta[property="og:url"]';
export const OG_TITLE_META = 'meta[property="og:title"]';

/**
 * Numeric URLs (`/company/10529043/`) name the company by id. The id appears in company URNs
 * (`urn:li:company:<id>`, dash `urn:li:fsd_company:<id>`, older `urn:li:fs_normalized_company:<id>`), on elements
 * through these attributes, and in the top card's "View all N employees" link (`facetCurrentCompany=[<id>]`).
 */
export const COMPANY_URN_ID = /^urn:li:(?:fsd_company|fs_normalized_company|fs_company|company|organization):(\d+)$/;
export const COMPANY_URN_ATTRIBUTES = ['data-entity-urn', 'data-urn', 'data-semaphore-content-urn', 'data-organization-urn'];
export const EMPLOYEES_FACET_LINKS =
  'a.face-pile__cta[href], .top-card-layout a[href*="facetCurrentCompany"], .org-top-card a[href*="facetCurrentCompany"]';
export const EMPLOYEES_FACET_ID = /^\[?(?:"|%22)?(\d+)/;

// ---------------------------------------------------------------------------------------------------------------
// Company name
// ---------------------------------------------------------------------------------------------------------------

/** Logged-out top card name: cross-checked against the JSON-LD Organization's name on pages without canonical. */
export const PUBLIC_NAME_HEADING = 'h1.top-card-layout__title';

/** Name headings, most specific first: logged-in top card, logged-out top card, then any `main h1`. */
export const NAME_HEADINGS = ['h1.org-top-card-summary__title', PUBLIC_NAME_HEADING, 'main h1'];

/** Newer class-less layout (2026-08): the name is a `main h2`; we accept the one whose text is in the <title>. */
export const NEW_LAYOUT_NAME_HEADINGS = 'main h2';

// ---------------------------------------------------------------------------------------------------------------
// Top card (one-line facts: industry · HQ · N followers · N employees)
// ---------------------------------------------------------------------------------------------------------------

/** Logged-in top card items; their order varies, so each item is classified by its content. */
export const TOP_CARD_INFO_ITEMS = '.org-top-card-summary-info-list__info-item';

/** Logged-out top card: one line "industry · location · N followers". */
export const PUBLIC_FIRST_SUBLINE = 'h3.top-card-layout__first-subline';

/** The separator LinkedIn puts between facts on the logged-out subline. */
export const SUBLINE_SEPARATOR = /\s+[·•]\s+/;

/**
 * The top card's primary action is NOT read for the website: companies can set a custom button ("Sign up",
 * "Visit website", "Learn more", "Register") linking anywhere (a signup page with utm parameters). The website
 * comes from the About data, the embedded JSON or JSON-LD `sameAs` only. Kept here so the rule is visible.
 */
export const TOP_CARD_ACTIONS = '.org-top-card-primary-actions, .top-card-layout__cta-container';

/** Product-category link in the top card ("… · CRM Software ·"): points at a product page, not the HQ. */
export const PRODUCT_LINK_PATH = /\/products?\//;

// ---------------------------------------------------------------------------------------------------------------
// About fields
// ---------------------------------------------------------------------------------------------------------------

/** Logged-out About: `div[data-test-id="about-us__<field>"]` each with a `dt` and a `dd`. */
export const PUBLIC_ABOUT_FIELD = (field: string) => `[data-test-id="about-us__${field}"]`;
export const PUBLIC_ABOUT_ANY = '[data-test-id^="about-us__"]';
export const PUBLIC_ABOUT_FIELDS = {
  website: ['website'],
  industry: ['industry', 'industries'], // both spellings seen
  size: ['size'],
  headquarters: ['headquarters'],
  type: ['organizationType'],
  founded: ['foundedOn'],
} as const;
export const PUBLIC_ABOUT_VALUE = 'dd';
export const PUBLIC_ABOUT_LABEL = 'dt';
/** Logged-out About: the website link, a `/redir/redirect?url=` wrapper around the real address. */
export const PUBLIC_WEBSITE_LINK = 'a[data-tracking-control-name="about_website"]';

/**
 * Label/value pairs: a label element followed by its value as the next element sibling. Covers the logged-in About
 * `dl` (`dt` label, `dd` value; older `dt.org-page-details__definition-term`), and the newer class-less layout's
 * labelled siblings. Labels are matched by text against LABELS below, never by class.
 */
export const LABEL_CANDIDATES = [
  'dt', // the About `dl`: searched first, so a stray "Type" in a post further up cannot take the slot
  'h3, h4, span, div, p, strong', // newer layout's labelled siblings
];
/** Where label/value pairs are searched: the page's main region (falls back to body). */
export const MAIN_REGION = 'main';

/** Elements that are never labels (buttons and links such as a "Website" button in the top card). */
export const INTERACTIVE = 'a, button';

/** Logged-in "Company size": the second `dd` "N associated members" is a member count, not the band. */
export const ASSOCIATED_MEMBERS = /associated members?|membres? associés?|zugehörige Mitglieder|miembros asociados/i;
/** …and it often links to the People tab (`/company/<slug>/people/`). */
export const PEOPLE_TAB = 'people';

/** Field names the label table maps to. */
export type LabelledField = 'website' | 'industry' | 'size' | 'headquarters' | 'type' | 'founded';

/**
 * Localised About labels (compared after lower-casing, trimming and folding ’ to '). All languages are tried on
 * every page: labels do not collide across languages, and a page's `<html lang>` is not always the UI language.
 * Labels we deliberately ignore ("Verified page", "Phone", "Specialties", "Locations") are simply absent.
 */
export const LABELS: Record<LabelledField, readonly string[]> = {
  website: ['website', 'site web', 'sitio web'],
  industry: ['industry', 'industries', 'secteur', "secteur d'activité", 'branche', 'sector'],
  size: ['company size', "taille de l'entreprise", 'unternehmensgröße', 'tamaño de la empresa'],
  headquarters: ['headquarters', 'siège social', 'hauptsitz', 'sede'],
  type: ['type', 'organization type', 'art', 'unternehmensart', 'tipo'],
  founded: ['founded', 'fondée en', 'gegründet', 'fundación', 'año de fundación'],
};

// ---------------------------------------------------------------------------------------------------------------
// Classifying one-line facts by content (top card items, logged-out subline)
// ---------------------------------------------------------------------------------------------------------------

/** "12,345 followers" in the languages we support. Followers are not a fact. */
export const FOLLOWERS = /\b(followers?|abonnés?|follower:innen|seguidores?)\b/i;
/** "201-500 employees" / "1K-5K employees": the headcount band (not the member count). */
export const EMPLOYEES = /\b(employees?|employés?|salariés?|beschäftigte|mitarbeiter(?:innen)?|empleados?)\b/i;
/** Words that join industry names ("Technology, Information and Internet"); locations rarely have them. */
export const INDUSTRY_CONNECTORS = /\s(and|et|und|y|e|&)\s/i;

// ---------------------------------------------------------------------------------------------------------------
// Duplicated accessible text
// ---------------------------------------------------------------------------------------------------------------

/** LinkedIn renders some text twice: an `aria-hidden` visual copy and a screen-reader-only copy. Read one. */
export const SCREEN_READER_ONLY = '.visually-hidden, .a11y-text, .sr-only';
export const ARIA_HIDDEN = '[aria-hidden="true"]';

// ---------------------------------------------------------------------------------------------------------------
// Premium Insights tab
// ---------------------------------------------------------------------------------------------------------------

/** `/insights/`: summary table with total employees and 6-month / 1-year / 2-year growth columns. */
export const INSIGHTS_SUMMARY_TABLE = '.org-insights-module__summary-table';
/** Header label of the 6-month growth column (the column is found by this label, not by its position). */
export const GROWTH_6M_LABEL = /^(6m growth|6[- ]month growth|croissance (sur )?6 ?mois|6-monats-wachstum|wachstum 6 monate|crecimiento (en )?6 ?meses)$/i;

// ---------------------------------------------------------------------------------------------------------------
// Funding block (logged-out pages, data from Crunchbase)
// ---------------------------------------------------------------------------------------------------------------

export const FUNDING_SECTION = '[data-test-id="funding"]';
/**
 * The last-round link holds the round name ("Series B", "Series unknown") and a `<time datetime>`. On real pages
 * the id `external-link-last-round` belongs to a HIDDEN div the link points at through `aria-describedby`
 * ("External Crunchbase Link for last round of funding"); that text is never read. An `<a>` carrying the id is
 * accepted too (older markup).
 */
export const FUNDING_LAST_ROUND = 'a[data-tracking-control-name="funding_last-round"], a#external-link-last-round';
export const FUNDING_ROUND_DATE = 'time';
/** The round's amount, shown after the link ("US$ 38.0M", "€2.5M"). */
export const FUNDING_AMOUNT = /(?:US\$|CA\$|A\$|\$|€|£|¥|\b[A-Z]{3}\b)\s?\d[\d.,]*\s?[KMB]?/;
/** Screen-reader-only helpers inside the funding block (the aria-describedby target and its kind). */
export const FUNDING_HIDDEN = '[hidden], .hidden, .visually-hidden, .sr-only, [aria-hidden="true"]';

// ---------------------------------------------------------------------------------------------------------------
// Sales Navigator account page `/sales/company/<numericId>`: classes are hashed, `data-anonymize` is the hook.
// ---------------------------------------------------------------------------------------------------------------

export const SALES_NAME = '[data-x--account--name]';
/** The account's top card; its own links (e.g. "All employees") carry the account id. */
export const SALES_ACCOUNT_CARD = '.account-top-card';
export const SALES_FIELD = (field: 'industry' | 'company-size' | 'location' | 'revenue') => `[data-anonymize="${field}"]`;
export const SALES_WEBSITE = 'a[data-control-name="visit_company_website"][href]';
/** Links to other Sales Navigator accounts: used to spot a stale account card after in-app navigation. */
export const SALES_ACCOUNT_LINK_PATH = /\/sales\/company\/(\d+)/;

// ---------------------------------------------------------------------------------------------------------------
// External links
// ---------------------------------------------------------------------------------------------------------------

/** LinkedIn wraps outbound links as `https://www.linkedin.com/redir/redirect?url=<encoded>`; the real URL is `url`. */
export const REDIRECT_PATH = '/redir/redirect';
export const REDIRECT_PARAM = 'url';

// ---------------------------------------------------------------------------------------------------------------
// Sections rendered one by one (stale-section rule, lib/page/stale-sections.ts)
// ---------------------------------------------------------------------------------------------------------------

/** The top card, the About card and its `dl`, the logged-out About fields: each updates on its own after navigation. */
export const SECTIONS = 'section, dl, header, .org-top-card, [data-test-id^="about-us"]';
