/**
 * Every selector, attribute name, key fragment and label table the Crunchbase adapter uses, in one place.
 * Crunchbase is an Angular app: class names change with redesigns, custom element names (`tile-field`,
 * `field-formatter`…) and the server-rendered state change less. Each entry says which page variant it is for.
 */

// ---------------------------------------------------------------------------------------------------------------
// Embedded state (Angular TransferState)
// ---------------------------------------------------------------------------------------------------------------

/** Current pages: server-rendered state as plain JSON. Reflects only the first page loaded in the tab. */
export const NG_STATE_SCRIPT = 'script#ng-state';

/** Older pages: the same state, HTML-escaped with Angular's own escapes (see ANGULAR_ESCAPES). */
export const LEGACY_STATE_SCRIPT = 'script#client-app-state';

/** Angular TransferState escapes used in `client-app-state` (legacy variant). */
export const ANGULAR_ESCAPES: Readonly<Record<string, string>> = {
  '&q;': '"',
  '&a;': '&',
  '&s;': "'",
  '&l;': '<',
  '&g;': '>',
};

/** HttpState is keyed by request, e.g. `GET/v4/data/entities/organizations/acme?field_ids=…`. */
export const HTTP_STATE_KEY = 'HttpState';
export const ORGANIZATION_REQUEST_FRAGMENT = 'entities/organizations/';

/** `location_identifiers[].location_type` values (all variants of the state). */
export const LOCATION_TYPES = { city: 'city', region: 'region', country: 'country' } as const;

/**
 * Field ids inside `.data.cards.<card>` (any card: the same field may sit in several cards depending on the tab,
 * e.g. `funding_total` in `company_overview_highlights` and `company_financials_highlights`).
 */
export const STATE_FIELDS = {
  website: 'website',
  locations: 'location_identifiers',
  employees: 'num_employees_enum',
  revenue: 'revenue_range',
  lastFundingType: 'last_funding_type',
  lastFundingAt: 'last_funding_at',
  ipoStatus: 'ipo_status',
  categories: 'categories',
  foundedOn: 'founded_on',
  fundingTotal: 'funding_total',
  socialFields: 'social_fields',
  linkedin: 'linkedin',
  /** Also a card of its own: an array of rounds. */
  fundingRounds: 'funding_rounds_list',
  /** Also a card of its own: an array of technologies. */
  technologies: 'builtwith_tech_used_list',
} as const;

/** Pro-only values come as `{ is_locked: true }` (at field or card level): treat as absent. */
export const LOCKED_FLAG = 'is_locked';

// ---------------------------------------------------------------------------------------------------------------
// DOM: identity of what is rendered
// ---------------------------------------------------------------------------------------------------------------

/**
 * The profile's tab bar (Summary / Financials / People…) links to `/organization/<permalink>[/<tab>]`: it is
 * re-rendered per organisation, so it tells which organisation the DOM shows after in-app navigation. Not any
 * link on the page: "similar companies" lists link to other organisations, possibly the one being navigated to.
 */
export const PROFILE_TAB_LINKS = [
  'nav[mat-tab-nav-bar] a[href]',
  'mat-tab-nav-bar a[href]',
  '.mat-mdc-tab-nav-bar a[href]',
  '.mat-tab-nav-bar a[href]',
].join(', ');

// ---------------------------------------------------------------------------------------------------------------
// DOM: newer layout (tile-* components)
// ---------------------------------------------------------------------------------------------------------------

/** Newer layout: the organisation name in the profile header. */
export const ENTITY_NAME = 'span.entity-name';

/** Newer layout: a labelled value. The label is the tile-field's text outside `field-formatter`. */
export const TILE_FIELD = 'tile-field';
export const FIELD_VALUE = 'field-formatter';

/** Newer layout: sections holding tile-fields. */
export const OVERVIEW_DETAILS = '#overview_details';
export const FUNDING_CARD = 'mat-card#company_funding';
export const FUNDING_ROUNDS_TABLE = '#funding_rounds table.card-grid';
export const TECHNOLOGY_HIGHLIGHTS = '#technology_highlights';
export const PEOPLE_HIGHLIGHTS = '#people tile-highlight';
/** `tile-highlight` carries its label as an attribute (people tab: "Headcount"). */
export const HIGHLIGHT_LABEL_ATTR = 'label';

