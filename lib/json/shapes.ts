/**
 * Checks for page data read by hand in the content script's first task (lib/sites/crunchbase/shapes.ts,
 * lib/sites/linkedin/shapes.ts). That task reads the page before sending it to be scored, and zod there cost more than
 * the read itself: loading zod's core, then building each schema and running it once, cold, in the page's fresh
 * content-script world. So nothing in that task loads zod; zod loads with the card's UI, while the background scores.
 *
 * Each hand check gives what the zod schema it replaced gave (tests hold those schemas as references and compare on
 * generated values), with zod's rules: an object is a non-null, non-array object; a number is finite; a field that is
 * lenient is undefined when absent or of the wrong shape, and the rest of its object is kept.
 */

export type Obj = Record<string, unknown>;

export const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

export const string = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** An array of strings, or undefined when anything in it is not one. */
export const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;

/** A string, or an array of strings (JSON-LD's one-or-many values). */
export const stringOrStrings = (value: unknown): string | string[] | undefined => string(value) ?? strings(value);

/** An object read by `read`, or undefined when the value is not an object. */
export const objectOf = <T>(value: unknown, read: (object: Obj) => T): T | undefined => (isObj(value) ? read(value) : undefined);
