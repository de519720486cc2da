import { describeDiff, type ModelDiff } from '../../lib/model/diff';

/** A readable diff between two versions, one line per change. */
export function DiffView({ diff }: { diff: ModelDiff }) {
  return (
    <div className="diff" data-testid="diff">
      <h3>
        v{diff.fromVersion} → v{diff.toVersion}
      </h3>
      <ul>
        {describeDiff(diff).map((line, i) => (
          <li key={i} data-testid="diff-line">
            {line}
          </li>
        ))}
      </ul>
    </div>
  );
}
