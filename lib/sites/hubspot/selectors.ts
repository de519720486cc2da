/**
 * Every selector, attribute name and label table the HubSpot adapter uses, in one place.
 *
 * HubSpot's classes come from styled-components and change with every build, so nothing here selects on a
 * class. The hooks are HubSpot's own test attributes (`data-test-id`, `data-selenium-test`,
 * `data-selenium-component`), which its UI tests depend on and which have stayed stable for years.
 * [V] = seen in real pages / scrapers (shared/notes/target-pages.md §3); [I] = inferred, chosen by us.
 */

/** Page layout of the record page ("new" CRM record UI). [V] */
export const LEFT_SIDEBAR = '[data-test-id="left-sidebar"]';
export const MIDDLE_PANE = '[data-test-id="middle-pane"]';
export const RIGHT_SIDEBAR = '[data-test-id="records-right-sidebar"]';

/** The record header: the highlight container, its company details block and the company name in it. [V] */
export const HIGHLIGHT_CONTAINER = '[data-selenium-component="ProfileHighlightContainer"]';
export const COMPANY_HIGHLIGHT = '[data-selenium-test="company-highlight-details"]';
export const HIGHLIGHT_TITLE = '[data-selenium-test="highlightTitle"]';

/**
 * Cards. Each card is wrapped in `data-test-id="card-wrapper-<CARD ID>"` (new UI) or carries
 * `data-selenium-test="card-id-<CARD ID>"` (older builds, seen on the legacy /company/ URL). [V]
 * The card id says what the card shows, e.g. `PROPERTIES_V3/0-2/V2` (the record's own properties) or
 * `ASSOCIATION_TABLE/0-3` (associated deals) — association cards hold property inputs of OTHER records.
 */
export const CARD = '[data-test-id^="card-wrapper-"], [data-selenium-test^="card-id-"]';
export const CARD_ID_ATTRIBUTES = [
  { name: 'data-test-id', prefix: 'card-wrapper-' },
  { name: 'data-selenium-test', prefix: 'card-id-' },
] as const;
/**
 * A card id that holds the record's own company properties: `PROPERTIES…` with object type 0-2, or with no
 * object type at all (the card then belongs to the record it sits on). [V for PROPERTIES_V3/0-2/V2, I for the rest]
 */
export const OWN_PROPERTIES_CARD_ID = /^PROPERTIES[A-Z0-9_]*(\/0-2(\/.*)?)?$/;

/** One property value: `data-selenium-test="property-input-<internalName>"`; names may contain hyphens. [V] */
export const PROPERTY_INPUT = '[data-selenium-test^="property-input-"]';
export const PROPERTY_INPUT_ATTRIBUTE = 'data-selenium-test';
export const PROPERTY_INPUT_PREFIX = 'property-input-';
/** The company name property: a card whose name differs from the record's is another company's (left over). */
export const NAME_PROPERTY_INPUT = '[data-selenium-test="property-input-name"]';
/** What a property node belongs to: its card, else the left sidebar or the record header. */
export const PROPERTY_CONTAINER = `${CARD}, ${LEFT_SIDEBAR}, ${COMPANY_HIGHLIGHT}`;

/** Form controls a property input may be (or wrap): read `.value`, not text. [V] */
export const FORM_CONTROL = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), textarea, select';

/**
 * Multi-value properties (e.g. `web_technologies`) rendered as a list of chips / tags instead of
 * "A;B" text. [I: HubSpot renders multi-checkbox values as tags inside a list]
 */
export const CHIP = '[data-selenium-test="property-chip"], [role="listitem"], li';

/** A record preview panel opened from a list or an association card: never the record itself. [V] */
export const OBJECT_PREVIEW = '[data-crm-location="CRM_OBJECT_PREVIEW"]';

/**
 * Record identity shown in the header, to catch a header lingering from the previously opened company:
 * `data-object-id` (with optional `data-object-type-id`) is [I] — our choice, documented in the fixtures;
 * links to `/contacts/<portal>/record/0-2/<id>` or `/contacts/<portal>/company/<id>` are [V] URL shapes.
 */
export const OBJECT_ID_ATTRIBUTE = 'data-object-id';
export const OBJECT_TYPE_ID_ATTRIBUTE = 'data-object-type-id';
export const RECORD_LINK = 'a[href*="/record/0-2/"], a[href*="/company/"]';

/** Tab panels: hidden tabs stay in the DOM with `aria-hidden="true"` (or `hidden`). [V] */
export const TAB_PANEL_ROLE = 'tabpanel';

/**
 * Owner: `hubspot_owner_id` may render no property-input node [V]; then the owner is found by its label in a
 * labelled field (a `<label>`, `<dt>` or an element marked as a property label). Labels lower-cased. [I]
 */
export const OWNER_PROPERTY = 'hubspot_owner_id';
export const FIELD_LABEL = 'label, dt, [data-selenium-test="property-label"], [data-test-id="property-label"]';
export const OWNER_LABELS = ['company owner', 'owner', 'record owner', 'hubspot owner'];

/** Texts HubSpot shows for an empty property. [V: "--"; I: the others] */
export const EMPTY_VALUE_TEXTS = ['', '--', '—', '-', 'select an option', 'no owner', 'unassigned'];

/**
 * HubSpot internal property name → our raw fact name (lib/facts/raw.ts). [V/I per target-pages.md §3]
 * Properties not listed here become `custom.<internalName>` raw strings (e.g. `hs_lead_status`, portal-specific
 * properties like `icp_tier` or `sales-region`), so models can use any property the portal has.
 */
export const PROPERTY_TO_FACT = {
  name: 'name',
  domain: 'domain',
  industry: 'industry',
  numberofemployees: 'employees',
  annualrevenue: 'revenueUsd',
  lifecyclestage: 'lifecycleStage',
  city: 'hqCity',
  state: 'hqRegion',
  country: 'hqCountry',
  linkedin_company_page: 'linkedinUrl',
  founded_year: 'foundedYear',
  total_money_raised: 'totalFundingUsd',
  web_technologies: 'technologies',
  hubspot_owner_id: 'owner',
} as const;

/**
 * `website` holds the company URL; it only fills `domain` when the `domain` property is empty
 * (the normaliser turns a URL into its bare domain).
 */
export const WEBSITE_PROPERTY = 'website';

/** Regions HubSpot renders one by one (stale-section rule, lib/page/stale-sections.ts): the header and each card. [I] */
export const SECTIONS = `${HIGHLIGHT_CONTAINER}, ${CARD}, section`;
