import { stableJson } from './history';
import { DIMENSIONS, type Criterion, type IcpModel, type Tier } from './schema';

/**
 * A readable diff between two versions of a model: what RevOps needs to review before publishing ("points of
 * warehouse 12 → 15", "criterion champion removed"). Criteria, tiers and segments are matched by id, so a
 * reordered or relabelled criterion shows as a change, not as a removal plus an addition.
 */

export interface FieldChange {
  /** The changed property ("points", "value", "firmographic" for a weight, "minConfidence"). */
  field: string;
  before: unknown;
  after: unknown;
}

export interface ItemChange {
  id: string;
  /** The item's label in the newer version. */
  label: string;
  changes: FieldChange[];
}

export interface ListDiff<T> {
  added: T[];
  removed: T[];
  changed: ItemChange[];
}

export interface ModelDiff {
  fromVersion: number;
  toVersion: number;
  /** name, description, motion. */
  about: FieldChange[];
  /** One change per dimension whose weight changed. */
  weights: FieldChange[];
  criteria: ListDiff<Criterion> & {
    /** True when the criteria that exist in both versions are in a different order. */
    reordered: boolean;
  };
  tiers: ListDiff<Tier>;
  gate: FieldChange[];
  segments: ListDiff<{ id: string; label: string }>;
  /** True when the two versions say the same thing (only version / updatedAt differ). */
  same: boolean;
}

const ABOUT_FIELDS = ['name', 'description', 'motion'] as const;
const CRITERION_FIELDS = ['dimension', 'label', 'field', 'op', 'value', 'kind', 'points', 'rationale', 'evidence'] as const;
const TIER_FIELDS = ['label', 'minScore', 'description'] as const;
const GATE_FIELDS = ['minConfidence', 'minScore'] as const;

const equal = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

function fieldChanges<T extends object>(before: T, after: T, fields: readonly string[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = (before as Record<string, unknown>)[field];
    const b = (after as Record<string, unknown>)[field];
    if (!equal(a, b)) changes.push({ field, before: a, after: b });
  }
  return changes;
}

function listDiff<T extends { id: string; label: string }>(before: readonly T[], after: readonly T[], fields: readonly string[]): ListDiff<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const changed: ItemChange[] = [];
  for (const item of after) {
    const prev = old.get(item.id);
    if (!prev) continue;
    const changes = fieldChanges(prev, item, fields);
    if (changes.length > 0) changed.push({ id: item.id, label: item.label, changes });
  }
  return {
    added: after.filter((item) => !old.has(item.id)),
    removed: before.filter((item) => !now.has(item.id)),
    changed,
  };
}

export function diffModels(from: IcpModel, to: IcpModel): ModelDiff {
  const criteria = listDiff(from.criteria, to.criteria, CRITERION_FIELDS);
  const inBoth = (list: Criterion[], other: Criterion[]) => list.map((c) => c.id).filter((id) => other.some((o) => o.id === id));
  const reordered = !equal(inBoth(from.criteria, to.criteria), inBoth(to.criteria, from.criteria));
  const diff: ModelDiff = {
    fromVersion: from.version,
    toVersion: to.version,
    about: fieldChanges(from, to, ABOUT_FIELDS),
    weights: fieldChanges(from.dimensions, to.dimensions, DIMENSIONS),
    criteria: { ...criteria, reordered },
    tiers: listDiff(from.tiers, to.tiers, TIER_FIELDS),
    gate: fieldChanges(from.gate, to.gate, GATE_FIELDS),
    segments: listDiff(from.segments ?? [], to.segments ?? [], ['label', 'when', 'evidence']),
    same: false,
  };
  diff.same =
    diff.about.length + diff.weights.length + diff.gate.length === 0 &&
    !reordered &&
    [diff.criteria, diff.tiers, diff.segments].every((l) => l.added.length + l.removed.length + l.changed.length === 0);
  return diff;
}

/** A value as a short text: lists comma-separated, ranges as "a-b", absent as "—". */
export function formatDiffValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatDiffValue).join(', ')}]`;
  if (typeof value === 'object') return stableJson(value);
  return String(value);
}

const change = (c: FieldChange) => `${c.field} ${formatDiffValue(c.before)} → ${formatDiffValue(c.after)}`;

/** The diff as one line per change, in the order a reviewer reads a model: about, weights, criteria, tiers, gate. */
export function describeDiff(diff: ModelDiff): string[] {
  if (diff.same) return [`v${diff.fromVersion} and v${diff.toVersion} have the same content`];
  const lines: string[] = [];
  for (const c of diff.about) lines.push(`model: ${change(c)}`);
  for (const c of diff.weights) lines.push(`weight of ${c.field}: ${formatDiffValue(c.before)} → ${formatDiffValue(c.after)}`);
  for (const c of diff.criteria.added) lines.push(`criterion "${c.id}" added: ${c.label} (${c.kind}${c.points !== undefined ? `, ${c.points} points` : ''})`);
  for (const c of diff.criteria.removed) lines.push(`criterion "${c.id}" removed: ${c.label}`);
  for (const c of diff.criteria.changed) lines.push(`criterion "${c.id}": ${c.changes.map(change).join('; ')}`);
  if (diff.criteria.reordered) lines.push('criteria reordered');
  for (const t of diff.tiers.added) lines.push(`tier "${t.id}" added: ${t.label} from ${t.minScore}`);
  for (const t of diff.tiers.removed) lines.push(`tier "${t.id}" removed: ${t.label}`);
  for (const t of diff.tiers.changed) lines.push(`tier "${t.id}": ${t.changes.map(change).join('; ')}`);
  for (const c of diff.gate) lines.push(`gate: ${change(c)}`);
  for (const s of diff.segments.added) lines.push(`segment "${s.id}" added: ${s.label}`);
  for (const s of diff.segments.removed) lines.push(`segment "${s.id}" removed: ${s.label}`);
  for (const s of diff.segments.changed) lines.push(`segment "${s.id}": ${s.changes.map((c) => c.field).join(', ')} changed`);
  return lines;
}
