import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crunchbaseAdapter } from '../../../lib/sites/crunchbase/index';
import { linkedinAdapter } from '../../../lib/sites/linkedin/index';
import type { SiteAdapter } from '../../../lib/sites/types';
import { JSON_SEEDS, mutate, random } from './seeds';

/**
 * Page JSON the adapters parse (LinkedIn's voyager `<code>` blocks and JSON-LD, Crunchbase's ng-state): a hostile or
 * broken page must never make an adapter throw or overflow the stack; it reads the company or nothing.
 */
const FIXTURES = join(import.meta.dirname, '../../fixtures');
const TOKENS = ['{', '}', '[', ']', '"', ',', ':', '\\', '1e308', '{"a":', '&quot;', '&q;', '</script>', 'null', '"entityUrn"', '"included"'];

interface Target {
  name: string;
  adapter: SiteAdapter;
  fixture: string;
  /** The elements whose text is JSON. */
  selector: string;
}
const TARGETS: Target[] = [
  { name: 'LinkedIn voyager code blocks', adapter: linkedinAdapter, fixture: 'linkedin/logged-in-embedded-json', selector: 'code[id^="bpr-guid-"]' },
  { name: 'LinkedIn JSON-LD', adapter: linkedinAdapter, fixture: 'linkedin/public-www', selector: 'script[type="application/ld+json"]' },
  { name: 'Crunchbase ng-state', adapter: crunchbaseAdapter, fixture: 'crunchbase/organization-ng-state', selector: 'script#ng-state' },
];

describe.each(TARGETS)('fuzz: $name', ({ adapter, fixture, selector }) => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${fixture}.expected.json`), 'utf8')) as { url: string };
  const url = new URL(expected.url);
  const doc = new JSDOM(readFileSync(join(FIXTURES, `${fixture}.html`), 'utf8'), { url: expected.url }).window.document;
  const blocks = Array.from(doc.querySelectorAll(selector));
  // LinkedIn sometimes wraps a block's JSON in an HTML comment: keep each block's form (text or comment).
  const inComment = blocks.map((b) => Array.from(b.childNodes).some((n) => n.nodeType === 8));
  const originals = blocks.map((b) => Array.from(b.childNodes).map((n) => n.nodeValue ?? '').join(''));

  const extractWith = (texts: string[]) => {
    blocks.forEach((b, i) => b.replaceChildren(inComment[i] ? doc.createComment(texts[i]) : doc.createTextNode(texts[i])));
    return adapter.extract(doc, url);
  };

  it('reads the company from the page as it is', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(extractWith(originals)?.raw).toBeTruthy();
  });

  it('never throws on the seeds of issue 15 (deep nesting, 60 KB, 1e308, huge strings) in any block', () => {
    for (const seed of JSON_SEEDS)
      for (let i = 0; i < blocks.length; i++) {
        const texts = [...originals];
        texts[i] = seed;
        const out = extractWith(texts);
        expect(out === null || typeof out.raw === 'object').toBe(true);
      }
  });

  it('never throws on random mutations of the page JSON', () => {
    const rnd = random(5);
    for (let n = 0; n < 40; n++) {
      const out = extractWith(originals.map((t) => (rnd() < 0.6 ? mutate(rnd, t, TOKENS) : t)));
      expect(out === null || typeof out.raw === 'object').toBe(true);
    }
  });
});
