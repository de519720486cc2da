import type { RawFactName } from '../../facts/raw';

/**
 * Every selector, attribute name and label table the Salesforce Lightning adapter uses, in one place.
 * Lightning class names change between releases; we prefer, in order: the record id from the URL, the untranslated
 * `data-target-selection-name` hooks (API names), component tag names, then English labels, then classes.
 * No positional selectors: fields are classified by API name or label.
 */

// ---------------------------------------------------------------------------------------------------------------
// Record page containers
// ---------------------------------------------------------------------------------------------------------------

/**
 * One record page. Lightning keeps HIDDEN cached copies of earlier records in the DOM (several of these at once);
 * the extractor keeps the visible one whose record id matches the URL.
 */
export const RECORD_PAGE = 'one-record-home-flexipage2';

// ---------------------------------------------------------------------------------------------------------------
// Record identity (which record a page copy shows)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Attributes that carry the record id of the page copy itself (flexipage host, highlights panel, record layout).
 * [I] the exact attribute varies by component generation (Aura `data-recordid`, LWC hosts `record-id`).
 */
export const RECORD_ID_ATTRIBUTES = ['data-recordid', 'data-record-id', 'record-id', 'recordid'] as const;

/**
 * Elements whose record ids name OTHER records: lookups (Owner, Parent Account) and related-list tables (child
 * Contacts, Opportunities). Ids inside these are never taken as the page's own id. Single compound selectors only,
 * so the check also works across shadow boundaries (see composedClosest).
 */
export const FOREIGN_RECORD_CONTAINERS =
  'force-lookup, records-hoverable-link, a[data-special-link], .forceOutputLookup, table, [role="grid"]';

