import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { deepQuerySelectorAll, withShadowHosts } from '../../../lib/sites/salesforce/deep-dom';
import { int, pick, random, type Rnd } from '../fuzz/seeds';

/**
 * deepQuerySelectorAll merges the engine's matches with the shadow hosts found once per read (deep-dom.ts says why).
 * The reference is the walk it replaced: every element in order, a match taken, a shadow root visited at its host.
 */
function reference(root: Document | Element | ShadowRoot, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (scope: Document | Element | ShadowRoot) => {
    const matches = new Set(Array.from(scope.querySelectorAll(selector)));
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      if (matches.has(el)) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root.nodeType === 1 && (root as Element).shadowRoot) visit((root as Element).shadowRoot!);
  visit(root);
  return found;
}

const TAGS = ['div', 'span', 'records-field', 'lightning-card', 'one-record-home-flexipage2'];
const CLASSES = ['a', 'b', 'field'];
const SELECTORS = ['div', '.a', '.field', 'records-field', 'one-record-home-flexipage2', '[data-x]', '.a, records-field', '*', 'div > .b'];

/** A random tree of elements, some of them shadow hosts (open or closed) with trees of their own. */
function grow(rnd: Rnd, parent: Element | ShadowRoot, doc: Document, depth: number): void {
  for (let i = int(rnd, depth > 0 ? 4 : 1); i > 0; i--) {
    const el = doc.createElement(pick(rnd, TAGS));
    if (int(rnd, 2)) el.className = pick(rnd, CLASSES);
    if (int(rnd, 5) === 0) el.setAttribute('data-x', '1');
    parent.appendChild(el);
    if (depth > 0 && int(rnd, 4) === 0) grow(rnd, el.attachShadow({ mode: int(rnd, 6) ? 'open' : 'closed' }), doc, depth - 1);
    if (depth > 0) grow(rnd, el, doc, depth - 1);
  }
}

describe('deepQuerySelectorAll', () => {
  it('finds what the element-by-element walk found, in the same order, with and without the shared hosts', () => {
    const rnd = random(86);
    let matched = 0;
    for (let t = 0; t < 150; t++) {
      const doc = new JSDOM('<!doctype html><body></body>').window.document;
      grow(rnd, doc.body, doc, 4);
      const all = reference(doc, '*');
      withShadowHosts(() => {
        for (let q = 0; q < 12; q++) {
          const selector = pick(rnd, SELECTORS);
          const root = q % 3 === 0 ? doc : pick(rnd, all.length ? all : [doc.body]);
          const expected = reference(root, selector);
          expect(deepQuerySelectorAll(root, selector)).toEqual(expected);
          matched += expected.length;
        }
      });
      const root = pick(rnd, all.length ? all : [doc.body]);
      expect(deepQuerySelectorAll(root, '.a')).toEqual(reference(root, '.a'));
    }
    expect(matched).toBeGreaterThan(3000);
  });
});
