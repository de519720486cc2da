import type { RawFacts } from '../../facts/raw';
import { isShown, shownMatches, visibleText } from './dom';
import { belongsToRecord } from './scope';
import {
  CHIP,
  EMPTY_VALUE_TEXTS,
  FIELD_LABEL,
  FORM_CONTROL,
  OWNER_LABELS,
  OWNER_PROPERTY,
  NAME_PROPERTY_INPUT,
  PROPERTY_CONTAINER,
  PROPERTY_INPUT,
  PROPERTY_INPUT_ATTRIBUTE,
  PROPERTY_INPUT_PREFIX,
  PROPERTY_TO_FACT,
  WEBSITE_PROPERTY,
} from './selectors';

/**
 * Reads the record's own property values (`data-selenium-test="property-input-<internalName>"`) and maps them to
 * raw facts. Values stay as shown: "$62,000,000", "COMPUTER_SOFTWARE" or "Computer Software", "Salesforce;Slack".
 */

export type PropertyValue = string | string[];

/** Internal names are letters, digits, `_` and `-`; the same limit as `custom.<name>` fact names. */
const PROPERTY_NAME = /^[A-Za-z0-9_-]{1,64}$/;

type FormControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface ReadOptions {
  /** The value may be a list (chips, multi-selects): return every item. */
  list: boolean;
  /** For selects, return the shown option label instead of the stored value (owner ids mean nothing to users). */
  label: boolean;
}

function isEmptyText(text: string): boolean {
  return EMPTY_VALUE_TEXTS.includes(text.trim().toLowerCase());
}

/** The form control the property node is, or the first visible one inside it. */
function formControlOf(node: Element): FormControl | null {
  const control = shownMatches(node, FORM_CONTROL)[0];
  return (control as FormControl | undefined) ?? null;
}

function readSelect(select: HTMLSelectElement, options: ReadOptions): PropertyValue | undefined {
  const chosen = Array.from(select.selectedOptions).filter((o) => o.value !== '');
  const values = chosen.map((o) => (options.label ? o.text : o.value).trim()).filter((v) => !isEmptyText(v));
  if (values.length === 0) return undefined;
  return select.multiple && options.list ? values : values.join(';');
}

/** Chips of a multi-value property; a chip containing other chips (an `li` around a tag) is skipped for its parts. */
function chipTexts(node: Element): string[] {
  const chips = shownMatches(node, CHIP).filter((chip) => chip !== node);
  const leaves = chips.filter((chip) => !chips.some((other) => other !== chip && chip.contains(other)));
  return leaves.map(visibleText).filter((t) => !isEmptyText(t));
}

/** The value of one property node: `.value` of a form control, chip texts, or the visible text. */
export function readPropertyValue(node: Element, options: ReadOptions): PropertyValue | undefined {
  const control = formControlOf(node);
  if (control) {
    if (control.tagName === 'SELECT') return readSelect(control as HTMLSelectElement, options);
    // Inputs and textareas: `.value` (JSDOM and browsers both reflect the `value` attribute / textarea text).
    const value = control.value.trim();
    return isEmptyText(value) ? undefined : value;
  }
  const chips = chipTexts(node);
  if (chips.length > 0) return options.list ? chips : chips.join(';');
  const text = visibleText(node);
  return isEmptyText(text) ? undefined : text;
}

function propertyNameOf(node: Element): string | undefined {
  const name = node.getAttribute(PROPERTY_INPUT_ATTRIBUTE)?.slice(PROPERTY_INPUT_PREFIX.length);
  return name && PROPERTY_NAME.test(name) ? name : undefined;
}

function factFor(property: string): string | undefined {
  return (PROPERTY_TO_FACT as Record<string, string>)[property];
}

/** An owner value made only of digits is an owner id, not a name; users know owners by name. */
function ownerName(value: PropertyValue | undefined): string | undefined {
  if (typeof value !== 'string' || /^\d+$/.test(value)) return undefined;
  return value;
}

/** The card, sidebar or header a property node sits in (its nearest one). */
function containerOf(node: Element): Element | null {
  return node.closest(PROPERTY_CONTAINER);
}

/**
 * Containers showing ANOTHER company: their `name` property differs from the record's name (the header's), or —
 * without a header to tell — from another container's name, when nothing says which one is the record's. A card
 * left over from the previous record looks exactly like the record's own; only its name gives it away.
 */
