import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the content script evaluates before it sends the page's first score request: everything index.ts imports
 * statically. The card's answer schemas and UI cost more to build than reading the page and sending it, so they
 * are imported with `import()` only (entrypoints/content/card-ui.ts) and built while the background scores. A
 * static import of one of them from this graph would put them back in front of the request (issue 14, item 6).
 */
const ROOT = resolve(import.meta.dirname, '../../..');

/** The modules a file imports for their values: `import type` is erased (and all-type lists kept only as empty imports). */
function staticImports(file: string, packages = false): string[] {
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*'([^']+)'/gm)) {
    const [, typeOnly, , spec] = m;
    if (typeOnly) continue;
    found.push(spec);
  }
  for (const m of source.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push(m[1]);
  if (packages) return found.filter((spec) => !spec.startsWith('.'));
  return found.filter((spec) => spec.startsWith('.')).map((spec) => resolveModule(dirname(file), spec.replace(/\?.*$/, '')));
}

function resolveModule(from: string, spec: string): string {
  const base = resolve(from, spec);
  const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile());
  if (!file) throw new Error(`cannot resolve ${spec} from ${from}`);
  return file;
}

function firstTaskGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (/\.(ts|tsx)$/.test(file)) for (const next of staticImports(file)) visit(next);
  };
  visit(entry);
  return [...seen].map((f) => relative(ROOT, f)).sort();
}

describe("the content script's first task", () => {
  const graph = firstTaskGraph(join(ROOT, 'entrypoints/content/index.ts'));

  it('reads the page and sends it with the site adapters, the watcher and the message client', () => {
    expect(graph).toEqual(expect.arrayContaining(['entrypoints/content/controller.ts', 'lib/page/record-watcher.ts', 'lib/messages/client.ts', 'lib/sites/index.ts']));
  });

  it('leaves the answer schemas and the card UI to card-ui.ts, imported only with import()', () => {
    const heavy = graph.filter((f) =>
      /^(components\/|entrypoints\/content\/(card-ui|mount)\.tsx?$|lib\/messages\/card\.ts$|lib\/card\/schema\.ts$|lib\/facts\/vocabulary\.ts$|lib\/model\/schema\.ts$)/.test(f),
    );
    expect(heavy).toEqual([]);
    expect(readFileSync(join(ROOT, 'entrypoints/content/index.ts'), 'utf8')).toMatch(/import\('\.\/card-ui'\)/);
  });

  it('loads no zod at all: page data is checked by hand (lib/json/shapes.ts), prefs and the request after it is sent', () => {
    const zod = graph.filter((f) => staticImports(join(ROOT, f), true).some((spec) => spec === 'zod' || spec.startsWith('zod/')));
    expect(zod).toEqual([]);
  });
});

describe("the content script's first card", () => {
  const graph = firstTaskGraph(join(ROOT, 'entrypoints/content/card-ui.ts'));

  it("builds the score answer's schemas and the card, and leaves the other messages' schemas to card-actions.ts", () => {
    expect(graph).toEqual(expect.arrayContaining(['lib/messages/card-score.ts', 'lib/card/schema.ts', 'entrypoints/content/mount.tsx']));
    expect(graph.filter((f) => /^(lib\/messages\/(card|broadcast|schemas)\.ts|lib\/facts\/vocabulary\.ts|lib\/model\/schema\.ts)$/.test(f))).toEqual([]);
    expect(readFileSync(join(ROOT, 'entrypoints/content/index.ts'), 'utf8')).toMatch(/import\('\.\/card-actions'\)/);
  });

  it("loads zod's mini API only (classic zod's schemas cost twice as much to build, traced in Chromium)", () => {
    const classic = graph.filter((f) => staticImports(join(ROOT, f), true).includes('zod'));
    expect(classic).toEqual([]);
    expect(graph.some((f) => staticImports(join(ROOT, f), true).includes('zod/mini'))).toBe(true);
  });
});
