/**
 * Which page sections still show the previous record. Single-page apps update a record page piecemeal: the header
 * names the new company at once while the About card shows the previous one's industry and size for up to seconds,
 * and a static canonical link can name the new record all along. So at each navigation every section on screen
 * (elements matching the site's section selector) is taken as stale, and stays stale until a mutation happens inside
 * it; sections rendered after the navigation are fresh. A fact whose value equals the previous record's and that a
 * stale section still shows is held back: it is the old record's until that section changes.
 *
 * Bookkeeping only: `touched` runs in the MutationObserver callback (one `closest` per mutation record); text is read
 * only after a navigation, only of stale sections, and only when a fact repeats the previous record's value.
 */
export class StaleSections {
  private stale = new Set<Element>();

  constructor(
    private readonly doc: Document,
    private readonly selector: string,
  ) {}

  /** A navigation: every section now on screen belongs to the record being left. */
  snapshot(): void {
    this.stale = new Set(Array.from(this.doc.querySelectorAll(this.selector)));
  }

  /** A mutation inside a section makes it (and the sections around it) fresh. True when one of them was stale. */
  touched(node: Node): boolean {
    if (this.stale.size === 0) return false;
    let refreshed = false;
    let el: Element | null | undefined = node.nodeType === 1 ? (node as Element) : node.parentElement;
    while ((el = el?.closest(this.selector))) {
      refreshed = this.stale.delete(el) || refreshed;
      el = el.parentElement;
    }
    return refreshed;
  }

  /** `raw` without the facts that repeat `previous` and that a stale section still shows. */
  withoutStaleFacts<R extends Record<string, unknown>>(raw: R, previous: Record<string, unknown>, ignore: ReadonlySet<string>): R {
    for (const el of this.stale) if (!el.isConnected) this.stale.delete(el);
    if (this.stale.size === 0) return raw;
    const shown = new Map<Element, string>();
    const textOf = (el: Element) => {
      let text = shown.get(el);
      if (text === undefined) {
        // Attribute values too: a website is often only in a link's href.
        text = normalise(`${el.textContent ?? ''} ${el.innerHTML}`);
        shown.set(el, text);
      }
      return text;
    };
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(raw)) {
      const repeated = !ignore.has(field) && sameValue(value, previous[field]);
      const stillShown = repeated && textsOf(value).some((t) => [...this.stale].some((el) => textOf(el).includes(t)));
      if (!stillShown) out[field] = value;
    }
    return out as R;
  }
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').toLowerCase();
}

function sameValue(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The strings a value would be shown as (URLs also by host name, as "acme.com"). */
function textsOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (item === null || item === undefined || typeof item === 'object') continue;
    const text = normalise(String(item)).trim();
    if (!text) continue;
    out.push(text);
    const host = /^https?:\/\/(?:www\.)?([^/?#]+)/.exec(text)?.[1];
    if (host) out.push(host);
  }
  return out;
}
