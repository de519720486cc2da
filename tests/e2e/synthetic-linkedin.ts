/**
 * Synthetic LinkedIn company pages (logged-in layout: top card with the tab navigation, About card with its `dl`),
 * for tests that need many elements or sections that update one by one. Structure as in
 * tests/fixtures/linkedin/logged-in-about.html.
 */
export interface SyntheticCompany {
  slug: string;
  name: string;
  industry: string;
  size: string;
  hq: string;
}

export function topCard(c: SyntheticCompany): string {
  return `<h1 class="org-top-card-summary__title">${c.name}</h1>
    <nav aria-label="Organization’s page navigation"><a href="/company/${c.slug}/">Home</a><a href="/company/${c.slug}/about/">About</a><a href="/company/${c.slug}/people/">People</a></nav>`;
}

export function aboutList(c: SyntheticCompany): string {
  return `<dt>Industry</dt><dd>${c.industry}</dd><dt>Company size</dt><dd>${c.size}</dd><dt>Headquarters</dt><dd>${c.hq}</dd>`;
}

/** A company page; `canonical` names the record the page was first loaded for (single-page apps leave it). */
export function companyPage(c: SyntheticCompany, options: { canonical?: string; bodyEnd?: string } = {}): string {
  const canonical = options.canonical ?? c.slug;
  return `<!doctype html><html lang="en"><head><title>${c.name}: About | LinkedIn</title>
    <link rel="canonical" href="https://www.linkedin.com/company/${canonical}/about/"></head>
    <body><main id="main">
      <section class="artdeco-card org-top-card">${topCard(c)}</section>
      <section class="artdeco-card org-about"><h2>Overview</h2><dl class="overflow-hidden">${aboutList(c)}</dl></section>
      <section class="feed" id="feed"></section>
    </main>${options.bodyEnd ?? ''}</body></html>`;
}
