import { describeZodError, requestSchema, responseSchemas, type RequestInput, type RequestType, type ResponseFor } from './schemas';

/**
 * The sending side (content script, popup, options page). Checks the request before sending and the response
 * before returning it; never throws: a bad request, a missing background or a malformed answer all come back as
 * `{ ok: false, error }`.
 */
export type Transport = (message: unknown) => Promise<unknown>;

export function createMessenger(transport: Transport) {
  return async function send<T extends RequestType>(message: RequestInput<T>): Promise<ResponseFor<T>> {
    const type = message.type as T;
    const request = requestSchema.safeParse(message);
    if (!request.success) return { ok: false, error: `bad request: ${describeZodError(request.error)}` } as ResponseFor<T>;
    let raw: unknown;
    try {
      raw = await transport(message);
    } catch (error) {
      return { ok: false, error: `no answer from the extension: ${error instanceof Error ? error.message : String(error)}` } as ResponseFor<T>;
    }
    const response = responseSchemas[type].safeParse(raw);
    if (!response.success) return { ok: false, error: `bad response to ${type}: ${describeZodError(response.error)}` } as ResponseFor<T>;
    return response.data as ResponseFor<T>;
  };
}

/**
 * The messenger over an extension runtime. lib/ stays free of browser globals, so the caller passes the runtime
 * object of WXT's `browser` (from 'wxt/browser'): `const sendMessage = messengerFor(<that runtime>)`.
 */
export function messengerFor(runtime: { sendMessage(message: unknown): Promise<unknown> }) {
  return createMessenger((message) => runtime.sendMessage(message));
}

export type Messenger = ReturnType<typeof createMessenger>;