/**
 * Pro-only values in the DOM render as an upsell link instead of the value ("Unlock with Pro"): treat as absent,
 * like `is_locked` in the state.
 */
export const LOCKED_DOM_VALUE = '.locked-field, [href="/pricing"], lock-icon';
export const LOCKED_DOM_TEXT = /^(unlock|upgrade)\b/i;

/** Items of a list value (categories, technologies): chips, links or plain spans. */
export const LIST_ITEMS = 'a, .chip-text, span.list-item';

// ---------------------------------------------------------------------------------------------------------------
// DOM: older layout (fields-card / label-with-icon)
// ---------------------------------------------------------------------------------------------------------------

/** Older layout: the organisation name. */
export const PROFILE_NAME = 'span.profile-name';

/** Older layout: `fields-card li > label-with-icon[iconkey=…] > field-formatter > …`. */
export const ICON_FIELD = 'fields-card li > label-with-icon[iconkey]';
export const ICON_KEY_ATTR = 'iconkey';
/** Older layout: location values are a list of location links; the website is a `link-formatter` link. */
export const IDENTIFIER_VALUE = 'identifier-multi-formatter';
export const LINK_VALUE = 'link-formatter';

/** Older layout: industries as chips. */
export const CATEGORY_CHIPS = 'chips-container chip .chip-text';

// ---------------------------------------------------------------------------------------------------------------
// DOM: text hygiene
// ---------------------------------------------------------------------------------------------------------------

/**
 * Copies of text for screen readers (Angular CDK / Material) and icon ligatures (`<mat-icon>location_on</mat-icon>`)
 * are removed before reading text, so nothing is read twice or polluted by icon names.
 */
export const IGNORED_TEXT = '.cdk-visually-hidden, .visually-hidden, .sr-only, mat-icon, svg, theme-icon';

// ---------------------------------------------------------------------------------------------------------------
// Label tables
// ---------------------------------------------------------------------------------------------------------------

/** Raw facts read from a labelled DOM value, and how the value is read. */
export type DomFact =
  | 'hqLocation'
  | 'domain'
  | 'linkedinUrl'
  | 'industry'
  | 'employees'
  | 'revenueUsd'
  | 'foundedYear'
  | 'fundingStage'
  | 'totalFundingUsd'
  | 'lastFundingDate'
  | 'companyType'
  | 'technologies';

/** Newer layout: `tile-field` / `tile-highlight` labels (lower-cased, trimmed) → fact. Crunchbase is English-only. */
export const TILE_LABELS: Readonly<Record<string, DomFact>> = {
  headquarters: 'hqLocation',
  'headquarters location': 'hqLocation',
  location: 'hqLocation',
  website: 'domain',
  'company website': 'domain',
  linkedin: 'linkedinUrl',
  industries: 'industry',
  industry: 'industry',
  'number of employees': 'employees',
  employees: 'employees',
  headcount: 'employees',
  'estimated revenue range': 'revenueUsd',
  'estimated revenue': 'revenueUsd',
  revenue: 'revenueUsd',
  founded: 'foundedYear',
  'founded date': 'foundedYear',
  'last funding type': 'fundingStage',
  'funding stage': 'fundingStage',
  'total funding amount': 'totalFundingUsd',
  'total funding': 'totalFundingUsd',
  'last funding date': 'lastFundingDate',
  'ipo status': 'companyType',
  'top technologies': 'technologies',
  'technologies used': 'technologies',
  technologies: 'technologies',
};

/** Older layout: `label-with-icon[iconkey]` → fact (the icon, not the position, says what the value is). */
export const ICON_KEYS: Readonly<Record<string, DomFact>> = {
  icon_location: 'hqLocation',
  icon_external_link: 'domain',
  icon_people_three: 'employees',
  icon_flag: 'fundingStage',
  icon_company: 'companyType',
};

/** Funding rounds table: header labels (lower-cased) → column role. Columns are found by header, not position. */
export const ROUND_COLUMNS: Readonly<Record<string, 'date' | 'name' | 'amount'>> = {
  'announced date': 'date',
  date: 'date',
  'transaction name': 'name',
  'funding round': 'name',
  'money raised': 'amount',
  amount: 'amount',
};

/** Regions rendered one by one (stale-section rule, lib/page/stale-sections.ts): the profile header and each card. */
export const SECTIONS = 'mat-card, section, header, dl';
