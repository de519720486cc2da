import type { z } from 'zod';
import { describeZodError, type Contract } from './contract';

/**
 * The one sending side (content script, popup, options page, tests): checks the request against its contract before
 * sending (an early request: before its answer is used, see createClient) and the response before returning it;
 * never throws: a bad request, a missing background or a malformed answer all come back as `{ ok: false, error }`.
 * The content script passes CARD_CONTRACT (card.ts) to keep its bundle small; the extension pages pass the whole
 * CONTRACT (schemas.ts). The background checks every request it gets again, whoever sent it (handle.ts).
 */
export type Transport = (message: unknown) => Promise<unknown>;

/**
 * `contract` may be a promise: the content script evaluates the card's schemas (all the card view's) only after its
 * first score request is out. A request type named in `early` is then sent at once, and checked, request first, once
 * the contract is in: a bad one comes back as a bad request whatever the background answered (which checks it too).
 * Building even the request's schema in the content script's first task cost 1-2 ms before the page was sent: the
 * first zod schema a page builds pays for warming zod up. Any other request waits for the contract.
 */
export function createClient<C extends Contract>(contract: C | Promise<C>, transport: Transport, early: readonly (keyof C & string)[] = []) {
  const check = <T extends keyof C & string>(spec: C[T] | undefined, message: { type: T }): string | null => {
    if (!spec) return `bad request: unknown type ${String(message.type)}`;
    const request = spec.request.safeParse(message);
    return request.success ? null : `bad request: ${describeZodError(request.error)}`;
  };
  return async function send<T extends keyof C & string>(message: z.input<C[T]['request']> & { type: T }): Promise<z.output<C[T]['response']>> {
    type Out = z.output<C[T]['response']>;
    const type = message.type;
    const sentEarly = early.includes(type);
    if (!sentEarly) {
      const bad = check((await contract)[type], message);
      if (bad) return { ok: false, error: bad } as Out;
    }
    // An early request is checked as soon as the contract is in, while its answer is on its way, not after it.
    const earlyCheck = sentEarly ? Promise.resolve(contract).then((c) => check(c[type], message)) : undefined;
    earlyCheck?.catch(() => undefined); // awaited below, once the answer is in
    let raw: unknown;
    try {
      raw = await transport(message);
    } catch (error) {
      return { ok: false, error: `no answer from the extension: ${error instanceof Error ? error.message : String(error)}` } as Out;
    }
    const spec = (await contract)[type];
    const bad = earlyCheck ? await earlyCheck : null;
    if (bad) return { ok: false, error: bad } as Out;
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
export function clientFor<C extends Contract>(contract: C | Promise<C>, runtime: { sendMessage(message: unknown): Promise<unknown> }, early: readonly (keyof C & string)[] = []) {
  return createClient(contract, (message) => runtime.sendMessage(message), early);
}
