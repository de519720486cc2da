/**
 * Schemas built on their first use instead of when their module loads. The content script loads every site's
 * adapter on every page; building zod schemas is the costly part of that (each one a few tenths of a millisecond
 * before V8 has warmed up), and a page needs at most its own site's, often none of them. So an adapter's schemas
 * sit in a builder function, and the card's first task builds only those its page's read actually parses with.
 */
export function lazySchemas<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
