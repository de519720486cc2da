import { browser } from 'wxt/browser';
import { clientFor } from '../../lib/messages/client';
import { DEFAULT_CARD_POSITION, PREF_KEYS, type SitePrefs } from '../../lib/prefs';
import { adapterFor, matchRecord, siteOfHost } from '../../lib/sites';
import { SITE_MATCHES } from '../../lib/sites/list';
import { LOADING_DELAY_MS, startController } from './controller';

/**
 * The card on LinkedIn, Crunchbase, HubSpot and Salesforce. Runs on every page of those sites (they are single-page
 * apps: a company page can be reached from any other page without a reload) and in all frames (HubSpot renders
 * records inside app frames); it acts only where an adapter recognises a record. It makes no network requests:
 * everything goes to the background as messages.
 *
 * Order matters for how soon the card shows: the page is read and sent to be scored first, in the script's first
 * task; the card's UI and answer schemas (card-ui.ts) load in the next one while the background scores, and the
 * answer brings the card's place with it (a storage read here is its fallback and watches the site switch). The
 * schemas of the card's other messages (card-actions.ts) load once the first card is in.
 */
export default defineContentScript({
  matches: SITE_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  // WXT's context would also announce each start to the page with window.postMessage, carrying the extension's id:
  // any page script listening for messages (LinkedIn's do) could tell the extension is there. Its start event on the
  // document stays (a listener must know the event's name, which holds the id). On a 50k-element page the message
  // also cost 12 ms of the script's first task (traced).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const site = siteOfHost(location.host);
    if (!site || !holdsRecords()) return;
    const adapter = adapterFor(site);
    const prefKey = PREF_KEYS.site(site);
    // What waits for the task after this one, which reads the page and sends it (start() below sends it
    // synchronously): the card's UI and answer schemas, evaluated while the background scores, and everything that
    // touches `browser.storage`, whose bindings the browser builds on first use (~2 ms measured). A user-blocking task
    // where the browser has them: a setTimeout(0) task was queued behind the page's first frame, 1-25 ms later.
    const later = nextTask();
    const ui = later.then(() => import('./card-ui'));
    // Nothing in this task loads zod (lib/json/shapes.ts): the stored prefs' checks load with the card's UI.
    const prefsChecks = later.then(() => import('../../lib/prefs-schema'));
    const sitePrefs = async (stored: Record<string, unknown>) => (await prefsChecks).readSitePrefs(stored[prefKey] ?? { position: DEFAULT_CARD_POSITION });
    const siteEnabled = async (stored: unknown) => (await prefsChecks).isSiteEnabled(stored, site);
    // The card's place and the site switch: the background checks the switch itself and sends the place with its
    // answer, so this read is the fallback; the card shows once one of them is in, and never on a switched-off site.
    // It is read once the first answer is in (or the card would show loading): read at once, it came back about when
    // the answer did, and handling it held the answer back (traced).
    let answeredOnce!: () => void;
    const firstAnswer = new Promise<void>((resolve) => (answeredOnce = resolve));
    const firstOrLoading = Promise.race([firstAnswer, later.then(() => new Promise<void>((resolve) => setTimeout(resolve, LOADING_DELAY_MS)))]);
    const first = firstOrLoading
      .then(() => browser.storage.local.get([prefKey, PREF_KEYS.siteEnabled]))
      .then(async (stored): Promise<SitePrefs | null> => ((await siteEnabled(stored[PREF_KEYS.siteEnabled])) ? sitePrefs(stored) : null));
    let controller: ReturnType<typeof startController> | null = null;
    // The background sends the card's prefs with its first answer (read beside the scores): whichever of that and
    // the storage read above comes first places the card. Only an answer with a view carries them, and the background
    // gives none on a switched-off site.
    let prefsFromAnswer!: (prefs: SitePrefs) => void;
    const answered = new Promise<SitePrefs>((resolve) => (prefsFromAnswer = resolve));

    // The schemas of the card's other messages and of the broadcast: in a task of their own once the first answer
    // is in (its card renders in the answer's task) or the card shows loading.
    const actions = firstOrLoading.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0))).then(() => import('./card-actions'));

    // The page's score request goes out before its schemas are built, and is checked with them after.
    const sendScore = clientFor(
      ui.then((m) => m.SCORE_PAGE_CONTRACT),
      browser.runtime,
      ['scorePage'],
    );
    const send = clientFor(
      actions.then((m) => m.CARD_CONTRACT),
      browser.runtime,
    );
    /** The controller shows a failed answer as a notice: the background's error becomes a thrown one. */
    const orThrow = <R extends { ok: boolean; error?: string }>(answer: R): Extract<R, { ok: true }> => {
      if (!answer.ok) throw new Error(answer.error);
      return answer as Extract<R, { ok: true }>;
    };
    const start = (prefs: Promise<SitePrefs | null>) => {
      controller ??= startController({
        window,
        adapter,
        display: Promise.all([prefs, ui]).then(([p, { mountCard }]) => (p ? { prefs: p, mount: mountCard } : null)),
        ui: ui.then((m) => m.mountCard),
        savePrefs: (prefs) => void browser.storage.local.set({ [prefKey]: prefs }),
        scorePage: async (extraction) => {
          const sent = sendScore({
            type: 'scorePage',
            site,
            recordKey: extraction.ref.recordKey,
            raw: extraction.raw as Record<string, unknown>,
            locale: extraction.locale,
          });
          void sent.finally(answeredOnce);
          const answer = orThrow(await sent);
          if (!answer.view) throw new Error(answer.error ?? 'nothing to score');
          if (answer.prefs) prefsFromAnswer(answer.prefs);
          return answer.view;
        },
        reportUnreadable: async (recordKey, company, diagnostic) =>
          void orThrow(await send({ type: 'pageUnreadable', site, recordKey, diagnostic, ...(company ? { company: company.slice(0, 300) } : {}) })),
        saveAnswer: async (recordKey, field, value, about) => void orThrow(await send({ type: 'saveAnswer', recordKey, field, value, ...about })),
        logException: async (view, input) => void orThrow(await send((await actions).exceptionRequest(view, input))),
        sendFeedback: async (view, input) => void orThrow(await send((await actions).feedbackRequest(view, input))),
      });
    };
    const stop = () => {
      controller?.stop();
      controller = null;
    };

    start(Promise.race([first, answered]));
    void first.then((prefs) => prefs ?? stop(), stop);
    // The per-site switch in the popup and options takes effect without a reload (registered in the read's task: no
    // change can fall between the two).
    void later.then(() =>
      browser.storage.local.onChanged.addListener((changes) => {
        if (!(PREF_KEYS.siteEnabled in changes)) return;
        void siteEnabled(changes[PREF_KEYS.siteEnabled].newValue).then((enabled) => {
          if (enabled) start(browser.storage.local.get(prefKey).then(sitePrefs));
          else stop();
        });
      }),
    );
    // A new or edited model, an imported account list: every open card re-scores without a reload.
    browser.runtime.onMessage.addListener((message) => {
      void actions.then(({ changeBroadcastSchema }) => {
        if (changeBroadcastSchema.safeParse(message).success) controller?.rescore();
      });
    });
    ctx.onInvalidated(stop);
  },
});

/**
 * The top frame always watches (single-page apps reach a record from any page); a subframe only when it is itself a
 * record page (HubSpot renders records inside app frames). LinkedIn's and the CRMs' many other frames get nothing.
 */
function holdsRecords(): boolean {
  return window === window.top || matchRecord(new URL(location.href)) !== null;
}

/** A task that runs soon after this one: scheduler.postTask's user-blocking priority (Chromium), else setTimeout. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined, { priority: 'user-blocking' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}
