import type { RawExtraction, RecordRef } from '../sites/types';
import { StaleSections } from './stale-sections';

/**
 * Follows a single-page app from record to record: URL changes (history API, back/forward) and lazy sections
 * arriving both show up as DOM mutations, so one MutationObserver drives everything.
 *
 * - The first read of a record happens at once (the page usually holds its data when the script starts, or when the
 *   URL changes to a record already rendered); only later mutations are debounced.
 * - The observer callback does only bookkeeping (uBlock Origin's pattern): it drops mutations of the card's own host,
 *   notes which page sections changed (for the stale-section rule, stale-sections.ts) and schedules one read. On a
 *   page whose read is expensive (big DOM), a mere text change elsewhere than in a stale section or <head> does not
 *   schedule one once the record has been read. The
 *   first mutation schedules it; later ones do not postpone it, so a page that never stops mutating (LinkedIn) is
 *   still read, but never more often than its cost allows: the pause after a read is at least `busyFactor` times as
 *   long as the read took, so the extension takes a bounded share of the main thread on big, busy pages.
 * - A read shows only facts of the record in the URL: content identical to the previous record's is refused, and a
 *   fact still shown by a section unchanged since the previous record (same value as there) is held back until that
 *   section changes.
 *
 * Takes the window as a parameter so tests can drive it with jsdom.
 */
export type RecordEvent =
  | { type: 'none' }
  | { type: 'loading'; ref: RecordRef }
  | { type: 'extracted'; ref: RecordRef; extraction: RawExtraction };

export interface RecordWatcherOptions {
  window: Window & typeof globalThis;
  match(url: URL): RecordRef | null;
  extract(doc: Document, url: URL): RawExtraction | null;
  onEvent(event: RecordEvent): void;
  /** Selector of the page regions that render independently (see SiteAdapter.sections). */
  sections?: string;
  /** Tag name of the extension's own element: its mutations are never a reason to read. */
  ownTag?: string;
  /** Shortest wait between a mutation and the read it triggers. */
  delayMs?: number;
  /** The pause after a read is at least this many times the read's duration. */
  busyFactor?: number;
}

/** Regions most sites render one by one: cards, sections, definition lists, headers. */
export const DEFAULT_SECTIONS = 'section, article, dl, header, [role="region"]';

