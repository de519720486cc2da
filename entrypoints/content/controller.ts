import type { ExceptionInput, FeedbackInput } from '../../components/CardActions';
import type { CardPosition } from '../../components/FitCard';
import type { CardState, CardView } from '../../lib/card/types';
import { embedsRecordFrame } from '../../lib/page/frames';
import { watchRecords, type RecordEvent } from '../../lib/page/record-watcher';
import { formatDiagnostic, MAX_DIAGNOSTIC, readsOnlyName } from '../../lib/sites/diagnostic';
import type { RawExtraction, SiteAdapter } from '../../lib/sites/types';
import { isDarkPage } from './theme';
import { HOST_TAG } from './host-tag';
import type { mountCard } from './mount';

export interface ControllerDeps {
  window: Window & typeof globalThis;
  adapter: SiteAdapter;
  /** Asks the background to normalise, merge and score what the page shows. */
  scorePage(extraction: RawExtraction): Promise<CardView>;
  /** Stores the user's answer for the record; the controller then re-scores, and the background merges it in. */
  /** `about` (the company's domain and name) lets the answer follow the company to its records on other sites. */
  saveAnswer(recordKey: string, field: string, value: boolean, about: { domain?: string; name?: string }): Promise<void>;
  logException(view: CardView, input: ExceptionInput): Promise<void>;
  sendFeedback(view: CardView, input: FeedbackInput): Promise<void>;
  /**
   * What the card needs before it can show: where it goes and whether it is minimised (from storage), and what
   * mounts it (the card's UI, which the content script evaluates once the first score request is out). The page is
   * read and scored while these load; nothing renders before they are in, and nothing at all on null (the site is
   * switched off: the caller stops the controller).
   */
  display: Promise<{ prefs: { position: CardPosition; minimised: boolean }; mount: typeof mountCard } | null>;
  /**
   * The same `mount` as soon as the card's UI is evaluated, before its place is read: the card is then built off
   * the page (mountCard adds nothing until it is attached) while the background scores, so that work does not fall
   * in the answer's way. The storage read usually comes back after the UI, and at times after the answer.
   */
  ui?: Promise<typeof mountCard>;
  savePrefs(prefs: { position: CardPosition; minimised: boolean }): void;
  /** Tells the background the record could not be read, so the side panel shows the same diagnostic. */
  reportUnreadable?(recordKey: string, company: string | undefined, diagnostic: string): Promise<void>;
  /** How long a record page may take to show its company before the card says it couldn't read it. */
  settleMs?: number;
}

/** Long enough for lazy sections (HubSpot cards, LinkedIn's About) on a slow connection; a later read still wins. */
export const SETTLE_MS = 6000;

/**
 * A page's first card waits this long for its answer before it shows "loading": the background usually answers in
 * a few tens of milliseconds, and a loading state rendered first only delays the answer's own render (and flashes).
 * A card already on screen (single-page navigation) shows loading at once: never the previous record's score.
 */
export const LOADING_DELAY_MS = 150;

/**
 * Glue between the record watcher, the background and the card. Everything shown is tied to a record key: an
 * answer that arrives for a record the user has already left is dropped, so one record's facts never show on
 * another's page.
 */
/** The domain and name the card shows, sent with an answer so it is found from the company's other records. */
function aboutCompany(state: CardState): { domain?: string; name?: string } {
  if (state.status !== 'ready') return {};
  const value = (field: string) => {
    const v = state.view.facts.find((f) => f.field === field)?.value;
    return typeof v === 'string' ? v : undefined;
  };
  const domain = value('domain');
  const name = value('name');
  return { ...(domain ? { domain } : {}), ...(name ? { name } : {}) };
}

