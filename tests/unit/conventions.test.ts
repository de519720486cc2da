import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

  it('keeps lib/ from importing components/ or entrypoints/ (components may import lib types, never the reverse)', () => {
    const offenders = sourceFiles('lib').filter((f) => importsOf(f).some((to) => /^(components|entrypoints|extension)\//.test(to)));
    expect(offenders).toEqual([]);
  });

  it('keeps entrypoints from importing each other (shared browser glue lives in extension/)', () => {
    const offenders = sourceFiles('entrypoints').flatMap((f) => {
      const own = entrypointOf(f);
      return importsOf(f)
        .filter((to) => to.startsWith('entrypoints/') && entrypointOf(to) !== own)
        .map((to) => `${f} → ${to}`);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps the engine pure: lib/engine imports only lib/model, lib/facts and itself', () => {
    const offenders = sourceFiles('lib/engine').flatMap((f) =>
      importsOf(f)
        .filter((to) => to.includes('/') && !/^lib\/(engine|model|facts)\//.test(to) && !to.startsWith('zod'))
        .map((to) => `${f} → ${to}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps generated code out of the extension (MV3 forbids eval): only cli/ and bench/ import lib/engine/codegen', () => {
    const extensionSide = ['lib', 'components', 'entrypoints', 'extension'].filter((d) => existsSync(d)).flatMap(sourceFiles);
    const importers = extensionSide.filter((f) => f !== join('lib', 'engine', 'codegen.ts') && importsOf(f).some((to) => to === 'lib/engine/codegen'));
    expect(importers).toEqual([]);
    const evaluators = extensionSide.filter((f) => f !== join('lib', 'engine', 'codegen.ts') && /\bnew Function\(|\beval\(/.test(readFileSync(f, 'utf8')));
    expect(evaluators).toEqual([]);
  });
});

const sourceFiles = (dir: string) => walk(dir).filter((f) => /\.tsx?$/.test(f));

/** The repository paths a file imports (relative imports resolved; packages as written). */
function importsOf(file: string): string[] {
  const specs = [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[\w\s{},*$]*?(?:from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
  return specs.map((spec) => (spec.startsWith('.') ? relative('.', resolve(dirname(file), spec)) : spec));
}

/** entrypoints/options/builder/x.tsx → "options"; entrypoints/background.ts → "background". */
const entrypointOf = (file: string) => file.split('/')[1].replace(/\.tsx?$/, '');
