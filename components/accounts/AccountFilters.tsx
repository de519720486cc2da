import type { AccountFilter } from '../../lib/accounts/view';
import { DIMENSIONS, type Dimension } from '../../lib/model/schema';
import { FACTS } from '../../lib/facts/vocabulary';
import { SOURCE_KINDS, type SourceKind } from '../../lib/facts/vocabulary';

const VERDICTS = ['fit', 'needs-data', 'not-fit'] as const;

/** The Accounts page's filters: text, tier, verdict, model, dimension score, confidence, source, list and any fact. */
export function AccountFilters({
  filter,
  onChange,
  tiers,
  models,
  lists,
}: {
  filter: AccountFilter;
  onChange: (f: AccountFilter) => void;
  tiers: { id: string; label: string }[];
  models: { id: string; name: string }[];
  lists: string[];
}) {
  const set = (patch: Partial<AccountFilter>) => onChange(Object.fromEntries(Object.entries({ ...filter, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as AccountFilter);
  return (
    <div className="accounts-filters" data-testid="accounts-filters">
      <input type="search" placeholder="Search name or domain" data-testid="accounts-search" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value || undefined })} />
      <label>
        Tier{' '}
        <select data-testid="accounts-filter-tier" value={filter.tier ?? ''} onChange={(e) => set({ tier: e.target.value || undefined })}>
          <option value="">any</option>
          {tiers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Verdict{' '}
        <select data-testid="accounts-filter-verdict" value={filter.verdict ?? ''} onChange={(e) => set({ verdict: (e.target.value || undefined) as AccountFilter['verdict'] })}>
          <option value="">any</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        Model{' '}
        <select data-testid="accounts-filter-model" value={filter.model ?? ''} onChange={(e) => set({ model: e.target.value || undefined })}>
          <option value="">any</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Dimension{' '}
        <select
          data-testid="accounts-filter-dimension"
          value={filter.dimension?.name ?? ''}
          onChange={(e) => set({ dimension: e.target.value ? { name: e.target.value as Dimension, min: filter.dimension?.min ?? 1 } : undefined })}
        >
          <option value="">any</option>
          {DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>{' '}
        ≥{' '}
        <input
          type="number"
          min={0}
          max={100}
          style={{ width: 50 }}
          data-testid="accounts-filter-dimension-min"
          value={filter.dimension?.min ?? ''}
          disabled={!filter.dimension}
          onChange={(e) => filter.dimension && set({ dimension: { name: filter.dimension.name, min: Number(e.target.value) || 0 } })}
        />
      </label>
      <label>
        Confidence ≥{' '}
        <input
          type="number"
          min={0}
          max={100}
          style={{ width: 50 }}
          data-testid="accounts-filter-confidence"
          value={filter.minConfidence === undefined ? '' : Math.round(filter.minConfidence * 100)}
          onChange={(e) => set({ minConfidence: e.target.value === '' ? undefined : Number(e.target.value) / 100 })}
        />
        %
      </label>
      <label>
        Source{' '}
        <select data-testid="accounts-filter-source" value={filter.source ?? ''} onChange={(e) => set({ source: (e.target.value || undefined) as SourceKind | undefined })}>
          <option value="">any</option>
          {SOURCE_KINDS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        List{' '}
        <select data-testid="accounts-filter-list" value={filter.list ?? ''} onChange={(e) => set({ list: e.target.value || undefined })}>
          <option value="">any</option>
          {lists.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        Fact{' '}
        <select
          data-testid="accounts-filter-fact"
          value={filter.fact?.field ?? ''}
          onChange={(e) => set({ fact: e.target.value ? { field: e.target.value, contains: filter.fact?.contains ?? '' } : undefined })}
        >
          <option value="">any</option>
          {Object.keys(FACTS).map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>{' '}
        <input
          placeholder="contains"
          data-testid="accounts-filter-fact-value"
          disabled={!filter.fact}
          value={filter.fact?.contains ?? ''}
          onChange={(e) => filter.fact && set({ fact: { field: filter.fact.field, contains: e.target.value } })}
        />
      </label>
    </div>
  );
}
