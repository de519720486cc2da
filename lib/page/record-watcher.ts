import type { RawExtraction, RecordRef } from '../sites/types';

/**
 * Follows a single-page app from record to record: URL changes (history API, back/forward) and lazy sections
 * arriving both show up as DOM mutations, so one MutationObserver drives everything. Its callback does no work: it
 * only schedules a read (uBlock Origin's pattern). The first mutation schedules the read; later ones inside the
 * window do not postpone it, so a page that never stops mutating (LinkedIn) still gets read every `delayMs`.
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
  /** Longest wait between a mutation and the read it triggers. */
  delayMs?: number;
}

export function watchRecords(options: RecordWatcherOptions): () => void {
  const { window: win, match, extract, onEvent } = options;
  const delay = options.delayMs ?? 50;
  let currentKey: string | null = null;
  let lastFingerprint: string | null = null;
  /** What the previous record's page showed: the same content under a new URL is the old DOM, not the new record. */
  let previousFingerprint: string | null = null;
  let timer: number | undefined;

  const read = () => {
    timer = undefined;
    const url = new URL(win.location.href);
    const ref = match(url);
    if (!ref) {
      if (currentKey !== null) onEvent({ type: 'none' });
      currentKey = null;
      return;
    }
    if (ref.key !== currentKey) {
      // A new record: forget everything about the previous one before anything else is shown.
      currentKey = ref.key;
      previousFingerprint = lastFingerprint ?? previousFingerprint;
      lastFingerprint = null;
      onEvent({ type: 'loading', ref });
    }
    const extraction = extract(win.document, url);
    if (!extraction || extraction.ref.key !== ref.key) return;
    const fingerprint = contentFingerprint(extraction.raw);
    if (fingerprint === lastFingerprint || fingerprint === previousFingerprint) return;
    previousFingerprint = null;
    lastFingerprint = fingerprint;
    onEvent({ type: 'extracted', ref, extraction });
  };

  const schedule = () => {
    if (timer === undefined) timer = win.setTimeout(read, delay);
  };

  const observer = new win.MutationObserver(schedule);
  observer.observe(win.document, { childList: true, subtree: true, characterData: true });
  win.addEventListener('popstate', schedule);
  // The Navigation API (Chromium) reports same-document navigations that change no DOM yet.
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', schedule);
  read();

  return () => {
    observer.disconnect();
    win.removeEventListener('popstate', schedule);
    navigation?.removeEventListener('navigatesuccess', schedule);
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
  };
}

/**
 * The page's content, without the identity facts adapters derive from the URL (a CRM id, the canonical profile URL):
 * right after an in-app navigation those already name the new record while everything else is still the old one.
 */
const URL_DERIVED = new Set(['crmId', 'linkedinUrl', 'crunchbaseUrl']);
function contentFingerprint(raw: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(raw).filter(([field]) => !URL_DERIVED.has(field)));
}
