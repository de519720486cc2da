/**
 * DOM helpers that see through OPEN shadow roots. Lightning is moving its components to native shadow DOM, so a
 * plain `querySelectorAll` from the document no longer reaches field labels and values.
 * Pure: every function takes the node to work on; nothing touches globals.
 */

type Root = Document | DocumentFragment | Element;

/**
 * All elements matching `selector` under `root`, in light DOM and inside every open shadow root below it, in the
 * composed tree's order: a shadow root's elements right after its host, before the host's light children.
 */
export function deepQuerySelectorAll(root: Root, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (scope: Root) => {
    // The engine's own matching (fast), merged in document order with the scope's shadow hosts (no selector finds
    // those: they come from one walk, shared by a whole read, see withShadowHosts).
    const hosts = shadowHostsIn(scope);
    let next = 0;
    for (const el of Array.from(scope.querySelectorAll(selector))) {
      while (next < hosts.length && hosts[next] !== el && follows(el, hosts[next])) visit(hosts[next++].shadowRoot!);
      found.push(el);
      if (hosts[next] === el) visit(hosts[next++].shadowRoot!);
    }
    while (next < hosts.length) visit(hosts[next++].shadowRoot!);
  };
  // The root itself may be a shadow host (e.g. a record page component with its own shadow root).
  if (isElement(root) && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** Whether `el` comes after `host` in document order (inside it included). */
const follows = (el: Element, host: Element) => (host.compareDocumentPosition(el) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;

/** The shadow hosts found per scope during one read of the page (withShadowHosts), else null: found per query. */
let hostsByScope: WeakMap<Root, Element[]> | null = null;

/** The elements of `scope`'s own tree (not inside its shadow roots) that host an open shadow root, in order. */
function shadowHostsIn(scope: Root): Element[] {
  const known = hostsByScope?.get(scope);
  if (known) return known;
  const hosts = Array.from(scope.querySelectorAll('*')).filter((el) => el.shadowRoot !== null);
  hostsByScope?.set(scope, hosts);
  return hosts;
}

/**
 * Runs `read` with each scope's shadow hosts found once and reused by every deep query inside it. Finding them is a
 * walk over every element of the scope, and one read of a record page asks dozens of deep queries (the record page
 * copies, their ids, every field hook's label and value). For a synchronous read only: the page cannot change
 * during it, so what was found stays true.
 */
export function withShadowHosts<T>(read: () => T): T {
  const outer = hostsByScope;
  hostsByScope ??= new WeakMap();
  try {
    return read();
  } finally {
    hostsByScope = outer;
  }
}

/** The first deep match, or null. */
export function deepQuerySelector(root: Root, selector: string): Element | null {
  return deepQuerySelectorAll(root, selector)[0] ?? null;
}

/** The parent in the composed tree: a shadow root's parent is its host. */
export function composedParent(node: Node): Node | null {
  if (node.parentNode && isShadowRoot(node.parentNode)) return node.parentNode.host;
  return node.parentNode;
}

/** Whether `node` lies inside `ancestor` in the composed tree (crossing shadow boundaries). */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) if (n === ancestor) return true;
  return false;
}

/** The closest composed-tree ancestor (or the element itself) matching `selector`. */
export function composedClosest(el: Element, selector: string): Element | null {
  for (let n: Node | null = el; n; n = composedParent(n)) if (isElement(n) && n.matches(selector)) return n;
  return null;
}

/** Decides whether an element is shown. Injectable so a browser caller can add a layout check. */
export type VisibilityCheck = (el: Element) => boolean;

/**
 * Visibility without layout (JSDOM has none): hidden when the element or a composed-tree ancestor has the `hidden`
 * attribute or an inline `display:none` / `visibility:hidden`. Lightning hides its cached record pages this way.
 * `aria-hidden` is NOT taken as hidden: Lightning sets it on the whole app viewport while a modal (e.g. Edit) is
 * open, and the record page is still on screen behind it. In Chromium a caller may add `getBoundingClientRect()`.
 */
export const isShownByAttributes: VisibilityCheck = (el) => {
  for (let n: Node | null = el; n; n = composedParent(n)) {
    if (!isElement(n)) continue;
    if (n.hasAttribute('hidden')) return false;
    const style = (n as Element & { style?: CSSStyleDeclaration }).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
};

/**
 * The text a user sees in `node`, walking the composed tree: shadow roots instead of their host's light children,
 * slots replaced by the nodes assigned to them. Elements matching `skip` (screen-reader duplicates) are left out.
 * Block-level breaks are not preserved; whitespace is collapsed.
 */
export function visibleText(node: Node, skip: string): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3 /* TEXT_NODE */) {
      parts.push(n.nodeValue ?? '');
      return;
    }
    if (isElement(n)) {
      if (n.matches(skip)) return;
      // Lines of an address, paragraphs: keep words on either side apart.
      if (BLOCK_TAGS.has(n.localName)) parts.push(' ');
      if (n.localName === 'slot') {
        const assigned = (n as HTMLSlotElement).assignedNodes?.() ?? [];
        const children = assigned.length > 0 ? assigned : Array.from(n.childNodes);
        children.forEach(walk);
        return;
      }
      if (n.shadowRoot) {
        Array.from(n.shadowRoot.childNodes).forEach(walk);
        return;
      }
    }
    Array.from(n.childNodes).forEach(walk);
    if (isElement(n) && BLOCK_TAGS.has(n.localName)) parts.push(' ');
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const BLOCK_TAGS = new Set(['div', 'p', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3']);

function isElement(n: Node | Root): n is Element {
  return (n as Node).nodeType === 1;
}

function isShadowRoot(n: Node): n is ShadowRoot {
  return n.nodeType === 11 && 'host' in n && !!(n as ShadowRoot).host;
}