export function watchRecords(options: RecordWatcherOptions): () => void {
  const { window: win, match, extract, onEvent } = options;
  const delay = options.delayMs ?? 50;
  const busyFactor = options.busyFactor ?? 8;
  const ownTag = options.ownTag?.toUpperCase();
  const stale = new StaleSections(win.document, options.sections ?? DEFAULT_SECTIONS);
  let currentKey: string | null = null;
  let lastFingerprint: string | null = null;
  /** What the previous record's page showed: the same content under a new URL is the old DOM, not the new record. */
  let previousFingerprint: string | null = null;
  let previousRaw: Record<string, unknown> | null = null;
  let lastRaw: Record<string, unknown> | null = null;
  let timer: number | undefined;
  let lastReadCost = 0;
  let lastReadEnd = -Infinity;

  /** The record the sections were last taken for: a URL naming another one makes every section on screen stale. */
  let noticedKey: string | null = null;
  /**
   * `later`: the caller takes the snapshot itself at the end of its task when no previous record's facts need it
   * (read() below: the page's first record is sent before the sections are listed; the DOM cannot change between).
   */
  const noticeNavigation = (later?: { snapshot: boolean }): RecordRef | null => {
    const ref = match(new URL(win.location.href));
    const key = ref?.recordKey ?? null;
    if (key !== noticedKey) {
      noticedKey = key;
      previousRaw = lastRaw ?? previousRaw;
      lastRaw = null;
      if (ref && later && !previousRaw) later.snapshot = true;
      else if (ref) stale.snapshot();
    }
    return ref;
  };

  const read = () => {
    timer = undefined;
    const started = win.performance.now();
    const later = { snapshot: false };
    const ref = noticeNavigation(later);
    if (!ref) {
      if (currentKey !== null) onEvent({ type: 'none' });
      currentKey = null;
      return;
    }
    if (ref.recordKey !== currentKey) {
      // A new record: forget everything about the previous one before anything else is shown.
      currentKey = ref.recordKey;
      previousFingerprint = lastFingerprint ?? previousFingerprint;
      lastFingerprint = null;
      onEvent({ type: 'loading', ref });
    }
    try {
      const extraction = extract(win.document, new URL(win.location.href));
      if (!extraction || extraction.ref.recordKey !== ref.recordKey) return;
      const raw = previousRaw ? stale.withoutStaleFacts(extraction.raw, previousRaw, URL_DERIVED) : extraction.raw;
      if (!hasContent(raw)) return;
      const fingerprint = contentFingerprint(raw);
      if (fingerprint === lastFingerprint || fingerprint === previousFingerprint) return;
      previousFingerprint = null;
      lastFingerprint = fingerprint;
      lastRaw = raw;
      onEvent({ type: 'extracted', ref, extraction: { ...extraction, raw } });
    } finally {
      if (later.snapshot) stale.snapshot();
      lastReadEnd = win.performance.now();
      lastReadCost = lastReadEnd - started;
    }
  };

  const schedule = () => {
    if (timer !== undefined) return;
    const sinceLastRead = win.performance.now() - lastReadEnd;
    timer = win.setTimeout(read, Math.max(delay, busyFactor * lastReadCost - sinceLastRead));
  };

  const readNow = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    read();
  };
  let lastHref = win.location.href;
  /** A URL change is read at once: the new record may already be on screen. */
  const onNavigation = () => {
    if (win.location.href === lastHref) return schedule();
    lastHref = win.location.href;
    readNow();
  };

  const observer = new win.MutationObserver((records) => {
    // The app may change the URL and the DOM in one task: take the sections as they were, then count this batch.
    const navigated = win.location.href !== lastHref;
    if (navigated) noticeNavigation();
    // On a page that is expensive to read, a text change is worth a read only when it refreshes a section that
    // still showed the previous record, or the record has not been read yet: the app's ticking counters, timestamps
    // and feeds would otherwise cost a read every pause. Elements arriving or leaving (lazy sections) always count.
    const textMatters = lastRaw === null || lastReadCost <= CHEAP_READ_MS;
    let relevant = false;
    for (const record of records) {
      if (ownTag && isOwn(record, ownTag)) continue;
      const refreshed = stale.touched(record.target);
      relevant ||= refreshed || textMatters || addsOrRemovesElements(record) || inHead(record.target);
    }
    if (navigated) onNavigation();
    else if (relevant) schedule();
  });
  observer.observe(win.document, { childList: true, subtree: true, characterData: true });
  win.addEventListener('popstate', onNavigation);
  // The Navigation API (Chromium) reports same-document navigations that change no DOM yet.
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', onNavigation);
  read();

  return () => {
    observer.disconnect();
    win.removeEventListener('popstate', onNavigation);
    navigation?.removeEventListener('navigatesuccess', onNavigation);
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
  };
}

/** A read cheaper than this (ms) may run on any mutation; slower ones only when the page's structure changed. */
const CHEAP_READ_MS = 8;

function addsOrRemovesElements(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  for (const n of Array.from(record.addedNodes)) if (n.nodeType === 1) return true;
  for (const n of Array.from(record.removedNodes)) if (n.nodeType === 1) return true;
  return false;
}

/** The title, canonical link and embedded JSON live in <head>: always worth a read. */
function inHead(node: Node): boolean {
  return node.ownerDocument?.head?.contains(node) === true;
}

/** The card's host being added or removed: the extension's own doing, nothing the page changed. */
function isOwn(record: MutationRecord, ownTag: string): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => n.nodeName === ownTag);
}

/**
 * The page's content, without the identity facts adapters derive from the URL (a CRM id, the canonical profile URL):
 * right after an in-app navigation those already name the new record while everything else is still the old one.
 */
const URL_DERIVED = new Set(['crmId', 'linkedinUrl', 'crunchbaseUrl']);
function contentFingerprint(raw: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(raw).filter(([field]) => !URL_DERIVED.has(field)));
}
function hasContent(raw: Record<string, unknown>): boolean {
  return Object.keys(raw).some((field) => !URL_DERIVED.has(field));
}
