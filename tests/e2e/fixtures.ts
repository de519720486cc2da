import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The per-site fixture pages (tests/fixtures/<site>/<variant>.html) with their expected facts and real URLs. */
export interface Fixture {
  site: string;
  name: string;
  url: string;
  key: string;
  html: string;
  /** Normalised facts the page must yield; null for pages that must show no company (yet). */
  facts: Record<string, unknown> | null;
}

const ROOT = resolve(import.meta.dirname, '../fixtures');

export function loadFixtures(): Fixture[] {
  return readdirSync(ROOT).flatMap((site) =>
    readdirSync(join(ROOT, site))
      .filter((f) => f.endsWith('.html'))
      .map((file) => {
        const name = file.replace(/\.html$/, '');
        const expected = JSON.parse(readFileSync(join(ROOT, site, `${name}.expected.json`), 'utf8'));
        return { site, name, url: expected.url, key: expected.recordKey, html: readFileSync(join(ROOT, site, file), 'utf8'), facts: expected.facts };
      }),
  );
}