export function startController(deps: ControllerDeps): { stop(): void; rescore(): void } {
  let card: ReturnType<typeof mountCard> | null = null;
  let currentKey: string | null = null;
  let lastExtraction: RawExtraction | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The card says "couldn't read": a later read with nothing more than a name must not replace that. */
  let unreadable = false;
  let state: CardState = { status: 'loading' };
  let expanded = false;
  let notice: string | undefined;
  /** Set once `display` is in: until then renders wait (`renderWanted`) and `position` is a placeholder. */
  let mount: typeof mountCard | undefined;
  let position: CardPosition = { right: 0, top: 0 };
  let minimised = false;
  let renderWanted = false;
  let stopped = false;
  let loadingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the page is dark, read once per record: getComputedStyle costs a style recalculation on every render. */
  let dark: { key: string | null; value: boolean } | undefined;
  /** Whether a card is wanted on this page now: a record is being shown, and not inside one of the page's frames. */
  const cardWanted = () => currentKey !== null && !embedsRecordFrame(deps.window.document, deps.adapter.matchUrl);
  /** The card, built off the page if it was not yet, with the page's colours read: the first render's costly part. */
  const buildCard = (build: typeof mountCard) => {
    darkPage();
    return (card ??= build(deps.window.document));
  };
  // Built while the background scores (the first render would otherwise do it after the answer); nothing is added to
  // the page before the site is known to be switched on.
  deps.ui?.then(
    (build) => {
      if (!stopped && cardWanted()) buildCard(build);
    },
    () => undefined,
  );
  deps.display.then(
    (display) => {
      if (!display || stopped) return;
      ({ position, minimised } = display.prefs);
      mount = display.mount;
      if (renderWanted) render();
      // On the page now, empty, while the background scores (its style sheet is processed then): the answer's
      // render then only fills it in.
      else if (cardWanted()) buildCard(mount).attach();
    },
    () => undefined,
  );

  const darkPage = () => (dark?.key === currentKey ? dark : (dark = { key: currentKey, value: isDarkPage(deps.window) })).value;

  const render = () => {
    renderWanted = !mount;
    if (!mount || stopped) return;
    card ??= mount(deps.window.document);
    card.render({
      state,
      expanded,
      minimised,
      position,
      dark: darkPage(),
      notice,
      onToggleExpanded: () => {
        expanded = !expanded;
        render();
      },
      onToggleMinimised: () => {
        minimised = !minimised;
        deps.savePrefs({ position, minimised });
        render();
      },
      onMove: (p, final) => {
        position = p;
        if (final) deps.savePrefs({ position, minimised });
        render();
      },
      onAnswer: (field, value) => {
        const key = currentKey;
        if (!key) return;
        deps.saveAnswer(key, field, value, aboutCompany(state)).then(
          () => {
            if (key === currentKey && lastExtraction) score(lastExtraction);
          },
          (error: unknown) => {
            if (key !== currentKey) return;
            notice = `Answer not saved: ${(error as Error).message}`;
            render();
          },
        );
      },
      onLogException: (input) =>
        act((view) => deps.logException(view, input), 'Exception logged for the quarterly review.', 'Exception not logged'),
      onFeedback: (input) => act((view) => deps.sendFeedback(view, input), 'Thanks: sent to the model owner.', 'Feedback not sent'),
    });
  };

  /** Sends something about the record on the card; the outcome shows as a notice, unless the user has moved on. */
  const act = (send: (view: CardView) => Promise<void>, done: string, failed: string) => {
    if (state.status !== 'ready') return;
    const key = currentKey;
    const tell = (text: string) => {
      if (key !== currentKey) return;
      notice = text;
      render();
    };
    send(state.view).then(
      () => tell(done),
      (error: unknown) => tell(`${failed}: ${(error as Error).message}`),
    );
  };

  const show = (next: CardState) => {
    state = next;
    render();
  };

  const score = (extraction: RawExtraction) => {
    const key = extraction.ref.recordKey;
    lastExtraction = extraction;
    deps.scorePage(extraction).then(
      (view) => {
        if (key === currentKey && !(unreadable && readsOnlyName(extraction.raw))) show({ status: 'ready', view });
      },
      (error: unknown) => {
        if (key === currentKey) show({ status: 'error', message: `Could not score this page: ${String((error as Error)?.message ?? error)}` });
      },
    );
  };

  /** The page settled: a record page that gave nothing (or only a name) says so, with what was tried. */
  const settle = (key: string) => {
    settleTimer = undefined;
    if (key !== currentKey || embedsRecordFrame(deps.window.document, deps.adapter.matchUrl)) return;
    if (lastExtraction && !readsOnlyName(lastExtraction.raw)) return;
    const diagnostic = deps.adapter.diagnose(deps.window.document, new URL(deps.window.location.href));
    const text = (diagnostic ? formatDiagnostic(diagnostic) : `ICP Fit page diagnostic — record ${key}: no diagnostic`).slice(0, MAX_DIAGNOSTIC);
    const name = lastExtraction?.raw.name;
    const company = typeof name === 'string' ? name : undefined;
    unreadable = true;
    show({ status: 'unreadable', company, diagnostic: text });
    deps.reportUnreadable?.(key, company, text).catch(() => undefined);
  };

  const onEvent = (event: RecordEvent) => {
    clearTimeout(settleTimer);
    if (event.type === 'none') {
      currentKey = null;
      lastExtraction = null;
      card?.remove();
      card = null;
      return;
    }
    if (event.type === 'loading') {
      currentKey = event.ref.recordKey;
      lastExtraction = null;
      expanded = false;
      notice = undefined;
      unreadable = false;
      const key = event.ref.recordKey;
      settleTimer = setTimeout(() => settle(key), deps.settleMs ?? SETTLE_MS);
      // The record is shown inside a frame of this page: that frame's card speaks for it.
      if (embedsRecordFrame(deps.window.document, deps.adapter.matchUrl)) {
        card?.remove();
        card = null;
        return;
      }
      state = { status: 'loading' };
      const showLoading = () => {
        if (key === currentKey && state.status === 'loading') render();
      };
      clearTimeout(loadingTimer);
      // A card on screen shows loading once this read has also sent the record to be scored (the same task goes on
      // to do that); a page's first card waits LOADING_DELAY_MS for the answer.
      if (card?.attached()) queueMicrotask(showLoading);
      else loadingTimer = setTimeout(showLoading, LOADING_DELAY_MS);
      return;
    }
    if (!readsOnlyName(event.extraction.raw)) unreadable = false;
    else if (!unreadable) settleTimer = setTimeout(() => settle(event.ref.recordKey), deps.settleMs ?? SETTLE_MS);
    score(event.extraction);
  };

  const stopWatching = watchRecords({
    window: deps.window,
    match: (url) => deps.adapter.matchUrl(url),
    extract: (doc, url) => deps.adapter.extract(doc, url),
    sections: deps.adapter.sections,
    ownTag: HOST_TAG,
    onEvent,
  });

  return {
    stop: () => {
      stopped = true;
      clearTimeout(settleTimer);
      clearTimeout(loadingTimer);
      stopWatching();
      card?.remove();
      card = null;
    },
    /** The active models changed: score the same page facts again. */
    rescore: () => {
      if (lastExtraction) score(lastExtraction);
    },
  };
}
