import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

/** What ships: the four sites only, nothing web-accessible, no test material in the sources package. */
describe('packaging', () => {
  const manifest = (config as { manifest: { host_permissions: string[]; web_accessible_resources?: unknown } }).manifest;

  it('asks for the four sites only, never <all_urls>', () => {
    expect(manifest.host_permissions).toEqual(['*://*.linkedin.com/*', '*://www.crunchbase.com/*', '*://*.hubspot.com/*', '*://*.lightning.force.com/*']);
    expect(JSON.stringify(config)).not.toContain('<all_urls>');
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('leaves tests and fixtures out of the sources zip', () => {
    expect((config as { zip: { excludeSources: string[] } }).zip.excludeSources).toEqual(expect.arrayContaining(['tests/**', 'bench/**']));
  });

  it('makes no network requests from the content script', () => {
    const files = ['entrypoints/content/index.ts', 'entrypoints/content/controller.ts', 'entrypoints/content/mount.tsx', 'lib/page/record-watcher.ts'];
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/);
  });
});
