import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientFor, createClient } from '../../../lib/messages/client';
import { CARD_CONTRACT } from '../../../lib/messages/card';
import { CONTRACT } from '../../../lib/messages/schemas';
import { handleMessage } from '../../../lib/messages/handle';
import { installBuiltinModels } from '../../../lib/storage/models';
import type { IcpDb } from '../../../lib/storage/db';
import { openTestDb } from '../storage/helpers';

const page = { kind: 'page', detail: 'linkedin' } as const;

describe('createClient', () => {
  it('does not send a request that fails its schema', async () => {
    const transport = vi.fn();
    const send = createClient(CONTRACT, transport);
    const response = await send({ type: 'saveAnswer', recordKey: 'hs:1', field: 'openToPilot', value: 'maybe' });
    expect(response).toMatchObject({ ok: false, error: expect.stringMatching(/bad request/) });
    expect(transport).not.toHaveBeenCalled();
  });

  it('turns a malformed answer or a transport failure into ok: false', async () => {
    const malformed = createClient(CONTRACT, async () => ({ ok: true, reports: 'none' }));
    expect(await malformed({ type: 'syncScheduleChanged' })).toMatchObject({ ok: false, error: expect.stringMatching(/bad response to syncScheduleChanged/) });
    const missing = createClient(CONTRACT, async () => undefined);
    expect((await missing({ type: 'syncScheduleChanged' })).ok).toBe(false);
    const broken = createClient(CARD_CONTRACT, async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await broken({ type: 'scorePage', site: 'linkedin', recordKey: 'li:acme', raw: {} })).toMatchObject({ ok: false, error: expect.stringMatching(/Receiving end/) });
  });

  it('sends an early request before a loading contract is in, and checks the request, then its answer, once it is', async () => {
    let load!: (contract: typeof CARD_CONTRACT) => void;
    const contract = new Promise<typeof CARD_CONTRACT>((resolve) => (load = resolve));
    const transport = vi.fn(async () => ({ ok: true, view: null }));
    const send = createClient(contract, transport, ['scorePage']);
    const answer = send({ type: 'scorePage', site: 'linkedin', recordKey: 'li:acme', raw: { name: 'Acme' } });
    // Sent in the caller's task (the content script's first), not after the contract's schemas are built.
    expect(transport).toHaveBeenCalledTimes(1);
    let settled = false;
    void answer.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    load(CARD_CONTRACT);
    expect(await answer).toEqual({ ok: true, view: null });
    // A bad early request is sent (the background refuses it too), and its answer is never passed on, even a good one.
    expect(await send({ type: 'scorePage', site: 'linkedin', recordKey: '', raw: {} })).toMatchObject({ ok: false, error: expect.stringMatching(/bad request: recordKey/) });
    expect(transport).toHaveBeenCalledTimes(2);
    // Other requests still wait for the contract, and a bad one is not sent.
    const later = createClient(Promise.resolve(CARD_CONTRACT), transport, ['scorePage']);
    expect(await later({ type: 'saveAnswer', recordKey: '', field: 'openToPilot', value: true })).toMatchObject({ ok: false, error: expect.stringMatching(/bad request/) });
    expect(transport).toHaveBeenCalledTimes(2);
  });

  it('checks an early request as soon as the contract is in, while its answer is still on its way', async () => {
    const request = CARD_CONTRACT.scorePage.request;
    const checkRequest = vi.fn((value: unknown) => request.safeParse(value));
    const contract = { ...CARD_CONTRACT, scorePage: { ...CARD_CONTRACT.scorePage, request: { ...request, safeParse: checkRequest } } } as unknown as typeof CARD_CONTRACT;
    let answer!: (value: unknown) => void;
    const send = createClient(Promise.resolve(contract), () => new Promise((resolve) => (answer = resolve)), ['scorePage']);
    const sent = send({ type: 'scorePage', site: 'linkedin', recordKey: 'li:acme', raw: { name: 'Acme' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(checkRequest).toHaveBeenCalledTimes(1);
    answer({ ok: true, view: null });
    expect(await sent).toEqual({ ok: true, view: null });
    expect(checkRequest).toHaveBeenCalledTimes(1);
  });

  it('passes a good answer through, typed by request', async () => {
    const send = createClient(CONTRACT, async () => ({ ok: true, reports: [], nextRun: null }));
    const response = await send({ type: 'syncNow' });
    expect(response.ok && response.nextRun).toBeNull();
    // The content script's client knows only the card's messages.
    const card = createClient(CARD_CONTRACT, async () => ({ ok: true, view: null }));
    expect(await card({ type: 'syncNow' } as never)).toMatchObject({ ok: false, error: expect.stringMatching(/unknown type/) });
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
    const sendMessage = clientFor(CONTRACT, fakeBrowser.runtime);
    const response = await sendMessage({ type: 'score', facts: { employees: { value: 40, source: page } } });
    expect(response.ok).toBe(true);
    if (response.ok) expect(response.best?.verdict).toBe('not-fit');
  });
});
