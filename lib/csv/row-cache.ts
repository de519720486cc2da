import type { FactProblem } from '../facts/parse';
import { slotDeriver, withDerivationInputs } from '../facts/derive';
import { asciiNormalFormCheck, LINKED_FACTS, normalFormCheck, normaliseFacts, normaliseLoneFact, REJECTED } from '../facts/normalise/index';
import type { RawFacts } from '../facts/raw';
import { factSourceSchema, type FactSource, type FactValues } from '../facts/vocabulary';
import { cellValue, type ColumnMapping } from '../mapping';
import { rowFacts } from './row';

/**
 * Row normalisation for big files, with the same result as rowFacts (row.ts) but most of the work remembered, and
 * the facts laid out straight in the engine's slots (see evaluateSlots in lib/engine/score.ts): a clean row makes
 * no objects at all.
 *
 * Why: building facts per row (raw facts, {value, source} wrappers, a values object) and running normalisation and
 * the zod checks on them was most of `icp score`'s time, much of it garbage collection. CSV columns repeat their
 * values endlessly ("United States", "51-200", "Series B"), so:
 *
 * - Lone columns (most facts normalise on their own value alone) remember, per raw cell text, what the cell
 *   normalised to once checked against the vocabulary (normaliseLoneFact): a value, ABSENT or REJECTED. A column
 *   whose values do not repeat (names, domains) stops remembering after a trial and normalises each cell as it
 *   comes, still without objects.
 * - Linked columns fill each other in (`industry` gives `subIndustry` and back; `hqLocation` fills city, region and
 *   country where those are missing; a region fills the country): each group is normalised together by
 *   normaliseFacts and remembered by its cells together. The two groups do not touch each other's facts.
 *
 * Problems: a row in which any part has a problem is normalised again as a whole by rowFacts, so its problems come
 * in exactly the order normaliseFacts gives them (refusals in column order, then the location, then the checks).
 * Remembered values (a band, a technology list) are shared across rows, which is fine because nothing downstream
 * changes them.
 *
 * Memory stays bounded: each column's or group's memory starts over when it holds MAX_REMEMBERED values.
 */

/** Linked facts normalised together; facts of different groups never read each other. See LINKED_FACTS. */
export const LINKED_GROUPS: readonly (readonly string[])[] = [
  ['industry', 'subIndustry'],
  ['hqLocation', 'hqCity', 'hqRegion', 'hqCountry'],
];

/** Distinct values a column (or group) remembers before starting over. */
export const MAX_REMEMBERED = 20_000;
/**
 * After this many lookups, a column that found less than a quarter of its values remembered stops remembering
 * (names, domains: every value new). Dates repeat less at first and more later, hence the long trial.
 */
const TRIAL_LOOKUPS = 4_000;

/** Remembered for a cell that normalises to no fact (blank text): Map.get's undefined means "not seen yet". */
const ABSENT = Symbol('absent');

/** A clean row's problems: shared, never added to. */
const NO_PROBLEMS: FactProblem[] = [];

interface LoneColumn {
  index: number;
  fact: string;
  /** ZoomInfo's "in 000s" columns: the cell's numbers are scaled before they are normalised (see cellValue). */
  scale?: number;
  /** The fact's engine slot, -1 when the model does not read it (its cells are still checked for problems). */
  slot: number;
  /** Raw cell → normalised value, ABSENT or REJECTED. Undefined once the column proved not to repeat its values. */
  memory: Map<string, unknown> | undefined;
  lookups: number;
  hits: number;
  /**
   * The fact's normal-form test (normalFormCheck), undefined for a scaled column: once the column stops remembering
   * (names, domains: every cell new), a cell that passes is its own value without the per-cell checks of
   * normaliseLoneFact.
   */
  normal: ((raw: string) => boolean) | undefined;
  /**
   * With byte text (`decode`): the fact's normal-form test for ASCII cells (asciiNormalFormCheck). A cell that
   * passes is its own value, neither decoded nor tested again.
   */
  asciiNormal: ((raw: string) => boolean) | undefined;
}

/** What a linked group's cells normalised to: the facts the model reads, as parallel arrays of slot and value. */
interface Part {
  slots: number[];
  values: unknown[];
  /** normaliseFacts reported a problem: the row then goes through rowFacts whole. */
  rejected: boolean;
}

