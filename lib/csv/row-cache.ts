import { valuesOf, type FactProblem } from '../facts/parse';
import { normaliseFacts } from '../facts/normalise/index';
import type { RawFacts } from '../facts/raw';
import type { FactSource, FactValues } from '../facts/vocabulary';
import type { ColumnMapping } from './columns';
import { rowFacts } from './row';

/**
 * Row normalisation for big files, with the same result as rowFacts (row.ts) but most of the work remembered, and
 * the facts laid out in the engine's slots (see evaluateSlots in lib/engine/score.ts) rather than in an object.
 *
 * Why: normaliseFacts (with its zod checks) was about half of `icp score`'s time, and CSV columns repeat their
 * values endlessly ("United States", "51-200", "Series B"). Most facts normalise on their own value alone, so each
 * column remembers, per raw text, what its fact normalised to. A few facts fill each other in (`industry` gives
 * `subIndustry` and back; `hqLocation` fills city, region and country where those are missing): those columns are
 * normalised together and remembered by their values together. Columns whose values do not repeat (names,
 * domains) are not remembered: they are normalised together, once per row.
 *
 * Problems: a row in which any part has a problem is normalised again as a whole by rowFacts, so its problems come
 * in exactly the order normaliseFacts gives them (refusals in column order, then the location, then the checks).
 * A clean row's facts are the union of its parts' facts; parts share value objects (a band, a technology list)
 * across rows, which is fine because nothing downstream changes them. Only the facts the model reads are kept.
 *
 * Memory stays bounded: each column's memory starts over when it holds MAX_REMEMBERED values.
 */

/** Facts whose normalisation reads other facts (see normaliseFacts' "Derived facts"). Keep in step with it. */
const LINKED_FACTS: ReadonlySet<string> = new Set(['industry', 'subIndustry', 'hqLocation', 'hqCity', 'hqRegion', 'hqCountry']);

/** Distinct values a column remembers before starting over. */
export const MAX_REMEMBERED = 20_000;
/**
 * After this many lookups, a column that found less than a quarter of its values remembered stops remembering
 * (names, domains: every value new). Dates repeat less at first and more later, hence the long trial.
 */
const TRIAL_LOOKUPS = 4_000;

/** What some raw facts normalised to. */
interface Part {
  /** The accepted facts the model reads, as [slot, value]. */
  values: [number, unknown][];
  /** True when normalisation reported any problem: the row then goes through rowFacts whole. */
  problem: boolean;
}

/** Linked columns' memory: a map per column, keyed by its cell, down to the part for the whole combination. */
type LinkedTree = Map<string, LinkedTree | Part>;

