import { composedClosest, deepQuerySelector, deepQuerySelectorAll, visibleText } from './deep-dom';
import { readFieldValue, type FieldValue } from './field-value';
import { belongsToPage } from './record-page';
import {
  EDIT_FIELD,
  ENTITY_LABEL,
  FIELD_LABEL,
  FIELD_HOOK,
  FIELD_HOOK_ATTRIBUTE,
  FIELD_HOOK_PREFIX,
  FIELD_VALUE,
  HEADER_TITLE,
  HIGHLIGHTS,
  HIGHLIGHTS_ITEM,
  HIGHLIGHTS_ITEM_LABEL,
  HIGHLIGHTS_ITEM_VALUE,
  HIGHLIGHTS_LABELS,
  HIGHLIGHTS_NAME,
  LAYOUT_ITEM,
  LAYOUT_ITEM_LABEL_ATTRIBUTE,
  SKIP_TEXT,
} from './selectors';

/** Field values keyed by Account API name ("Industry", "OwnerId", "Tech_Stack__c"). First one read wins. */
export type FieldsByApiName = Map<string, FieldValue>;

const API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** Label text as compared with values: no required-field asterisk, no trailing colon, case and spacing folded. */
function labelKey(s: string): string {
  return s.replace(/\*/g, ' ').replace(/:\s*$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Every label a hooked field shows: its label elements and its layout item's `field-label` (any language). */
function fieldLabels(hook: Element): string[] {
  const labels = deepQuerySelectorAll(hook, FIELD_LABEL).map((el) => visibleText(el, SKIP_TEXT));
  const item = composedClosest(hook, LAYOUT_ITEM);
  const attribute = item?.getAttribute(LAYOUT_ITEM_LABEL_ATTRIBUTE);
  return attribute ? [...labels, attribute] : labels;
}

/** A value equal to its own field's label ("* Account Name" under "Account Name") is a misread, never a value. */
export function isOwnLabel(value: FieldValue, labels: string[]): boolean {
  const key = labelKey(value.text);
  return key === '' ? !value.href : labels.some((label) => labelKey(label) === key);
}

/**
 * Reader 1 — fields with the untranslated hook `sfdc:RecordField.Account.<ApiName>` (Details tab, and any
 * highlights item that carries it). The most reliable source: keyed by API name, independent of the UI language.
 */
export function readHookedFields(page: Element): FieldsByApiName {
  const fields: FieldsByApiName = new Map();
  for (const hook of deepQuerySelectorAll(page, FIELD_HOOK)) {
    if (!belongsToPage(hook, page)) continue;
    const apiName = (hook.getAttribute(FIELD_HOOK_ATTRIBUTE) ?? '').slice(FIELD_HOOK_PREFIX.length);
    if (!API_NAME.test(apiName) || fields.has(apiName)) continue;
    // The value part only: the hook also wraps the label and the inline-edit button. In inline-edit mode there
    // is no output part: the hook holds the form controls.
    const valueEl = deepQuerySelector(hook, FIELD_VALUE) ?? (deepQuerySelector(hook, EDIT_FIELD) ? hook : null);
    if (!valueEl) continue;
    const value = readFieldValue(valueEl);
    if (value && !isOwnLabel(value, fieldLabels(hook))) fields.set(apiName, value);
  }
  return fields;
}

/**
 * Reader 2 — the highlights panel (compact layout), rendered even before the Details tab is opened. Its items have
 * only translated labels, matched against the English table in selectors.ts.
 */
export function readHighlights(page: Element): { name?: string; fields: FieldsByApiName } {
  const fields: FieldsByApiName = new Map();
  const panel = deepQuerySelectorAll(page, HIGHLIGHTS).find((p) => belongsToPage(p, page));
  if (!panel) return { fields };

  for (const item of deepQuerySelectorAll(panel, HIGHLIGHTS_ITEM)) {
    if (!belongsToPage(item, page)) continue;
    // Items that carry the API-name hook were already read by reader 1.
    if (item.matches(FIELD_HOOK) || deepQuerySelector(item, FIELD_HOOK)) continue;
    const labelEl = deepQuerySelector(item, HIGHLIGHTS_ITEM_LABEL);
    const valueEl = deepQuerySelector(item, HIGHLIGHTS_ITEM_VALUE);
    if (!labelEl || !valueEl) continue;
    const label = (labelEl.getAttribute('title') || visibleText(labelEl, SKIP_TEXT)).trim().toLowerCase();
    const apiName = Object.hasOwn(HIGHLIGHTS_LABELS, label) ? HIGHLIGHTS_LABELS[label] : undefined;
    if (!apiName || fields.has(apiName)) continue;
    const value = readFieldValue(valueEl);
    if (value && !isOwnLabel(value, [label])) fields.set(apiName, value);
  }
  return { name: readHeaderName(panel, page), fields };
}

/** The record name in the header: the `primaryField` slot, else the page-header title without "Account". */
function readHeaderName(panel: Element, page: Element): string | undefined {
  const own = (selector: string) => deepQuerySelectorAll(panel, selector).find((el) => belongsToPage(el, page)) ?? null;
  const primary = own(HIGHLIGHTS_NAME);
  const primaryText = primary ? visibleText(primary, SKIP_TEXT) : '';
  if (primaryText) return primaryText;
  const title = own(HEADER_TITLE);
  const titleText = title ? visibleText(title, `${SKIP_TEXT}, ${ENTITY_LABEL}`) : '';
  return titleText || undefined;
}