/** A group's memory: a map per column, keyed by its cell, down to the part for the whole combination. */
type LinkedTree = Map<string, LinkedTree | Part>;

interface LinkedGroup {
  columns: { index: number; fact: string; scale?: number }[];
  /** Undefined once the group proved not to repeat its combinations. */
  memory: LinkedTree | undefined;
  /** Parts held in `memory`. */
  count: number;
  lookups: number;
  hits: number;
}

/**
 * A copy of a string that holds no reference to a bigger one. papaparse cuts cells out of the chunk's text, and V8
 * may keep such a cut (and the strings normalisation cuts from it) as a view on the whole chunk: remembering it
 * would keep every chunk it came from alive. So cells are copied before they are normalised and remembered.
 * Joining makes a new string, and slicing that one flattens it into fresh memory of the cell's own size.
 */
function ownCopy(s: string): string {
  return ` ${s}`.slice(1);
}

export interface SlottedRow {
  /** Value of each fact the model reads, by slot; undefined when missing. Reused: overwritten by the next row. */
  slots: unknown[];
  /** Facts rejected by normalisation, in normaliseFacts' order. Do not change: may be shared between rows. */
  problems: FactProblem[];
}

export interface RowNormaliser {
  normalise(fields: readonly string[]): SlottedRow;
}

export interface RowNormaliserOptions {
  /** For tests: how many values a column remembers (default MAX_REMEMBERED). */
  remember?: number;
  /** For tests: after how many lookups a column that rarely repeats stops remembering (default TRIAL_LOOKUPS). */
  trial?: number;
  /**
   * The cells are byte text (UTF-8 held one byte per character, see score-stream.ts): `decode` gives a cell's text.
   * Memories stay keyed by the cells as they come, so a remembered cell is not decoded again.
   */
  decode?: (cell: string) => string;
}

