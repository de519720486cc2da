import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_MATCHES } from '../../lib/sites/list';
import config from '../../wxt.config';

/** What ships: the four sites only, nothing web-accessible, no test material in the sources package. */
describe('packaging', () => {
  type Manifest = { host_permissions: string[]; permissions: string[]; web_accessible_resources?: unknown };
  const manifestFor = (browser: string) => (config as { manifest: (env: { browser: string }) => Manifest }).manifest({ browser });
  const manifest = manifestFor('chrome');

  it('asks for the four sites only, never <all_urls>', () => {
    expect(manifest.host_permissions).toEqual(['*://*.linkedin.com/*', '*://www.crunchbase.com/*', '*://*.hubspot.com/*', '*://*.lightning.force.com/*']);
    expect(manifest.host_permissions).toEqual(SITE_MATCHES);
    expect(manifestFor('firefox').host_permissions).toEqual(SITE_MATCHES);
    expect(JSON.stringify(config)).not.toContain('<all_urls>');
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('asks Firefox only for permissions it knows (no sidePanel: WXT makes the panel a sidebar there)', () => {
    expect(manifest.permissions).toContain('sidePanel');
    expect(manifestFor('firefox').permissions).not.toContain('sidePanel');
  });

  it('leaves tests and fixtures out of the sources zip', () => {
    expect((config as { zip: { excludeSources: string[] } }).zip.excludeSources).toEqual(expect.arrayContaining(['tests/**', 'bench/**']));
  });

  it('makes no network requests from the content script', () => {
    const files = ['entrypoints/content/index.ts', 'entrypoints/content/controller.ts', 'entrypoints/content/mount.tsx', 'lib/page/record-watcher.ts'];
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/);
  });
});
