import { deepQuerySelector, deepQuerySelectorAll, visibleText } from './deep-dom';
import { ADDRESS, ADDRESS_LINE, LINK, LOOKUP, SKIP_TEXT, URL_FIELD } from './selectors';

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

/** Reads the value rendered inside `valueEl` (the output part of a field, never its label). */
export function readFieldValue(valueEl: Element): FieldValue | null {
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

  return nonEmpty({ text: visibleText(valueEl, SKIP_TEXT) });
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