function remember(memory: Map<string, Part>, key: string, part: Part, max: number): Part {
  if (memory.size >= max) memory.clear();
  memory.set(key, part);
  return part;
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

/** Adds a part's facts to a row's slots; false when the part had a problem. */
function addPart(slots: unknown[], part: Part): boolean {
  for (let i = 0; i < part.values.length; i++) slots[part.values[i][0]] = part.values[i][1];
  return !part.problem;
}

interface RememberingColumn {
  index: number;
  fact: string;
  memory: Map<string, Part>;
  lookups: number;
  hits: number;
}

export interface SlottedRow {
  /** Value of each fact the model reads, by slot; undefined when missing. Reused: overwritten by the next row. */
  slots: unknown[];
  /** Facts rejected by normalisation, in normaliseFacts' order. */
  problems: FactProblem[];
}

export interface RowNormaliser {
  normalise(fields: readonly string[]): SlottedRow;
}

/**
 * `slotOf`: the engine's slot for each fact the model reads (CompiledModel.slotOf). `limits` are for tests: how many
 * values a column remembers, and after how many lookups a column that rarely repeats stops remembering.
 */
export function createRowNormaliser(
  columns: readonly ColumnMapping[],
  source: FactSource,
  slotOf: ReadonlyMap<string, number>,
  limits = { remember: MAX_REMEMBERED, trial: TRIAL_LOOKUPS },
): RowNormaliser {
  const options = { origin: 'csv' as const, source };
  const slotted = (values: FactValues): [number, unknown][] => {
    const out: [number, unknown][] = [];
    for (const [fact, value] of Object.entries(values)) {
      const slot = slotOf.get(fact);
      if (slot !== undefined) out.push([slot, value]);
    }
    return out;
  };
  const normalisePart = (raw: Record<string, string>): Part => {
    const { facts, problems } = normaliseFacts(raw as RawFacts, options);
    return { values: slotted(valuesOf(facts)), problem: problems.length > 0 };
  };
  const row: SlottedRow = { slots: new Array<unknown>(slotOf.size).fill(undefined), problems: [] };

  let remembering: RememberingColumn[] = [];
  /** Columns normalised once per row, all in one call. */
  let everyRow: { index: number; fact: string }[] = [];
  const linked: { index: number; fact: string }[] = [];
  const linkedMemory: LinkedTree = new Map();
  let linkedCount = 0;
  columns.forEach(({ fact }, index) => {
    if (LINKED_FACTS.has(fact)) linked.push({ index, fact });
    else remembering.push({ index, fact, memory: new Map(), lookups: 0, hits: 0 });
  });

  /** A column that does not repeat its values is better normalised with the row than remembered. */
  function stopRemembering(column: RememberingColumn) {
    remembering = remembering.filter((c) => c !== column);
    everyRow = [...everyRow, { index: column.index, fact: column.fact }].sort((a, b) => a.index - b.index);
  }

  // The loops below make no closures per row: at a few microseconds a row, even that shows.
  return {
    normalise(fields) {
      const slots = row.slots;
      slots.fill(undefined);
      let clean = true;

      for (let c = 0; c < remembering.length && clean; c++) {
        const column = remembering[c];
        const cell = fields[column.index];
        if (cell === undefined || cell === '') continue;
        column.lookups++;
        let part = column.memory.get(cell);
        if (part === undefined) {
          const own = ownCopy(cell);
          part = remember(column.memory, own, normalisePart({ [column.fact]: own }), limits.remember);
        }
        else column.hits++;
        clean = addPart(slots, part);
        if (column.lookups === limits.trial && column.hits * 4 < limits.trial) {
          stopRemembering(column);
          c--; // the next column moved into this place
        }
      }

      if (clean && linked.length > 0) {
        // Remembered by all their cells together, in a tree with one level per linked column (no key to build).
        let node = linkedMemory;
        for (let k = 0; k < linked.length - 1; k++) {
          const cell = fields[linked[k].index] ?? '';
          let next = node.get(cell) as LinkedTree | undefined;
          if (next === undefined) node.set(ownCopy(cell), (next = new Map()));
          node = next;
        }
        const last = fields[linked[linked.length - 1].index] ?? '';
        let part = node.get(last) as Part | undefined;
        if (part === undefined) {
          if (linkedCount >= limits.remember) {
            linkedMemory.clear(); // starts over; `node` is now detached and dropped after this row
            linkedCount = 0;
          }
          const raw: Record<string, string> = {};
          for (const { index, fact } of linked) if (fields[index]) raw[fact] = ownCopy(fields[index]);
          part = normalisePart(raw);
          node.set(ownCopy(last), part);
          linkedCount++;
        }
        clean = addPart(slots, part);
      }

      if (clean && everyRow.length > 0) {
        const raw: Record<string, string> = {};
        let any = false;
        for (const { index, fact } of everyRow) {
          const cell = fields[index];
          if (cell === undefined || cell === '') continue;
          raw[fact] = cell;
          any = true;
        }
        if (any) clean = addPart(slots, normalisePart(raw));
      }

      if (clean) {
        row.problems = [];
        return row;
      }
      // A problem somewhere: the whole row again, as rowFacts does it, for its problems in their order.
      const { values, problems } = rowFacts(columns, fields, source);
      slots.fill(undefined);
      addPart(slots, { values: slotted(values), problem: false });
      row.problems = problems;
      return row;
    },
  };
}

