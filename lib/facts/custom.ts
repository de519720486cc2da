/**
 * Imported columns the vocabulary does not name become `custom.<name>` facts. Apart from vocabulary.ts, whose zod
 * schemas take milliseconds to build, so a site adapter in the content script can check a name without them.
 */
export type CustomFactName = `custom.${string}`;
export const CUSTOM_PREFIX = 'custom.';
export const isCustomFact = (name: string): name is CustomFactName =>
  name.startsWith(CUSTOM_PREFIX) && /^custom\.[A-Za-z0-9_-]{1,64}$/.test(name);
