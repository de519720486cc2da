import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_IDS } from '../../lib/sites/list';

/** Layout rules the architecture depends on (refined-github style): a failing test names the file to fix. */
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

const SITES = SITE_IDS;

describe('conventions', () => {
  it('keeps lib/ free of extension and page globals (it runs in Node too)', () => {
    const offenders = walk('lib')
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
      .filter((f) => /\b(chrome|browser)\.(runtime|storage|tabs|alarms)\b|\bwindow\.|(^|[^.\w])document\.(querySelector|body|location)/m.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('gives every site one adapter folder with its selectors in one file', () => {
    for (const site of SITES)
      for (const file of ['index.ts', 'site.ts', 'url.ts', 'extract.ts', 'selectors.ts'])
        expect(existsSync(join('lib/sites', site, file)), `lib/sites/${site}/${file}`).toBe(true);
  });

  it('uses no positional selectors', () => {
    for (const site of SITES) {
      const text = walk(join('lib/sites', site)).map((f) => readFileSync(f, 'utf8')).join('\n');
      expect(text, site).not.toMatch(/:nth-(child|of-type|last-child)|:first-child|:last-child|querySelectorAll\([^)]*\)\[\d+\]|\.(children|childNodes)\[\d+\]/);
    }
  });

  it('pairs every fixture page with its expected facts, and covers every site', () => {
    for (const site of SITES) {
      const files = readdirSync(join('tests/fixtures', site));
      const pages = files.filter((f) => f.endsWith('.html'));
      expect(pages.length, site).toBeGreaterThan(2);
      for (const page of pages) expect(files, `${site}/${page}`).toContain(page.replace(/\.html$/, '.expected.json'));
    }
  });

  it('keeps entrypoints thin: no selectors or scoring logic in them', () => {
    const offenders = walk('entrypoints')
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => /querySelector(All)?\(['"`][^'"`]*(\.|\[data-)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
