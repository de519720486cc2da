import type { z } from 'zod';
import { describeZodError, type Contract } from './contract';

/**
 * The one sending side (content script, popup, options page, tests): checks the request against its contract before
 * sending and the response before returning it; never throws: a bad request, a missing background or a malformed
 * answer all come back as `{ ok: false, error }`. The content script passes CARD_CONTRACT (card.ts) to keep its
 * bundle small; the extension pages pass the whole CONTRACT (schemas.ts).
 */
export type Transport = (message: unknown) => Promise<unknown>;

/** Request schemas at hand while the contract itself is still loading (see createClient). */
export type EarlyRequests<C extends Contract> = { [T in keyof C]?: C[T]['request'] };

/**
 * `contract` may be a promise: the content script evaluates the card's schemas (all the card view's) only after its
 * first score request is out. A request named in `early` is then checked and sent at once, its answer checked once
 * the contract is in; any other request waits for the contract.
 */
export function createClient<C extends Contract>(contract: C | Promise<C>, transport: Transport, early: EarlyRequests<C> = {}) {
  return async function send<T extends keyof C & string>(message: z.input<C[T]['request']> & { type: T }): Promise<z.output<C[T]['response']>> {
    type Out = z.output<C[T]['response']>;
    const type = message.type;
    const requestSchema = Object.hasOwn(early, type) ? early[type] : (await contract)[type]?.request;
    if (!requestSchema) return { ok: false, error: `bad request: unknown type ${String(type)}` } as Out;
    const request = requestSchema.safeParse(message);
    if (!request.success) return { ok: false, error: `bad request: ${describeZodError(request.error)}` } as Out;
    let raw: unknown;
    try {
      raw = await transport(message);
    } catch (error) {
      return { ok: false, error: `no answer from the extension: ${error instanceof Error ? error.message : String(error)}` } as Out;
    }
    const spec = (await contract)[type];
    if (!spec) return { ok: false, error: `bad request: unknown type ${String(type)}` } as Out;
    const response = spec.response.safeParse(raw);
    if (!response.success) return { ok: false, error: `bad response to ${type}: ${describeZodError(response.error)}` } as Out;
    return response.data as Out;
  };
}

/**
 * A client over an extension runtime. lib/ stays free of browser globals, so the caller passes the runtime object
 * of WXT's `browser` (from 'wxt/browser'), e.g. `clientFor(CARD_CONTRACT, <that runtime>)`.
 */
export function clientFor<C extends Contract>(contract: C | Promise<C>, runtime: { sendMessage(message: unknown): Promise<unknown> }, early: EarlyRequests<C> = {}) {
  return createClient(contract, (message) => runtime.sendMessage(message), early);
}
