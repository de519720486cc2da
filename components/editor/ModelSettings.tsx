import { DIMENSIONS, type IcpModel, type Tier } from '../../lib/model/schema';
import type { ModelProblem } from '../../lib/model/validate';
import { evidenceProvenance } from '../format';
import { problemsAt } from './draft';
import { FieldProblems, NumberInput } from './inputs';

type Draft = IcpModel;

/** Name, description, motion, dimension weights, tiers and gate: everything in the model besides its criteria. */
export function ModelSettings({ draft, problems, disabled, onChange }: { draft: Draft; problems: readonly ModelProblem[]; disabled?: boolean; onChange(next: Draft): void }) {
  const setTier = (i: number, tier: Tier) => onChange({ ...draft, tiers: draft.tiers.map((t, j) => (j === i ? tier : t)) });
  return (
    <div className="settings">
      <div className="row">
        <label className="grow">
          Name
          <input type="text" data-testid="model-name" value={draft.name} disabled={disabled} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
        </label>
        <label>
          Motion
          <select
            data-testid="model-motion"
            value={draft.motion ?? ''}
            disabled={disabled}
            onChange={(e) => {
              const next = { ...draft, motion: e.target.value as Draft['motion'] };
              if (!e.target.value) delete next.motion;
              onChange(next);
            }}
          >
            <option value="">—</option>
            <option value="sales-led">sales-led</option>
            <option value="product-led">product-led</option>
            <option value="hybrid">hybrid</option>
          </select>
        </label>
      </div>
      <FieldProblems problems={[...problemsAt(problems, 'name'), ...problemsAt(problems, 'motion')]} />
      <label className="block">
        Description
        <textarea
          data-testid="model-description"
          rows={2}
          value={draft.description ?? ''}
          disabled={disabled}
          onChange={(e) => {
            const next: Draft = { ...draft, description: e.target.value };
            if (!e.target.value) delete next.description;
            onChange(next);
          }}
        />
      </label>
      <FieldProblems problems={problemsAt(problems, 'description')} />

      <h3>Dimension weights</h3>
      <p className="muted">How the 100 points split between dimensions (only dimensions with scored criteria count).</p>
      <div className="row">
        {DIMENSIONS.map((d) => (
          <label key={d}>
            {d}
            <NumberInput
              label={`${d} weight`}
              testId={`weight-${d}`}
              value={draft.dimensions[d]}
              min={0}
              disabled={disabled}
              onChange={(v) => onChange({ ...draft, dimensions: { ...draft.dimensions, [d]: v as number } })}
            />
          </label>
        ))}
      </div>
      <FieldProblems problems={problemsAt(problems, 'dimensions')} />

      <h3>Tiers</h3>
      <p className="muted">Highest first. A fit lands in the first tier whose minimum score it reaches.</p>
      <table className="tiers">
        <thead>
          <tr>
            <th>Id</th>
            <th>Label</th>
            <th>Min score</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.tiers.map((t, i) => (
            <tr key={i} data-testid="tier" data-tier-id={t.id}>
              <td>
                <input type="text" className="short" aria-label="tier id" value={t.id} disabled={disabled} onChange={(e) => setTier(i, { ...t, id: e.target.value })} />
              </td>
              <td>
                <input type="text" aria-label="tier label" value={t.label} disabled={disabled} onChange={(e) => setTier(i, { ...t, label: e.target.value })} />
              </td>
              <td>
                <NumberInput label="tier minimum score" testId="tier-min" value={t.minScore} min={0} max={100} disabled={disabled} onChange={(v) => setTier(i, { ...t, minScore: v as number })} />
              </td>
              <td>
                {!disabled && (
                  <button type="button" onClick={() => onChange({ ...draft, tiers: draft.tiers.filter((_, j) => j !== i) })}>
                    Remove
                  </button>
                )}
                <FieldProblems problems={problemsAt(problems, `tiers[${i}]`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!disabled && (
        <button
          type="button"
          data-testid="add-tier"
          onClick={() => {
            const last = draft.tiers.at(-1);
            onChange({ ...draft, tiers: [...draft.tiers, { id: `T${draft.tiers.length + 1}`, label: 'New tier', minScore: Math.max(0, (last?.minScore ?? 10) - 10) }] });
          }}
        >
          + Add a tier
        </button>
      )}
      <FieldProblems problems={problems.filter((p) => p.path === 'tiers')} />

      <h3>Gate</h3>
      <p className="muted" data-testid="gate-help">
        A company is a fit only when no must fails, no hard-no is present, its score reaches the minimum score and its
        confidence the minimum confidence. Otherwise it needs data while its unknowns could still lift it to the minimum
        score, and is not a fit when even its potential score cannot.
      </p>
      <div className="row">
        <label>
          Minimum confidence (0-1)
          <NumberInput
            label="minimum confidence"
            testId="gate-min-confidence"
            value={draft.gate.minConfidence}
            step={0.05}
            min={0}
            max={1}
            disabled={disabled}
            onChange={(v) => onChange({ ...draft, gate: { ...draft.gate, minConfidence: v as number } })}
          />
        </label>
        <label>
          Minimum score for a fit (0-100)
          <NumberInput
            label="minimum score"
            testId="gate-min-score"
            value={draft.gate.minScore}
            min={0}
            max={100}
            disabled={disabled}
            onChange={(v) => onChange({ ...draft, gate: { ...draft.gate, minScore: v as number } })}
          />
        </label>
      </div>
      <FieldProblems problems={problemsAt(problems, 'gate')} />
      {draft.segments && draft.segments.length > 0 && (
        <p className="muted">
          {draft.segments.length} segment{draft.segments.length === 1 ? '' : 's'} with outcome evidence ({draft.segments.map((s) => s.label).join(', ')}) are kept as they are; edit them in
          the model file.
          {draft.segments.some((s) => s.evidence.source !== 'builder') && (
            <span data-testid="segments-example-evidence">
              {' '}
              Their figures are {evidenceProvenance(draft.segments.find((s) => s.evidence.source !== 'builder')!.evidence)}.
            </span>
          )}
        </p>
      )}
    </div>
  );
}
