import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './lib/sites/list';

// WXT builds the extension from entrypoints/. Host permissions are limited to the target sites (lib/sites/list.ts):
// no <all_urls>, and nothing is web-accessible (LinkedIn probes web-accessible resources to detect extensions).
/** Where extension pages and the background may connect: see lib/sync/url.ts (ws: for WXT's dev server). */
const CONNECT_SRC = "connect-src 'self' https: http://localhost:* http://127.0.0.1:* ws://localhost:*;";

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Store packages carry the built extension only; the sources zip (for Firefox review) leaves out tests, fixture
  // pages, benchmarks and demo output.
  zip: { excludeSources: ['tests/**', 'bench/**', 'demo-output/**', 'docs/examples/**'] },
  hooks: {
    // The content script runs on every LinkedIn/CRM page and must stay small (target: 80 KB gzipped). It renders the
    // same React components as the extension pages, through Preact's React-compatible layer (a tenth of react-dom).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const alias = { react: 'preact/compat', 'react-dom/client': 'preact/compat/client', 'react-dom': 'preact/compat', 'react/jsx-runtime': 'preact/jsx-runtime' };
      config.resolve ??= {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string> | undefined), ...alias };
    },
  },
  manifest: ({ browser }) => ({
    name: 'ICP Fit',
    description: 'Scores the company on the page against your Ideal Customer Profile, in your browser.',
    // Firefox has no sidePanel API: WXT turns the side panel into a sidebar_action there.
    permissions: browser === 'firefox' ? ['storage', 'alarms'] : ['storage', 'alarms', 'sidePanel'],
    // Firefox needs an add-on id for storage.managed (enterprise policy is keyed by it), and asks what data leaves
    // the browser: none does.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'icp-fit@icp-fit.local', data_collection_permissions: { required: ['none'] } } } }
      : {}),
    // Admins set the model source URL and lock editing through enterprise policy (README, "Admin policy").
    storage: { managed_schema: 'managed-schema.json' },
    host_permissions: SITE_MATCHES,
    // connect-src: the browser itself refuses any request, and any redirect hop, that is not https or http on this
    // machine, the rule model sync follows (lib/sync/url.ts). A browser hides manual redirects' targets from
    // fetch, so this is what checks every hop of a redirect chain there (lib/sync/fetch-model.ts).
    content_security_policy: {
      extension_pages: `script-src 'self'; object-src 'self'; ${CONNECT_SRC}`,
    },
  }),
});