/** `slotOf`: the engine's slot for each fact the model reads (CompiledModel.slotOf). */
export function createRowNormaliser(
  columns: readonly ColumnMapping[],
  source: FactSource,
  slotOf: ReadonlyMap<string, number>,
  { remember = MAX_REMEMBERED, trial = TRIAL_LOOKUPS, decode }: RowNormaliserOptions = {},
): RowNormaliser {
  const limits = { remember, trial };
  const text = decode ?? ((cell: string) => cell);
  // normaliseFacts checks the source (parseFacts); the lone path never sees it, so check it here, once.
  factSourceSchema.parse(source);
  const options = { origin: 'csv' as const, source };
  // Derived facts (lib/facts/derive.ts) need their inputs even when the model does not read them: extra slots.
  slotOf = withDerivationInputs(slotOf);
  const derive = slotDeriver(slotOf);
  const row: SlottedRow = { slots: new Array<unknown>(slotOf.size).fill(undefined), problems: NO_PROBLEMS };

  const lone: LoneColumn[] = [];
  const groups: LinkedGroup[] = [];
  const groupFor = new Map<number, LinkedGroup>();
  columns.forEach(({ fact, scale }, index) => {
    if (!LINKED_FACTS.has(fact)) {
      const normal = scale ? undefined : normalFormCheck(fact);
      const asciiNormal = normal && decode ? asciiNormalFormCheck(fact) : undefined;
      lone.push({ index, fact, scale, slot: slotOf.get(fact) ?? -1, memory: new Map(), lookups: 0, hits: 0, normal, asciiNormal });
      return;
    }
    // A linked fact in no listed group (one added to LINKED_FACTS later) shares a catch-all group: still correct.
    const g = LINKED_GROUPS.findIndex((facts) => facts.includes(fact));
    const key = g === -1 ? LINKED_GROUPS.length : g;
    let group = groupFor.get(key);
    if (!group) {
      group = { columns: [], memory: new Map(), count: 0, lookups: 0, hits: 0 };
      groupFor.set(key, group);
      groups.push(group);
    }
    group.columns.push({ index, fact, scale });
  });

  /** A lone column's cell → normalised value, ABSENT or REJECTED, from memory when it can. */
  function loneValue(column: LoneColumn, cell: string): unknown {
    const memory = column.memory;
    if (memory === undefined) {
      if (column.asciiNormal !== undefined && column.asciiNormal(cell)) return cell;
      const value = text(cell);
      if (column.normal !== undefined && column.normal(value)) return value;
      return normaliseLoneFact(column.fact, cellValue(column, value), options) ?? ABSENT;
    }
    column.lookups++;
    let value = memory.get(cell);
    if (value === undefined) {
      const own = ownCopy(cell);
      value = normaliseLoneFact(column.fact, cellValue(column, text(own)), options) ?? ABSENT;
      if (memory.size >= limits.remember) memory.clear();
      memory.set(own, value);
    } else column.hits++;
    // A column that does not repeat its values is better normalised cell by cell than remembered.
    if (column.lookups === limits.trial && column.hits * 4 < limits.trial) column.memory = undefined;
    return value;
  }

  /** A linked group's cells normalised together: the facts the model reads, and whether there was a problem. */
  function normaliseGroup(group: LinkedGroup, fields: readonly string[], copy: boolean): Part {
    const raw: Record<string, string> = {};
    for (const column of group.columns) {
      const cell = fields[column.index];
      if (cell) raw[column.fact] = cellValue(column, text(copy ? ownCopy(cell) : cell));
    }
    const { facts, problems } = normaliseFacts(raw as RawFacts, options);
    const part: Part = { slots: [], values: [], rejected: problems.length > 0 };
    for (const [fact, f] of Object.entries(facts)) {
      const slot = slotOf.get(fact);
      if (slot === undefined || !f) continue;
      part.slots.push(slot);
      part.values.push(f.value);
    }
    return part;
  }

  /** A group's part, from memory when it can: a tree with one level per column, so no key is built per row. */
  function groupPart(group: LinkedGroup, fields: readonly string[]): Part {
    const memory = group.memory;
    if (memory === undefined) return normaliseGroup(group, fields, false);
    group.lookups++;
    const { columns: cols } = group;
    let node = memory;
    for (let k = 0; k < cols.length - 1; k++) {
      const cell = fields[cols[k].index] ?? '';
      let next = node.get(cell) as LinkedTree | undefined;
      if (next === undefined) node.set(ownCopy(cell), (next = new Map()));
      node = next;
    }
    const last = fields[cols[cols.length - 1].index] ?? '';
    let part = node.get(last) as Part | undefined;
    if (part === undefined) {
      if (group.count >= limits.remember) {
        memory.clear(); // starts over; `node` is now detached and dropped after this row
        group.count = 0;
      }
      part = normaliseGroup(group, fields, true);
      node.set(ownCopy(last), part);
      group.count++;
    } else group.hits++;
    if (group.lookups === limits.trial && group.hits * 4 < limits.trial) group.memory = undefined;
    return part;
  }

  /** A row with a problem somewhere: the whole row again, as rowFacts does it, for its problems in their order. */
  function wholeRow(fields: readonly string[]): SlottedRow {
    const { values, problems } = rowFacts(columns, decode ? fields.map(decode) : fields, source);
    const slots = row.slots;
    slots.fill(undefined);
    for (const [fact, value] of Object.entries(values as FactValues)) {
      const slot = slotOf.get(fact);
      if (slot !== undefined) slots[slot] = value;
    }
    row.problems = problems;
    return row;
  }

  // The hot loop makes no objects or closures for a clean row: at a few microseconds a row, even that shows.
  return {
    normalise(fields) {
      const slots = row.slots;
      // A loop, not fill: fill is a call into the runtime, which cost more than the loop for a row's few slots (valgrind).
      for (let s = 0; s < slots.length; s++) slots[s] = undefined;
      for (let c = 0; c < lone.length; c++) {
        const column = lone[c];
        const cell = fields[column.index];
        if (cell === undefined || cell === '') continue; // an empty cell is an unknown fact
        const value = loneValue(column, cell);
        if (value === REJECTED) return wholeRow(fields);
        if (column.slot !== -1 && value !== ABSENT) slots[column.slot] = value;
      }
      for (let g = 0; g < groups.length; g++) {
        const part = groupPart(groups[g], fields);
        if (part.rejected) return wholeRow(fields);
        for (let i = 0; i < part.slots.length; i++) slots[part.slots[i]] = part.values[i];
      }
      derive(slots);
      row.problems = NO_PROBLEMS;
      return row;
    },
  };
}
