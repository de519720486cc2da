import type { RawFacts } from '../facts/raw';
import type { PageDiagnostic } from './diagnostic';
import type { SiteId } from './list';

export type { SiteId };

/**
 * A record on a site, derived from the URL alone: `recordKey` names the record ("li:acme", "cb:acme",
 * "hs:123456:0-2:987", "sf:Account:001xx000003DGb2AAG") so the content script never shows one record's facts
 * on another's page.
 */
export interface RecordRef {
  site: SiteId;
  recordKey: string;
  /** What kind of page: e.g. "company", "about", "sales-navigator", "record". */
  kind: string;
}

/** What an adapter read from a page, before normalisation. */
export interface RawExtraction {
  ref: RecordRef;
  raw: RawFacts;
  /** Page language when it matters for numbers and labels, e.g. "de-DE". */
  locale?: string;
}

/** One site: a URL detector and a pure reader of the document. */
export interface SiteAdapter {
  site: SiteId;
  /** Returns the record the URL names, or null when this is not a supported page of this site. */
  matchUrl(url: URL): RecordRef | null;
  /**
   * Reads the company from the document. Returns null when the document does not (yet) show evidence for
   * `ref` — e.g. embedded JSON of the previously loaded record, or lazy sections not yet rendered.
   */
  extract(doc: Document, url: URL): RawExtraction | null;
  /**
   * What `extract` tried on this document, source by source (counts, selectors, names — never page text), for the
   * "couldn't read this page" card. Pure, like `extract`; null when the URL is not a record of this site.
   */
  diagnose(doc: Document, url: URL): PageDiagnostic | null;
  /**
   * Selector of the page regions the site renders one by one (header, About card, property cards). After an in-app
   * navigation, a region that has not changed still shows the previous record (lib/page/stale-sections.ts).
   * Default: lib/page/record-watcher.ts DEFAULT_SECTIONS.
   */
  sections?: string;
}
