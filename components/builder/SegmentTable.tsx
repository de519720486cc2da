import { useState } from 'react';
import { fieldLabel, flagLabel, money, percent } from './format';
import { segmentKey } from './SegmentChart';

/** What the table shows of a segment (a SegmentRow from lib/builder/derive has all of it). */
export interface TableSegment {
  field: string;
  kind?: string;
  value: string;
  n: number;
  winRate: number | null;
  logoRetention: number | null;
  nrr: number | null;
  clv: number | null;
  tam?: number | null;
  flags: readonly string[];
  /** Metrics the file cannot give (their columns are missing): shown as "not in file", not as a dash. */
  notInFile?: Partial<Record<string, string>>;
}

export type SortKey = 'rank' | 'field' | 'value' | 'n' | 'winRate' | 'logoRetention' | 'nrr' | 'clv' | 'tam';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'field', label: 'Field' },
  { key: 'value', label: 'Value' },
  { key: 'n', label: 'n', numeric: true },
  { key: 'winRate', label: 'Win rate', numeric: true },
  { key: 'logoRetention', label: 'Logo retention', numeric: true },
  { key: 'nrr', label: 'NRR', numeric: true },
  { key: 'clv', label: 'CLV', numeric: true },
  { key: 'tam', label: 'TAM', numeric: true },
];

/** A figure, or "not in file" when the file lacks the column it needs (never a made-up 100 %). */
function orMissing(s: TableSegment, key: 'logoRetention' | 'nrr' | 'clv', format: (x: number | null) => string): string {
  return s[key] === null && s.notInFile?.[key] ? 'not in file' : format(s[key]);
}

/**
 * Segments sorted by `sort`. "rank" keeps the given order (the analysis ranks by the lower bound of the NRR
 * interval, so well-supported segments come first). Missing figures sort last whichever the direction.
 */
export function sortSegments<T extends TableSegment>(segments: readonly T[], sort: Sort): T[] {
  if (sort.key === 'rank') return sort.descending ? [...segments].reverse() : [...segments];
  const key = sort.key;
  const sign = sort.descending ? -1 : 1;
  const valueOf = (s: T): string | number | null =>
    key === 'field' ? fieldLabel(s.field, s.kind) : key === 'value' ? s.value : (s[key] ?? null);
  return [...segments].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y));
  });
}

/** The segment table under the chart: every figure with its n and the flags; click a heading to sort by it. */
export function SegmentTable(props: {
  segments: readonly TableSegment[];
  selectedKey?: string;
  onSelect?: (key: string) => void;
  initialSort?: Sort;
}) {
  const [sort, setSort] = useState<Sort>(props.initialSort ?? { key: 'rank', descending: false });
  const withTam = props.segments.some((s) => s.tam !== null && s.tam !== undefined);
  const columns = COLUMNS.filter((c) => c.key !== 'tam' || withTam);
  const rows = sortSegments(props.segments, sort);
  // The analysis' rank stays visible whatever the sort: "#" is the position in the given order.
  const rank = new Map(props.segments.map((s, i) => [s, i + 1]));
  const sortBy = (key: SortKey, numeric?: boolean) =>
    // Numbers start high-to-low (the best first); text starts A to Z.
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: !!numeric }));

  return (
    <table className="segments" data-testid="segment-table" data-sort={sort.key} data-descending={sort.descending}>
      <thead>
        <tr>
          <th>
            <button type="button" className="link" data-testid="sort-rank" onClick={() => sortBy('rank')}>
              #
            </button>
          </th>
          {columns.map((c) => (
            <th key={c.key} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined} className={c.numeric ? 'num' : ''}>
              <button type="button" className="link" data-testid={`sort-${c.key}`} onClick={() => sortBy(c.key, c.numeric)}>
                {c.label}
                {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </th>
          ))}
          <th>Flags</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => {
          const key = segmentKey(s);
          return (
            <tr
              key={key}
              data-testid="segment-row"
              data-key={key}
              data-field={s.kind === 'region' ? 'region' : s.field}
              data-value={s.value}
              data-n={s.n}
              data-flags={s.flags.join(' ')}
              className={[props.selectedKey === key ? 'selected' : '', s.flags.includes('small-sample') ? 'muted-row' : ''].join(' ').trim() || undefined}
              onClick={props.onSelect ? () => props.onSelect!(key) : undefined}
            >
              <td className="muted">{rank.get(s)}</td>
              <td>{fieldLabel(s.field, s.kind)}</td>
              <td>{s.value}</td>
              <td className="num">{s.n}</td>
              <td className="num">{percent(s.winRate)}</td>
              <td className="num">{orMissing(s, 'logoRetention', percent)}</td>
              <td className="num">{orMissing(s, 'nrr', percent)}</td>
              <td className="num">{orMissing(s, 'clv', money)}</td>
              {withTam && <td className="num">{money(s.tam)}</td>}
              <td>
                {s.flags.map((f) => (
                  <span key={f} className={`flag flag-${f}`} data-testid="segment-flag" data-flag={f}>
                    {flagLabel(f)}
                  </span>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
