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

/**
 * A big, busy company page: `elements` elements of feed posts inside <main> (built by the page's own script) and one
 * text change every 20 ms, with the company's top card and About card as on a real page.
 */
export function busyPage(elements: number): string {
  const company = { slug: 'acme-busy', name: 'Acme Busy', industry: 'Software Development', size: '201-500 employees', hq: 'Austin, Texas' };
  const script = `<script>
    (() => {
      const feed = document.getElementById('feed');
      const html = [];
      for (let i = 0; i < ${elements} / 5; i++)
        html.push('<div class="post"><span>Post ' + i + '</span><p>Some text about <strong>things</strong> <a href="/feed/">link</a></p></div>');
      feed.innerHTML = html.join('');
      const spans = feed.querySelectorAll('span');
      let n = 0;
      setInterval(() => { spans[n++ % spans.length].textContent = 'Post ' + n + ' (' + Date.now() + ')'; }, 20);
    })();
  </script>`;
  return companyPage(company, { bodyEnd: script });
}
