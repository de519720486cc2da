import { cardForPage, scoreFacts, type PipelineDeps } from '../card/pipeline';
import { ensureAccount } from '../storage/accounts';
import { logException } from '../storage/exceptions';
import { getActiveModels } from '../storage/models';
import { addNote } from '../storage/notes';
import { getSetting, getSettings, setSetting } from '../storage/settings';
import { describeZodError, requestSchema, type AnyResponse, type MessageRequest } from './schemas';

/**
 * The background side of messaging: checks a request, runs it against the database and the engine, and always
 * answers (`{ ok: false, error }` for a bad request or a failure, never a thrown error across the message channel).
 */
export interface HandlerDeps extends PipelineDeps {
  /** Awaited before each request, e.g. installing the built-in models once per service-worker life. */
  ready?: () => Promise<void>;
}

export async function handleMessage(raw: unknown, deps: HandlerDeps): Promise<AnyResponse> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `bad request: ${describeZodError(parsed.error)}` };
  try {
    await deps.ready?.();
    return await route(parsed.data, deps);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message };
  }
}

async function route(request: MessageRequest, deps: HandlerDeps): Promise<AnyResponse> {
  const { db } = deps;
  switch (request.type) {
    case 'score':
      return { ok: true, ...(await scoreFacts(request.facts, request.recordKey, deps)) };
    case 'scorePage': {
      const { type: _type, ...page } = request;
      return { ok: true, ...(await cardForPage(page, deps)) };
    }
    case 'getActiveModels':
      return { ok: true, models: await getActiveModels(db) };
    case 'getSettings':
      return { ok: true, settings: await getSettings(db) };
    case 'setSetting':
      await setSetting(db, request.key, request.value);
      return { ok: true, settings: await getSettings(db) };
    case 'saveAnswer': {
      const author = request.author || (await getSetting(db, 'userName')) || undefined;
      await ensureAccount(db, request.accountKey, { name: request.name, domain: request.domain });
      const note = await addNote(db, { accountKey: request.accountKey, field: request.field, value: request.value, author });
      return { ok: true, note };
    }
    case 'logException': {
      const { type: _type, ...entry } = request;
      const user = entry.user || (await getSetting(db, 'userName'));
      if (!user) return { ok: false, error: 'who advanced the account? set your name in the options first' };
      return { ok: true, exception: await logException(db, { ...entry, user }) };
    }
  }
}
