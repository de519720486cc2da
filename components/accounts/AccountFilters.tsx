import type { AccountFilter } from '../../lib/accounts/view';
import { DIMENSIONS, type Dimension } from '../../lib/model/schema';
import { FACTS, SOURCE_KINDS, type SourceKind } from '../../lib/facts/vocabulary';

const VERDICTS = ['fit', 'needs-data', 'not-fit'] as const;

/** One labelled <select> whose first option, "any", clears the filter; option values are ids (tier ids, model ids…). */
function Choice({ label, testId, value, options, onChange }: { label: string; testId: string; value: string; options: { value: string; label: string }[]; onChange: (value: string | undefined) => void }) {
  return (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

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
      <Choice label="Tier" testId="accounts-filter-tier" value={filter.tier ?? ''} options={tiers.map((t) => ({ value: t.id, label: t.label }))} onChange={(v) => set({ tier: v })} />
      <Choice label="Verdict" testId="accounts-filter-verdict" value={filter.verdict ?? ''} options={VERDICTS.map((v) => ({ value: v, label: v }))} onChange={(v) => set({ verdict: v as AccountFilter['verdict'] })} />
      <Choice label="Model" testId="accounts-filter-model" value={filter.model ?? ''} options={models.map((m) => ({ value: m.id, label: m.name }))} onChange={(v) => set({ model: v })} />
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
      <Choice label="Source" testId="accounts-filter-source" value={filter.source ?? ''} options={SOURCE_KINDS.map((k) => ({ value: k, label: k }))} onChange={(v) => set({ source: v as SourceKind | undefined })} />
      <Choice label="List" testId="accounts-filter-list" value={filter.list ?? ''} options={lists.map((l) => ({ value: l, label: l }))} onChange={(v) => set({ list: v })} />
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
