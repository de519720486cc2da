/**
 * Schemas built on their first use instead of when their module loads. The content script loads every site's
 * adapter and the fact vocabulary on every page; building zod schemas is the costly part of that (each one a few
 * tenths of a millisecond before V8 has warmed up), and a page needs at most its own site's and, in the card's first
 * task, no fact schema at all. So such schemas sit in a builder function, built once when something parses with them.
 */
export function lazySchemas<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
