import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { ScoredAccount } from '../../lib/accounts/companies';
import { percent } from '../format';

/**
 * Every account of the current view in one virtualised table (TanStack Table for columns and sorting, TanStack
 * Virtual for the rows): only the rows on screen are in the DOM, so 100,000 accounts scroll smoothly.
 */
const ROW_HEIGHT = 30;

const columns: ColumnDef<ScoredAccount>[] = [
  { id: 'name', header: 'Company', accessorKey: 'name', size: 240 },
  { id: 'domain', header: 'Domain', accessorKey: 'domain', size: 180 },
  { id: 'score', header: 'Score', accessorKey: 'score', size: 70, sortDescFirst: true },
  { id: 'tier', header: 'Tier', accessorFn: (r) => r.tier ?? '', size: 70 },
  { id: 'verdict', header: 'Verdict', accessorKey: 'verdict', size: 100 },
  { id: 'confidence', header: 'Confidence', accessorKey: 'confidence', size: 100, sortDescFirst: true, cell: (c) => percent(c.getValue<number>()) },
  { id: 'model', header: 'Model', accessorKey: 'modelId', size: 150 },
  { id: 'sources', header: 'Sources', accessorFn: (r) => r.sources.join(', '), size: 140 },
  { id: 'lists', header: 'Lists', accessorFn: (r) => r.lists.join(', '), size: 140 },
];

const TEST_IDS: Record<string, string> = { score: 'accounts-score', tier: 'accounts-tier', verdict: 'accounts-verdict' };

export function AccountsTable({ rows, onOpen, height = 520 }: { rows: ScoredAccount[]; onOpen: (account: ScoredAccount) => void; height?: number }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'score', desc: true }]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.key,
  });
  const sorted = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const width = useMemo(() => columns.reduce((sum, c) => sum + (c.size ?? 100), 0), []);
  const template = columns.map((c) => `${c.size ?? 100}px`).join(' ');

  return (
    <div className="accounts-table" data-testid="accounts-table" role="table" aria-rowcount={sorted.length}>
      <div className="accounts-head" role="row" style={{ display: 'grid', gridTemplateColumns: template, width }}>
        {table.getHeaderGroups()[0].headers.map((h) => (
          <button
            key={h.id}
            type="button"
            role="columnheader"
            data-testid={`accounts-sort-${h.id}`}
            aria-sort={h.column.getIsSorted() === 'asc' ? 'ascending' : h.column.getIsSorted() === 'desc' ? 'descending' : 'none'}
            onClick={h.column.getToggleSortingHandler()}
          >
            {flexRender(h.column.columnDef.header, h.getContext())}
            {h.column.getIsSorted() === 'asc' ? ' ▲' : h.column.getIsSorted() === 'desc' ? ' ▼' : ''}
          </button>
        ))}
      </div>
      <div ref={scroller} className="accounts-body" data-testid="accounts-scroll" style={{ height, overflow: 'auto', width: width + 18 }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = sorted[item.index];
            return (
              <div
                key={row.id}
                role="row"
                data-testid="accounts-row"
                data-account-key={row.original.key}
                className={`accounts-row verdict-${row.original.verdict}`}
                style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, display: 'grid', gridTemplateColumns: template, width }}
                onClick={() => onOpen(row.original)}
              >
                {row.getVisibleCells().map((cell) => (
                  <span key={cell.id} role="cell" data-testid={TEST_IDS[cell.column.id]} title={String(cell.getValue() ?? '')}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