/** Links that point back at the record itself: related-list "View All" links `/lightning/r/[Account/]<id>/related/…`. */
export const SELF_LINK = 'a[href*="/related/"]';
export const SELF_LINK_PATTERN = /\/lightning\/r\/(?:Account\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/related\//;

/**
 * Tab title of a record page: "<Name> | Account | Salesforce" (the object label is localised). Confirms a record page
 * that carries no record id anywhere.
 */
export const RECORD_TITLE_SEPARATOR = ' | ';
export const RECORD_TITLE_SUFFIX = 'Salesforce';

// ---------------------------------------------------------------------------------------------------------------
// Highlights panel (always rendered, even before the Details tab is opened)
// ---------------------------------------------------------------------------------------------------------------

/** Current LWC highlights panel, and the older Aura `force-highlights2` variant. */
export const HIGHLIGHTS = 'records-lwc-highlights-panel, records-highlights2, force-highlights2';

/** The record name in the header. `slot="primaryField"` is set on both the LWC and Aura variants. */
export const HIGHLIGHTS_NAME = '[slot="primaryField"]';

/** Fallback header title (older pages); it also holds the entity label ("Account") which we strip. */
export const HEADER_TITLE = 'h1.slds-page-header__title, h1';

/** The object label inside the header ("Account", localised); removed from the title text. */
export const ENTITY_LABEL = 'records-entity-label, .entityNameTitle';

/** One compact-layout field under the name (Type, Phone, Website, Owner…). */
export const HIGHLIGHTS_ITEM = 'records-highlights-details-item, .slds-page-header__detail-block';

/** The label of a highlights item: LWC uses `p.slds-text-title` with a `title`; Aura uses `.slds-text-title`. */
export const HIGHLIGHTS_ITEM_LABEL = '.slds-text-title, .slds-form-element__label';

/** The value of a highlights item: LWC `p.fieldComponent`, Aura `.slds-text-body_regular`/`--regular`. */
export const HIGHLIGHTS_ITEM_VALUE = '.fieldComponent, .slds-text-body_regular, .slds-text-body--regular';

// ---------------------------------------------------------------------------------------------------------------
// Details tab (record layout)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The stable, untranslated hook on each record-layout field: `sfdc:RecordField.Account.<ApiName>`.
 * Found under `records-record-layout-section > records-record-layout-row > records-record-layout-item`.
 */
export const FIELD_HOOK_ATTRIBUTE = 'data-target-selection-name';
export const FIELD_HOOK = `[${FIELD_HOOK_ATTRIBUTE}^="sfdc:RecordField.Account."]`;
export const FIELD_HOOK_PREFIX = 'sfdc:RecordField.Account.';

/** The value part of a field (not its label or inline-edit button). Two spellings across releases. */
export const FIELD_VALUE = '[data-output-element-id="output-field"], .test-id__field-value';

// ---------------------------------------------------------------------------------------------------------------
// Value renderers inside a field value
// ---------------------------------------------------------------------------------------------------------------

/**
 * Lookups (Owner, Parent Account) render the related record's name as a link inside these components (older Aura
 * pages: `a.forceOutputLookup` itself). Components and their links are matched in two steps because the link may
 * sit inside the component's shadow root, where a descendant selector like `force-lookup a` does not reach.
 */
export const LOOKUP = 'force-lookup, records-hoverable-link, a.forceOutputLookup';

/** URL fields: the `a` inside has the real URL as `href` even when the text is shortened. */
export const URL_FIELD = 'lightning-formatted-url';

export const LINK = 'a';

/** Compound address fields (BillingAddress) render one `div` per line inside a maps link. */
export const ADDRESS = 'lightning-formatted-address';
export const ADDRESS_LINE = '.slds-truncate, div';

/**
 * Elements never read for text: screen-reader duplicates (`aria-hidden` icons, `.slds-assistive-text` copies such as
 * "Open Owner Preview"), and non-content nodes.
 */
export const SKIP_TEXT = '[aria-hidden="true"], .slds-assistive-text, .assistiveText, .visually-hidden, script, style, template, button, lightning-helptext';

/**
 * Label parts that can sit inside a field's value area, notably in inline-edit mode where each control carries its
 * own `label` (with a required-field asterisk `abbr.slds-required`). Never read as a value.
 */
export const VALUE_SKIP_TEXT = `${SKIP_TEXT}, label, legend, .slds-form-element__label, .test-id__field-label, .slds-required`;

/** The field's label, compared with its value: a value equal to its own label is a misread, never a value. */
export const FIELD_LABEL = '.test-id__field-label, label, .slds-form-element__label';
/** The layout item around a hooked field carries the label too (`field-label="Account Name"`). */
export const LAYOUT_ITEM = 'records-record-layout-item';
export const LAYOUT_ITEM_LABEL_ATTRIBUTE = 'field-label';

// ---------------------------------------------------------------------------------------------------------------
// Inline edit (the record's fields turned into form controls)
// ---------------------------------------------------------------------------------------------------------------

/** Text, number, currency, date, email, phone, URL inputs; long text areas; native selects; checkboxes. */
export const EDIT_CONTROL = 'input:not([type="hidden"]):not([type="radio"]):not([type="search"]), textarea, select';
/** Picklists render as a combobox button carrying the chosen API value (`data-value=""` when "--None--"). */
export const EDIT_PICKLIST_BUTTON = 'button[data-value]';
/** Multi-select picklists: a dual listbox; the chosen values are the options of its last listbox ("Chosen"). */
export const EDIT_DUAL_LISTBOX = 'lightning-dual-listbox';
export const EDIT_LISTBOX = '[role="listbox"]';
export const EDIT_OPTION_VALUE = '[role="option"][data-value]';
/** Lookups (Owner, Parent Account) being edited show the chosen record as a pill. */
export const EDIT_PILL_LABEL = '.slds-pill__label';
/** Any of the above: a hooked field holding one of these is in edit mode. */
export const EDIT_FIELD = `${EDIT_CONTROL}, ${EDIT_PICKLIST_BUTTON}, lightning-dual-listbox, .slds-pill__label, lightning-input-address`;
/** Compound address being edited: one input per part, named as below. */
export const EDIT_ADDRESS = 'lightning-input-address';
export const ADDRESS_INPUT_NAMES = { street: 'street', city: 'city', province: 'province', postalCode: 'postalCode', country: 'country' } as const;

// ---------------------------------------------------------------------------------------------------------------
// Field tables
// ---------------------------------------------------------------------------------------------------------------

/**
 * Standard Account API names → fact names. Values are passed on raw (picklist labels, "3,250", "USD 410,000,000");
 * lib/facts/normalise turns them into the vocabulary's shapes.
 */
export const ACCOUNT_FIELDS: Readonly<Record<string, RawFactName>> = {
  Name: 'name',
  Website: 'domain',
  Industry: 'industry',
  NumberOfEmployees: 'employees',
  AnnualRevenue: 'revenueUsd',
  BillingCountry: 'hqCountry',
  BillingState: 'hqRegion',
  BillingCity: 'hqCity',
  OwnerId: 'owner',
  // `Ownership` is the Public / Private / Subsidiary picklist; `Type` (Prospect, Customer - Direct…) is the
  // relationship to us, which is the account's lifecycle stage.
  Ownership: 'companyType',
  Type: 'lifecycleStage',
  // Data.com / Sales Cloud "Year Started".
  YearStarted: 'foundedYear',
};

/** The compound address field; split into city / region / country lines (see ADDRESS). */
export const BILLING_ADDRESS_FIELD = 'BillingAddress';

/** Custom fields end in `__c` and become `custom.<Name>` (the suffix dropped). */
export const CUSTOM_FIELD_SUFFIX = '__c';

/**
 * Custom fields some orgs use for standard facts. Kept explicit: only names listed here are promoted; every other
 * custom field stays `custom.<Name>`.
 */
export const CUSTOM_FIELDS_AS_FACTS: Readonly<Record<string, RawFactName>> = {
  LinkedIn_URL__c: 'linkedinUrl',
  Crunchbase_URL__c: 'crunchbaseUrl',
};

/**
 * Highlights (compact layout) items carry no API-name hook, only a translated label. English labels → API names;
 * other languages fall back to the Details tab hooks.
 */
export const HIGHLIGHTS_LABELS: Readonly<Record<string, string>> = {
  'account name': 'Name',
  website: 'Website',
  industry: 'Industry',
  employees: 'NumberOfEmployees',
  'annual revenue': 'AnnualRevenue',
  'account owner': 'OwnerId',
  owner: 'OwnerId',
  type: 'Type',
  ownership: 'Ownership',
  'billing country': 'BillingCountry',
  'billing state/province': 'BillingState',
  'billing city': 'BillingCity',
  'year started': 'YearStarted',
};
