import type { browser as wxtBrowser } from 'wxt/browser';
import { broadcastChange } from '../../extension/broadcast';
import type { IcpDb } from '../../lib/storage/db';
import type { FetchLike } from '../../lib/sync/fetch-model';
import type { SyncRequest, SyncResponse } from '../../lib/sync/messages';
import { parsePolicy, type ManagedPolicy } from '../../lib/sync/policy';
import { dueSources, listSources, nextDueAt, syncSource, type SyncDeps, type SyncReport, type SyncSource } from '../../lib/sync/run';
import { checkSourceUrl } from '../../lib/sync/url';

/**
 * Model sync in the background: a chrome.alarms alarm at the earliest due time over all source URLs, and the
 * "syncNow" message from the options page. The logic is in lib/sync (pure, unit-tested); this file wires it to the
 * browser; its messages arrive through the background's one router (start.ts). MV3 may stop the worker at any time, so nothing lives in globals: the schedule is recomputed from the
 * sync state stored in IndexedDB on every start, alarm and message.
 *
 * The options page reads and writes models directly in IndexedDB (extension pages share the background's origin);
 * only syncing comes here, so that the alarm, the backoff and the network stay in one place.
 */

type B = typeof wxtBrowser;
/** The parts of the browser API sync uses (tests pass WXT's fakeBrowser, with tabs.sendMessage stubbed). */
export interface SyncBrowser {
  alarms: Pick<B['alarms'], 'create' | 'clear' | 'onAlarm'>;
  storage: Pick<B['storage'], 'managed' | 'onChanged'>;
  tabs: Pick<B['tabs'], 'query' | 'sendMessage'>;
}

export const SYNC_ALARM = 'icp-fit:model-sync';
/** Never schedule closer than this: a source that is due right away still waits a moment (and Chrome clamps anyway). */
const MIN_ALARM_DELAY_MS = 1_000;

export interface RegisterSyncDeps {
  db: IcpDb;
  browser: SyncBrowser;
  fetch?: FetchLike;
  now?: () => number;
  /** Awaited before each sync (e.g. installing the built-in models once per worker life). */
  ready?: () => Promise<void>;
}

export interface SyncController {
  /** Runs a sync request (the background's router in start.ts hands them here). */
  handle(request: SyncRequest, fromExtensionPage: boolean): Promise<SyncResponse>;
  /** Syncs the sources that are due, then reschedules (what the alarm does). */
  runDue(): Promise<SyncReport[]>;
  /** Sets the alarm to the next due time (or clears it when there is nothing to sync). */
  schedule(): Promise<number | null>;
}

/** Reads enterprise policy; a browser without managed storage (Firefox without a policy) has none. */
export async function readPolicy(storage: SyncBrowser['storage']): Promise<ManagedPolicy> {
  try {
    const raw = await storage.managed.get();
    const { policy, problems } = parsePolicy(raw);
    for (const problem of problems) console.warn(`icp-fit: ignored a bad ${problem}`);
    return policy;
  } catch {
    return { lockEditing: false };
  }
}

export function registerSync(deps: RegisterSyncDeps): SyncController {
  const { db, browser } = deps;
  const now = deps.now ?? (() => Date.now());
  const fetchImpl: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));

  const syncDeps = async (): Promise<SyncDeps> => {
    await deps.ready?.();
    const policy = await readPolicy(browser.storage);
    return { db, fetch: fetchImpl, now, policy };
  };

  // One sync at a time: an alarm and a click arriving together must not write the same state twice.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  const schedule = async (): Promise<number | null> => {
    const at = await nextDueAt(await syncDeps(), now());
    if (at === null) {
      await browser.alarms.clear(SYNC_ALARM);
      return null;
    }
    const when = Math.max(at, now() + MIN_ALARM_DELAY_MS);
    await browser.alarms.create(SYNC_ALARM, { when });
    return when;
  };

  const run = async (sources: SyncSource[], current: SyncDeps): Promise<SyncReport[]> => {
    const reports: SyncReport[] = [];
    for (const source of sources) reports.push(await syncSource(current, source));
    if (reports.some((r) => r.result === 'updated')) await broadcastChange(browser.tabs, 'models');
    return reports;
  };

  const runDue = () =>
    exclusive(async () => {
      // The alarm is one-shot: whatever happens during the run, the next one must be set, or sync stops for good.
      try {
        const current = await syncDeps();
        return await run(await dueSources(current, now()), current);
      } finally {
        await schedule();
      }
    });

  const handle = (request: SyncRequest, fromExtensionPage: boolean): Promise<SyncResponse> =>
    exclusive(async () => {
      if (request.type === 'syncScheduleChanged') {
        const at = await schedule();
        return { ok: true, reports: [], nextRun: at === null ? null : new Date(at).toISOString() };
      }
      const current = await syncDeps();
      const sources = await listSources(current);
      let chosen: SyncSource[];
      if (request.url !== undefined) {
        // Adding a model from a URL changes the models: only the extension's own pages may ask, and not under a lock.
        if (!fromExtensionPage) return { ok: false, error: 'only the options page can add a model source' };
        if (current.policy?.lockEditing && !sources.some((s) => s.url === request.url))
          return { ok: false, error: 'editing is locked by your administrator' };
        const checked = checkSourceUrl(request.url);
        if (!checked.ok) return { ok: false, error: checked.message };
        chosen = [sources.find((s) => s.url === checked.url) ?? { url: checked.url }];
      } else if (request.modelId !== undefined) {
        chosen = sources.filter((s) => s.modelId === request.modelId);
        if (chosen.length === 0) return { ok: false, error: `model "${request.modelId}" has no source URL` };
      } else chosen = sources;
      let reports: SyncReport[];
      let at: number | null = null;
      try {
        reports = await run(chosen, current);
      } finally {
        at = await schedule();
      }
      return { ok: true, reports, nextRun: at === null ? null : new Date(at).toISOString() };
    });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runDue().catch((error: unknown) => console.error('icp-fit: model sync failed', error));
  });

  // The admin changed the policy (a new source URL, another interval): reschedule.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void exclusive(schedule).catch(() => undefined);
  });

  // Every worker start: make sure the alarm exists (it survives worker restarts, but not every browser restart).
  void exclusive(schedule).catch((error: unknown) => console.error('icp-fit: could not schedule model sync', error));

  return { handle, runDue, schedule: () => exclusive(schedule) };
}
