import type { RawFacts } from '../facts/raw';
import type { RecordRef } from './types';

/** Longest diagnostic kept: it lists sources and selectors, a few hundred characters per site. */
export const MAX_DIAGNOSTIC = 8000;

/**
 * What an adapter tried on a page and what each source gave, to paste into a bug report when a page cannot be read.
 * It holds NO page text: counts, the selectors and source names of the adapter, and names the adapter itself
 * knows (fact names, field API names, embedded block ids) — never a value shown on the page.
 */
export interface SourceCheck {
  /** What the source is, in the adapter's words ("Voyager JSON blocks", "About fields (data-test-id)"). */
  source: string;
  /** The selector from the adapter's selectors.ts. */
  selector: string;
  /** How many elements / blocks the selector found. */
  found: number;
  /** How many of them were about this record or gave a value. */
  matched: number;
  /** Which ones matched, by name: fact names, API names, block ids. Never page text. */
  which?: string[];
}

export interface PageDiagnostic {
  site: RecordRef['site'];
  recordKey: string;
  kind: string;
  sources: SourceCheck[];
}

/** A check of one selector: how many elements, and which names matched (fact names the adapter read, …). */
export function check(source: string, selector: string, found: number, which: string[] = [], matched = which.length): SourceCheck {
  const names = [...new Set(which)].filter((w) => SAFE_NAME.test(w)).slice(0, MAX_NAMES);
  return names.length > 0 ? { source, selector, found, matched, which: names } : { source, selector, found, matched };
}

/** Names the adapter knows are short identifiers; anything else (page text that slipped in) is dropped. */
const SAFE_NAME = /^[A-Za-z0-9_.:/#\-[\]]{1,80}$/;
const MAX_NAMES = 40;

/** Fact names present in raw facts: what a reader gave, without the values. */
export function factNames(raw: RawFacts | null | undefined): string[] {
  return raw ? Object.keys(raw).filter((k) => raw[k as keyof RawFacts] !== undefined) : [];
}

export function count(doc: Document | Element, selector: string): number {
  return doc.querySelectorAll(selector).length;
}

/** The diagnostic as plain text, to copy. */
export function formatDiagnostic(d: PageDiagnostic): string {
  const lines = [`ICP Fit page diagnostic — site ${d.site}, record ${d.recordKey}, page kind ${d.kind}`];
  for (const s of d.sources) {
    const which = s.which && s.which.length > 0 ? ` [${s.which.join(', ')}]` : '';
    lines.push(`- ${s.source}: ${s.found} found, ${s.matched} matched${which}  (${s.selector})`);
  }
  return lines.join('\n');
}

/** Facts an adapter derives from the URL or that only name the company: a page giving only these was not read. */
const NOT_READ_FROM_PAGE = new Set(['name', 'crmId', 'linkedinUrl', 'crunchbaseUrl']);

/** True when an extraction gave nothing about the company beyond its name (the "couldn't read this page" case). */
export function readsOnlyName(raw: RawFacts | null | undefined): boolean {
  return factNames(raw).every((fact) => NOT_READ_FROM_PAGE.has(fact));
}