function foreignContainers(doc: Document, recordName: string | undefined): Set<Element | null> {
  const named = new Map<Element | null, string>();
  for (const node of Array.from(doc.querySelectorAll(NAME_PROPERTY_INPUT))) {
    if (!belongsToRecord(node)) continue;
    const name = readPropertyValue(node, { list: false, label: false });
    if (typeof name === 'string') named.set(containerOf(node), name.trim().toLowerCase());
  }
  const reference = recordName?.trim().toLowerCase();
  const distinct = new Set(named.values());
  const foreign = new Set<Element | null>();
  for (const [container, name] of named) {
    if (reference !== undefined ? name !== reference : distinct.size > 1) foreign.add(container);
  }
  return foreign;
}

/**
 * Every visible property value of the record, by internal name, in document order; the first non-empty value of
 * a property wins (the same property can appear in the sidebar and in a middle-pane properties card).
 */
export function readOwnProperties(doc: Document, recordName?: string): Map<string, PropertyValue> {
  const values = new Map<string, PropertyValue>();
  const foreign = foreignContainers(doc, recordName);
  for (const node of Array.from(doc.querySelectorAll(PROPERTY_INPUT))) {
    const property = propertyNameOf(node);
    if (!property || values.has(property) || !belongsToRecord(node) || foreign.has(containerOf(node))) continue;
    const fact = factFor(property);
    const value = readPropertyValue(node, {
      list: fact === 'technologies' || fact === undefined,
      label: property === OWNER_PROPERTY,
    });
    const kept = property === OWNER_PROPERTY ? ownerName(value) : value;
    if (kept !== undefined) values.set(property, kept);
  }
  return values;
}

/** The element holding the value of a labelled field. */
function valueElementFor(label: Element, doc: Document): Element | null {
  const forId = label.getAttribute('for');
  if (forId) return doc.getElementById(forId);
  if (label.tagName === 'DT') {
    for (let next = label.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.tagName === 'DD') return next;
      if (next.tagName === 'DT') return null;
    }
    return null;
  }
  return label.nextElementSibling ?? label.parentElement?.nextElementSibling ?? null;
}

/**
 * The owner when `hubspot_owner_id` renders no property input: a field labelled "Company owner" (or similar)
 * in the record's own sidebar or header.
 */
export function readOwnerByLabel(doc: Document): string | undefined {
  for (const label of Array.from(doc.querySelectorAll(FIELD_LABEL))) {
    if (!belongsToRecord(label)) continue;
    const text = visibleText(label).replace(/[:\s]+$/, '').toLowerCase();
    if (!OWNER_LABELS.includes(text)) continue;
    const valueElement = valueElementFor(label, doc);
    if (!valueElement || !isShown(valueElement) || !belongsToRecord(valueElement)) continue;
    const owner = ownerName(readPropertyValue(valueElement, { list: false, label: true }));
    if (owner) return owner;
  }
  return undefined;
}

/** Facts holding a URL: only http(s) URLs (or scheme-less ones the normaliser completes) are passed on. */
const URL_FACTS = new Set(['linkedinUrl', 'domain']);
const NON_HTTP_SCHEME = /^(?!https?:)[a-z][a-z0-9+.-]*:/i;

/** Maps property values to raw facts; unmapped properties become `custom.<name>` (lists joined HubSpot-style by ";"). */
export function propertiesToRaw(properties: Map<string, PropertyValue>): RawFacts {
  const raw: Record<string, unknown> = {};
  for (const [property, value] of properties) {
    if (property === WEBSITE_PROPERTY) continue;
    const fact = factFor(property);
    if (fact === 'technologies') raw[fact] = value;
    else if (fact && URL_FACTS.has(fact)) {
      if (typeof value === 'string' && !NON_HTTP_SCHEME.test(value)) raw[fact] = value;
    } else raw[fact ?? `custom.${property}`] = Array.isArray(value) ? value.join(';') : value;
  }
  // `website` is a full URL; it stands in for `domain` only when the domain property is empty.
  const website = properties.get(WEBSITE_PROPERTY);
  if (raw.domain === undefined && typeof website === 'string' && !NON_HTTP_SCHEME.test(website)) {
    raw.domain = website;
  }
  return raw as RawFacts;
}
