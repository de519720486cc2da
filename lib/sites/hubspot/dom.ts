import { TAB_PANEL_ROLE } from './selectors';

/**
 * Small DOM helpers for reading HubSpot record pages. Pure: they only touch the elements they are given.
 *
 * Why not `offsetParent` / computed style: the extension reads the live page, but tests use JSDOM, which has no
 * layout. HubSpot hides inactive tabs and stale panels with the `hidden` attribute, `aria-hidden="true"` on tab
 * panels or inline `display:none`, so checking attributes and inline styles up the ancestor chain works in both.
 */

/** True when the element itself hides its subtree (not counting its ancestors). */
function hidesSubtree(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.tagName === 'TEMPLATE' || el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'NOSCRIPT') {
    return true;
  }
  if (el.getAttribute('role') === TAB_PANEL_ROLE && el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  return false;
}

/** True unless the element or one of its ancestors hides it. */
export function isShown(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (hidesSubtree(node)) return false;
  }
  return true;
}

/** Inline elements: their text joins its neighbours without a space ("Ac<b>me</b>" is "Acme"). */
const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'EM', 'I', 'MARK', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);

/**
 * The text a sighted user reads in `el`, whitespace collapsed. Skips hidden subtrees and `aria-hidden="true"`
 * copies: pages often render a value twice (a visual `aria-hidden` copy and a screen-reader copy), and reading
 * both would give "AcmeAcme".
 */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3 /* text */) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 /* element */) return;
    const child = node as Element;
    if (hidesSubtree(child) || child.getAttribute('aria-hidden') === 'true') return;
    const block = !INLINE_TAGS.has(child.tagName);
    if (block) parts.push(' ');
    child.childNodes.forEach(walk);
    if (block) parts.push(' ');
  };
  el.childNodes.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Visible elements under `root` (root included when it matches) matching `selector`, in document order. */
export function shownMatches(root: ParentNode & Node, selector: string): Element[] {
  const found: Element[] = [];
  if (root.nodeType === 1 && (root as Element).matches(selector)) found.push(root as Element);
  found.push(...Array.from(root.querySelectorAll(selector)));
  return found.filter(isShown);
}
