import { defineConfig } from 'wxt';

// WXT builds the extension from entrypoints/. Host permissions are limited to the four target sites:
// no <all_urls>, and nothing is web-accessible (LinkedIn probes web-accessible resources to detect extensions).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'ICP Fit',
    description: 'Scores the company on the page against your Ideal Customer Profile, in your browser.',
    permissions: ['storage', 'alarms', 'sidePanel'],
    host_permissions: [
      '*://*.linkedin.com/*',
      '*://www.crunchbase.com/*',
      '*://*.hubspot.com/*',
      '*://*.lightning.force.com/*',
    ],
  },
});
