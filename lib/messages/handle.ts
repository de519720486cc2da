import { cardForPage, scoreFacts, type PipelineDeps } from '../card/pipeline';
import { ensureAccount } from '../storage/accounts';
import { logException } from '../storage/exceptions';
import { addFeedback } from '../storage/feedback';
import { addNote } from '../storage/notes';
import type { SitePrefs } from '../prefs';
import type { SiteId } from '../sites/list';
import { getSetting } from '../storage/settings';
import type { SyncRequest, SyncResponse } from '../sync/messages';
import { parseRequest, type AnyResponse, type MessageRequest } from './schemas';

/**
 * The background's one router: checks a request against the contract (schemas.ts), hands it to the page-to-card
 * pipeline (lib/card/pipeline.ts), the storage repositories or model sync, and always answers (`{ ok: false, error }`
 * for a bad request or a failure, never a thrown error across the message channel).
 */
export interface HandlerDeps extends PipelineDeps {
  /** Awaited before each request, e.g. installing the built-in models once per service-worker life. */
  ready?: () => Promise<void>;
  /** The card's place and state on a site (storage), sent with its answer; without it the card reads them itself. */
  cardPrefs?: (site: SiteId) => Promise<SitePrefs>;
  /** Model sync (entrypoints/background/sync.ts); without it sync requests are refused. */
  sync?: (request: SyncRequest, fromExtensionPage: boolean) => Promise<SyncResponse>;
}

/** Who sent the request: adding a model source is only allowed from the extension's own pages. */
export interface MessageContext {
  fromExtensionPage?: boolean;
}

export async function handleMessage(raw: unknown, deps: HandlerDeps, context: MessageContext = {}): Promise<AnyResponse> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return parsed;
  try {
    await deps.ready?.();
    return await route(parsed.request, deps, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message };
  }
}

async function route(request: MessageRequest, deps: HandlerDeps, context: MessageContext): Promise<AnyResponse> {
  const { db } = deps;
  switch (request.type) {
    case 'score':
      return { ok: true, ...(await scoreFacts(request.facts, request.recordKey, deps)) };
    case 'scorePage': {
      const { type: _type, ...page } = request;
      const [card, prefs] = await Promise.all([cardForPage(page, deps), deps.cardPrefs?.(page.site)]);
      return { ok: true, ...card, ...(card.view && prefs ? { prefs } : {}) };
    }
    case 'pageUnreadable': {
      // Nothing to store in the database: the background keeps it per tab for the side panel (start.ts).
      const { type: _type, site: _site, ...unreadable } = request;
      return { ok: true, unreadable };
    }
    case 'saveAnswer': {
      const author = request.author || (await getSetting(db, 'userName')) || undefined;
      // Notes and accounts are stored under the record key the card shows.
      await ensureAccount(db, request.recordKey, { name: request.name, domain: request.domain });
      const note = await addNote(db, { accountKey: request.recordKey, field: request.field, value: request.value, author });
      return { ok: true, note };
    }
    case 'logException': {
      const { type: _type, ...entry } = request;
      const user = entry.user || (await getSetting(db, 'userName'));
      if (!user) return { ok: false, error: 'who advanced the account? set your name in the options first' };
      return { ok: true, exception: await logException(db, { ...entry, user }) };
    }
    case 'sendFeedback': {
      const { type: _type, ...entry } = request;
      const user = entry.user || (await getSetting(db, 'userName'));
      if (!user) return { ok: false, error: 'who is sending this? set your name in the options first' };
      return { ok: true, feedbackId: (await addFeedback(db, { ...entry, user })).id };
    }
    case 'syncNow':
    case 'syncScheduleChanged':
      if (!deps.sync) return { ok: false, error: 'model sync is not running' };
      return deps.sync(request, context.fromExtensionPage ?? false);
  }
}
