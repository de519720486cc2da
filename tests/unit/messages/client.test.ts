import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMessenger, messengerFor } from '../../../lib/messages/client';
import { handleMessage } from '../../../lib/messages/handle';
import { installBuiltinModels } from '../../../lib/storage/models';
import type { IcpDb } from '../../../lib/storage/db';
import { openTestDb } from '../storage/helpers';

const page = { kind: 'page', detail: 'linkedin' } as const;

describe('createMessenger', () => {
  it('does not send a request that fails its schema', async () => {
    const transport = vi.fn();
    const send = createMessenger(transport);
    const response = await send({ type: 'saveAnswer', accountKey: 'hs:1', field: 'openToPilot', value: 'maybe' });
    expect(response).toMatchObject({ ok: false, error: expect.stringMatching(/bad request/) });
    expect(transport).not.toHaveBeenCalled();
  });

  it('turns a malformed answer or a transport failure into ok: false', async () => {
    const malformed = createMessenger(async () => ({ ok: true, settings: { userName: 5 } }));
    expect(await malformed({ type: 'getSettings' })).toMatchObject({ ok: false, error: expect.stringMatching(/bad response to getSettings/) });
    const missing = createMessenger(async () => undefined);
    expect((await missing({ type: 'getSettings' })).ok).toBe(false);
    const broken = createMessenger(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await broken({ type: 'getActiveModels' })).toMatchObject({ ok: false, error: expect.stringMatching(/Receiving end/) });
  });

  it('passes a good answer through, typed by request', async () => {
    const send = createMessenger(async () => ({ ok: true, settings: { userName: 'x' } }));
    const response = await send({ type: 'getSettings' });
    expect(response.ok && response.settings.userName).toBe('x');
  });
});

describe('sendMessage through browser.runtime', () => {
  let db: IcpDb;
  beforeEach(() => {
    fakeBrowser.reset();
    db = openTestDb();
  });
  afterEach(() => db.close());

  it('reaches a runtime.onMessage listener and returns its checked answer', async () => {
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      void handleMessage(message, { db, ready: async () => void (await installBuiltinModels(db)) }).then(sendResponse);
      return true;
    });
    const sendMessage = messengerFor(fakeBrowser.runtime);
    const response = await sendMessage({ type: 'score', facts: { employees: { value: 40, source: page } } });
    expect(response.ok).toBe(true);
    if (response.ok) expect(response.best?.verdict).toBe('not-fit');
  });
});
