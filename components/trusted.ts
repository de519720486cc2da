/**
 * Wraps a card action so it runs only for events the browser generated from the user's input. A page script can
 * dispatch clicks and submits on anything it can reach; such events have `isTrusted === false` and are ignored, so
 * the page cannot expand the breakdown (which shows facts from lists, CRMs and the user), answer questions or log
 * exceptions in the user's name. (preact/compat passes the native event; React wraps it in `nativeEvent`.)
 */
export function trusted<E extends { nativeEvent?: Event; isTrusted?: boolean }>(action: (event: E) => void): (event: E) => void {
  return (event) => {
    if (isTrusted(event)) action(event);
  };
}

export function isTrusted(event: { nativeEvent?: Event; isTrusted?: boolean }): boolean {
  return (event.nativeEvent ?? event).isTrusted === true;
}
