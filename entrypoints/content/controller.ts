import type { CardPosition } from '../../components/FitCard';
import type { CardState, CardView } from '../../lib/card/types';
import { watchRecords, type RecordEvent } from '../../lib/page/record-watcher';
import type { RawExtraction, SiteAdapter } from '../../lib/sites/types';
import { isDarkPage } from './theme';
import { HOST_TAG, type mountCard } from './mount';

export interface ControllerDeps {
  window: Window & typeof globalThis;
  adapter: SiteAdapter;
  mount: typeof mountCard;
  /** Asks the background to normalise, merge and score what the page shows. */
  scorePage(extraction: RawExtraction): Promise<CardView>;
  /** Stores the user's answer for the record; the controller then re-scores, and the background merges it in. */
  saveAnswer(recordKey: string, field: string, value: boolean): Promise<void>;
  logException(view: CardView, reason: string): Promise<void>;
  prefs: { position: CardPosition; minimised: boolean };
  savePrefs(prefs: { position: CardPosition; minimised: boolean }): void;
}

/**
 * Glue between the record watcher, the background and the card. Everything shown is tied to a record key: an
 * answer that arrives for a record the user has already left is dropped, so one record's facts never show on
 * another's page.
 */
export function startController(deps: ControllerDeps): { stop(): void; rescore(): void } {
  let card: ReturnType<typeof mountCard> | null = null;
  let currentKey: string | null = null;
  let lastExtraction: RawExtraction | null = null;
  let state: CardState = { status: 'loading' };
  let expanded = false;
  let notice: string | undefined;
  let { position, minimised } = deps.prefs;

  const render = () => {
    card ??= deps.mount(deps.window.document);
    card.render({
      state,
      expanded,
      minimised,
      position,
      dark: isDarkPage(deps.window),
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
        deps.saveAnswer(key, field, value).then(
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
      onLogException: (reason) => {
        if (state.status !== 'ready') return;
        const key = currentKey;
        const tell = (text: string) => {
          if (key !== currentKey) return;
          notice = text;
          render();
        };
        deps.logException(state.view, reason).then(
          () => tell('Exception logged for the quarterly review.'),
          (error: unknown) => tell(`Exception not logged: ${(error as Error).message}`),
        );
      },
    });
  };

  const show = (next: CardState) => {
    state = next;
    render();
  };

  const score = (extraction: RawExtraction) => {
    const key = extraction.ref.key;
    lastExtraction = extraction;
    deps.scorePage(extraction).then(
      (view) => {
        if (key === currentKey) show({ status: 'ready', view });
      },
      (error: unknown) => {
        if (key === currentKey) show({ status: 'error', message: `Could not score this page: ${String((error as Error)?.message ?? error)}` });
      },
    );
  };

  const onEvent = (event: RecordEvent) => {
    if (event.type === 'none') {
      currentKey = null;
      lastExtraction = null;
      card?.remove();
      card = null;
      return;
    }
    if (event.type === 'loading') {
      currentKey = event.ref.key;
      lastExtraction = null;
      expanded = false;
      notice = undefined;
      show({ status: 'loading' });
      return;
    }
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
