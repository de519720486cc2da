import { check, count, factNames, type PageDiagnostic, type SourceCheck } from '../diagnostic';
import { domShowsCompany, readFunding, readName, readLabelledFields, readPublicAbout, readTopCard } from './dom';
import { resolveIdentity } from './extract';
import { jsonLdStats } from './json-ld';
import { readSalesNavigator } from './sales-navigator';
import {
  CANONICAL_LINK,
  FUNDING_LAST_ROUND,
  FUNDING_SECTION,
  INSIGHTS_SUMMARY_TABLE,
  JSON_LD_SCRIPTS,
  LABEL_CANDIDATES,
  NAME_HEADINGS,
  OG_URL_META,
  PUBLIC_ABOUT_ANY,
  PUBLIC_FIRST_SUBLINE,
  SALES_FIELD,
  SALES_NAME,
  SALES_WEBSITE,
  TAB_NAVIGATION_LINKS,
  TOP_CARD_INFO_ITEMS,
  VOYAGER_CODE_BLOCKS,
} from './selectors';
import { matchUrl, parseLinkedInUrl } from './url';
import { voyagerStats } from './voyager';

/** What the LinkedIn adapter tried on this page, source by source (see lib/sites/diagnostic.ts: no page text). */
export function diagnose(doc: Document, url: URL): PageDiagnostic | null {
  const ref = matchUrl(url);
  const page = parseLinkedInUrl(url);
  if (!ref || !page) return null;
  const sources: SourceCheck[] = [];
  if (page.kind === 'sales-navigator') {
    sources.push(check('Sales Navigator account', SALES_NAME, count(doc, SALES_NAME), factNames(readSalesNavigator(doc, page.accountId, url))));
    for (const field of ['industry', 'company-size', 'location', 'revenue'] as const) {
      sources.push(check(`Sales Navigator ${field}`, SALES_FIELD(field), count(doc, SALES_FIELD(field))));
    }
    sources.push(check('Sales Navigator website link', SALES_WEBSITE, count(doc, SALES_WEBSITE)));
    return { site: 'linkedin', recordKey: ref.recordKey, kind: ref.kind, sources };
  }
  const { identity } = resolveIdentity(doc, page.slug, url);
  const voyager = voyagerStats(doc, identity);
  sources.push(check('Voyager JSON blocks (company named by slug or id)', VOYAGER_CODE_BLOCKS, voyager.blocks, voyager.formats));
  const ld = jsonLdStats(doc, identity);
  sources.push(check('JSON-LD Organization naming this company', JSON_LD_SCRIPTS, ld.scripts, ld.matched ? ['Organization'] : []));
  const shows = domShowsCompany(doc, identity, url);
  const identityHooks = `${CANONICAL_LINK}, ${OG_URL_META}, ${TAB_NAVIGATION_LINKS}`;
  sources.push(check('DOM names this company (canonical, og:url, tab links)', identityHooks, count(doc, identityHooks), shows ? ['yes'] : []));
  sources.push(check('Name headings', NAME_HEADINGS.join(', '), count(doc, NAME_HEADINGS.join(', ')), readName(doc, identity, url) ? ['name'] : []));
  const aboutIds = Object.keys(readPublicAbout(doc, url));
  sources.push(check('About fields (data-test-id about-us__*)', PUBLIC_ABOUT_ANY, count(doc, PUBLIC_ABOUT_ANY), aboutIds));
  sources.push(check('Labelled About fields', LABEL_CANDIDATES[0], count(doc, LABEL_CANDIDATES[0]), Object.keys(readLabelledFields(doc, url))));
  const topCard = `${TOP_CARD_INFO_ITEMS}, ${PUBLIC_FIRST_SUBLINE}`;
  sources.push(check('Top card items', topCard, count(doc, topCard), factNames(readTopCard(doc, {}))));
  sources.push(check('Insights summary table', INSIGHTS_SUMMARY_TABLE, count(doc, INSIGHTS_SUMMARY_TABLE)));
  sources.push(check('Funding last round', `${FUNDING_SECTION} ${FUNDING_LAST_ROUND}`, count(doc, FUNDING_SECTION), factNames(readFunding(doc))));
  return { site: 'linkedin', recordKey: ref.recordKey, kind: ref.kind, sources };
}
