// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOADING_DELAY_MS, startController } from '../../../entrypoints/content/controller';
import type { FitCardProps } from '../../../components/FitCard';
import type { CardView } from '../../../lib/card/types';
import type { RecordRef, SiteAdapter } from '../../../lib/sites/types';

/**
 * The order that makes the card fast (issue 14, item 6): a record already on the page is read and sent to be scored
 * before the card's preferences (storage) and UI (evaluated after the first request) are in, and nothing renders
 * before they are. No timing here: only what happens first.
 */
const match = (url: URL): RecordRef | null => {
  const m = /^\/company\/([^/]+)/.exec(url.pathname);
  return m ? { site: 'linkedin', recordKey: `li:${m[1]}`, kind: 'company' } : null;
};
const adapter: SiteAdapter = {
  site: 'linkedin',
  matchUrl: match,
  extract: (doc, url) => {
    const name = doc.querySelector('h1')?.textContent;
    return name ? { ref: match(url)!, raw: { name, employees: '51-200' } } : null;
  },
  diagnose: () => null,
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const PREFS = { position: { right: 16, top: 72 }, minimised: false };

/**
 * `prefs` stands for the storage read; null: the site is switched off. `ui`: when the card's UI is in (by default
 * with the prefs, as when the UI comes last). `onPage` tells whether the card is on the page (attached or rendered).
 */
function start(prefs: Promise<typeof PREFS | null>, ui?: Promise<void>) {
  const answer = deferred<CardView>();
  const scorePage = vi.fn(() => answer.promise);
  const renders: FitCardProps[] = [];
  const onPage = { value: false, removed: false };
  const mount = vi.fn(() => ({
    attach: () => void (onPage.value = true),
    attached: () => onPage.value,
    render: (props: FitCardProps) => {
      onPage.value = true;
      renders.push(props);
    },
    remove: () => {
      onPage.value = false;
      onPage.removed = true;
    },
  }));
  const controller = startController({
    window,
    adapter,
    display: prefs.then((p) => (p ? { prefs: p, mount } : null)),
    ...(ui ? { ui: ui.then(() => mount) } : {}),
    scorePage,
    saveAnswer: async () => undefined,
    logException: async () => undefined,
    sendFeedback: async () => undefined,
    savePrefs: () => undefined,
  });
  return { controller, scorePage, mount, renders, answer, onPage };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('startController', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
    history.replaceState(null, '', '/');
  });

  it('sends the record on the page to be scored at once, before its preferences and UI are in, and renders only after', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1>Acme</h1>';
    const prefs = deferred<typeof PREFS | null>();
    const { controller, scorePage, mount, renders } = start(prefs.promise);
    stop = controller.stop;
    // Synchronously, within startController: the request is out.
    expect(scorePage).toHaveBeenCalledTimes(1);
    expect(scorePage.mock.calls[0]).toMatchObject([{ ref: { recordKey: 'li:acme' }, raw: { name: 'Acme' } }]);
    await flush();
    expect(mount).not.toHaveBeenCalled();
    prefs.resolve(PREFS);
    await flush();
    // Mounted, empty, while the background scores; the answer is the first render when it comes quickly.
    expect(mount).toHaveBeenCalledTimes(1);
    expect(renders).toEqual([]);
  });

  it('shows loading only when the answer takes longer than LOADING_DELAY_MS, then the answer', async () => {
    vi.useFakeTimers();
    try {
      history.replaceState(null, '', '/company/acme/');
      document.body.innerHTML = '<h1>Acme</h1>';
      const { controller, renders, answer } = start(Promise.resolve(PREFS));
      stop = controller.stop;
      await vi.advanceTimersByTimeAsync(LOADING_DELAY_MS - 1);
      expect(renders).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(renders.map((r) => r.state.status)).toEqual(['loading']);
      expect(renders[0]).toMatchObject({ position: PREFS.position });
      answer.resolve({ recordKey: 'li:acme' } as CardView);
      await vi.advanceTimersByTimeAsync(0);
      expect(renders.map((r) => r.state.status)).toEqual(['loading', 'ready']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a card on screen shows loading at once when the page moves to another record: never the previous score', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1>Acme</h1>';
    const { controller, renders, answer, scorePage } = start(Promise.resolve(PREFS));
    stop = controller.stop;
    answer.resolve({ recordKey: 'li:acme' } as CardView);
    await flush();
    expect(renders.map((r) => r.state.status)).toEqual(['ready']);
    scorePage.mockImplementation(() => new Promise<CardView>(() => undefined)); // the next answer never comes
    history.pushState(null, '', '/company/globex/');
    document.body.innerHTML = '<main></main>'; // the app has not rendered the new company yet
    await vi.waitFor(() => expect(renders.at(-1)?.state.status).toBe('loading'));
    expect(renders.map((r) => r.state.status)).toEqual(['ready', 'loading']);
  });

  it('shows the answer as the first render when it comes before the preferences', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1>Acme</h1>';
    const prefs = deferred<typeof PREFS | null>();
    const { controller, renders, answer } = start(prefs.promise);
    stop = controller.stop;
    answer.resolve({ recordKey: 'li:acme' } as CardView);
    await flush();
    expect(renders).toEqual([]);
    prefs.resolve(PREFS);
    await flush();
    expect(renders.map((r) => r.state.status)).toEqual(['ready']);
  });

  it('renders nothing on a switched-off site', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1>Acme</h1>';
    const { controller, mount, answer } = start(Promise.resolve(null));
    stop = controller.stop;
    answer.resolve({ recordKey: 'li:acme' } as CardView);
    await flush();
    expect(mount).not.toHaveBeenCalled();
  });

  it('builds the card off the page as soon as the UI is in, and puts it on the page only once the preferences are', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1>Acme</h1>';
    const prefs = deferred<typeof PREFS | null>();
    const ui = deferred<void>();
    const { controller, mount, renders, onPage, answer } = start(prefs.promise, ui.promise);
    stop = controller.stop;
    ui.resolve();
    await flush();
    expect(mount).toHaveBeenCalledTimes(1);
    expect(onPage.value).toBe(false);
    prefs.resolve(PREFS);
    await flush();
    expect(mount).toHaveBeenCalledTimes(1); // the same card, now on the page, empty
    expect(onPage.value).toBe(true);
    expect(renders).toEqual([]);
    answer.resolve({ recordKey: 'li:acme' } as CardView);
    await flush();
    expect(renders.map((r) => r.state.status)).toEqual(['ready']);
  });

  it('a card built off the page never reaches a switched-off site, and is dropped when the controller stops', async () => {
    history.replaceState(null, '', '/company/acme/');
    document.body.innerHTML = '<h1>Acme</h1>';
    const prefs = deferred<typeof PREFS | null>();
    const { controller, mount, renders, onPage, answer } = start(prefs.promise, Promise.resolve());
    answer.resolve({ recordKey: 'li:acme' } as CardView);
    await flush();
    expect(mount).toHaveBeenCalledTimes(1);
    prefs.resolve(null);
    await flush();
    expect(onPage.value).toBe(false);
    expect(renders).toEqual([]);
    controller.stop(); // what index.ts does on a switched-off site
    expect(onPage.removed).toBe(true);
  });

  it('a card built off the page does not count as on screen: the first card still waits LOADING_DELAY_MS', async () => {
    vi.useFakeTimers();
    try {
      history.replaceState(null, '', '/company/acme/');
      document.body.innerHTML = '<h1>Acme</h1>';
      const prefs = deferred<typeof PREFS | null>();
      const { controller, renders, scorePage, onPage } = start(prefs.promise, Promise.resolve());
      stop = controller.stop;
      scorePage.mockImplementation(() => new Promise<CardView>(() => undefined));
      await vi.advanceTimersByTimeAsync(0);
      // The app moves to another record before the first card was ever shown.
      history.pushState(null, '', '/company/globex/');
      document.body.innerHTML = '<h1>Globex</h1>';
      await vi.advanceTimersByTimeAsync(60);
      prefs.resolve(PREFS);
      await vi.advanceTimersByTimeAsync(0);
      expect(onPage.value).toBe(true);
      expect(renders).toEqual([]);
      await vi.advanceTimersByTimeAsync(LOADING_DELAY_MS);
      expect(renders.map((r) => r.state.status)).toEqual(['loading']);
    } finally {
      vi.useRealTimers();
    }
  });
});
