import { deepQuerySelector, deepQuerySelectorAll, visibleText } from './deep-dom';
import {
  ADDRESS,
  ADDRESS_INPUT_NAMES,
  ADDRESS_LINE,
  EDIT_ADDRESS,
  EDIT_CONTROL,
  EDIT_DUAL_LISTBOX,
  EDIT_FIELD,
  EDIT_LISTBOX,
  EDIT_OPTION_VALUE,
  EDIT_PICKLIST_BUTTON,
  EDIT_PILL_LABEL,
  LINK,
  LOOKUP,
  SKIP_TEXT,
  URL_FIELD,
  VALUE_SKIP_TEXT,
} from './selectors';

/** What one field shows: its text, plus the link target of URL fields and the lines of address fields. */
export interface FieldValue {
  text: string;
  /** For `lightning-formatted-url`: the link's href (the full URL even when the text is shortened). */
  href?: string;
  /** For `lightning-formatted-address`: one entry per rendered line. */
  lines?: string[];
}

/** Long enough for any real field; stops a hostile page from pushing megabytes into storage. */
const MAX_TEXT = 2000;

const clip = (s: string) => (s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s);

/**
 * Reads the value rendered inside `valueEl` (the output part of a field, never its label). In inline-edit mode the
 * field holds form controls instead: their value is read, never the text around them (which is the label).
 */
export function readFieldValue(valueEl: Element): FieldValue | null {
  const edited = readEditControls(valueEl);
  if (edited !== undefined) return edited;

  // Lookups (Owner, Parent Account): the related record's name is the link text; the avatar and the
  // "Open … Preview" assistive copy are skipped.
  const lookup = linkIn(deepQuerySelector(valueEl, LOOKUP));
  if (lookup) return nonEmpty({ text: visibleText(lookup, SKIP_TEXT) });

  const address = deepQuerySelector(valueEl, ADDRESS);
  if (address) {
    const lines = addressLines(address);
    return nonEmpty({ text: lines.join(', '), lines });
  }

  const link = linkIn(deepQuerySelector(valueEl, URL_FIELD));
  if (link) {
    const href = link.getAttribute('href') ?? undefined;
    return nonEmpty({ text: visibleText(link, SKIP_TEXT), href: href && /^https?:\/\//i.test(href) ? href : undefined });
  }

  return nonEmpty({ text: visibleText(valueEl, VALUE_SKIP_TEXT) });
}

/**
 * The value of a field in inline-edit mode, from its form controls: the address inputs, a dual listbox's chosen
 * options (multi-select picklist), a lookup's pill, a picklist button's `data-value`, a select's chosen options,
 * a checkbox's state, or an input's / textarea's `value`. Undefined when the field holds no control (read mode);
 * null when it holds controls that are empty ("--None--", blank input).
 */
function readEditControls(field: Element): FieldValue | null | undefined {
  if (!deepQuerySelector(field, EDIT_FIELD)) return undefined;
  const address = deepQuerySelector(field, EDIT_ADDRESS);
  if (address) return addressFromInputs(address);
  const dual = deepQuerySelector(field, EDIT_DUAL_LISTBOX);
  if (dual) {
    const lists = deepQuerySelectorAll(dual, EDIT_LISTBOX);
    const chosen = lists.length > 0 ? deepQuerySelectorAll(lists[lists.length - 1], EDIT_OPTION_VALUE) : [];
    return nonEmpty({ text: chosen.map((o) => o.getAttribute('data-value') ?? '').filter((v) => v !== '').join(';') });
  }
  const pill = deepQuerySelector(field, EDIT_PILL_LABEL);
  if (pill) return nonEmpty({ text: visibleText(pill, SKIP_TEXT) });
  const picklist = deepQuerySelector(field, EDIT_PICKLIST_BUTTON);
  if (picklist) return nonEmpty({ text: (picklist.getAttribute('data-value') ?? '').trim() });
  const control = deepQuerySelector(field, EDIT_CONTROL);
  if (!control) return undefined;
  if (control.localName === 'select') {
    const chosen = Array.from((control as HTMLSelectElement).selectedOptions).filter((o) => o.value !== '');
    return nonEmpty({ text: chosen.map((o) => o.text.trim()).join(';') });
  }
  const input = control as HTMLInputElement | HTMLTextAreaElement;
  if (input.type === 'checkbox') return { text: (input as HTMLInputElement).checked ? 'true' : 'false' };
  const value = input.value.trim();
  return nonEmpty(/^https?:\/\//i.test(value) ? { text: value, href: value } : { text: value });
}

/** `lightning-input-address`: street / city / state / postal code / country inputs (or picklist buttons) by name. */
function addressFromInputs(address: Element): FieldValue | null {
  const part = (name: string) => {
    const el = deepQuerySelector(address, `[name="${name}"]`);
    if (!el) return '';
    const value = el.localName === 'button' ? el.getAttribute('data-value') ?? '' : (el as HTMLInputElement).value ?? '';
    return value.trim();
  };
  const street = part(ADDRESS_INPUT_NAMES.street);
  const cityLine = [part(ADDRESS_INPUT_NAMES.city), [part(ADDRESS_INPUT_NAMES.province), part(ADDRESS_INPUT_NAMES.postalCode)].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const lines = [street, cityLine, part(ADDRESS_INPUT_NAMES.country)].filter((l) => l !== '');
  return lines.length > 0 ? nonEmpty({ text: lines.join(', '), lines: lines.map(clip) }) : null;
}

/** The link a component renders (in light DOM or its shadow root), or the component itself if it is the link. */
function linkIn(component: Element | null): Element | null {
  if (!component) return null;
  return component.matches(LINK) ? component : deepQuerySelector(component, LINK);
}

/** One string per address line: the innermost line elements, so nested wrappers are not read twice. */
function addressLines(address: Element): string[] {
  const lineEls = deepQuerySelectorAll(address, ADDRESS_LINE).filter(
    (el) => deepQuerySelectorAll(el, ADDRESS_LINE).length === 0,
  );
  const lines = lineEls.map((el) => clip(visibleText(el, SKIP_TEXT))).filter((l) => l !== '');
  return lines.length > 0 ? lines : [clip(visibleText(address, SKIP_TEXT))].filter((l) => l !== '');
}

function nonEmpty(value: FieldValue): FieldValue | null {
  const text = clip(value.text);
  if (text === '' && !value.href) return null;
  return { ...value, text };
}
