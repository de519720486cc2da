import { formatUnknownStages } from '../mapping';
import type { ParsedOutcomes } from './outcomes';

/**
 * The builder's one-line status for an outcomes file. It never reports "0 closed deals" without saying why: no
 * stage read as won or lost, or the file could not be used at all.
 */
export function outcomesStatus(fileName: string, parsed: Pick<ParsedOutcomes, 'rows' | 'records' | 'bad' | 'errors' | 'unknownStages' | 'columns'>): string {
  if (parsed.errors.length) return `${fileName}: ${parsed.rows} rows, not used — ${parsed.errors.length === 1 ? 'the file has a problem' : `${parsed.errors.length} problems`} (below).`;
  const closed = parsed.records.filter((r) => r.stage !== 'open').length;
  const bad = `${parsed.bad.length} bad row${parsed.bad.length === 1 ? '' : 's'} left out`;
  let text = `${fileName}: ${parsed.rows} rows — ${closed} closed deals, ${parsed.records.length - closed} open, ${bad}.`;
  if (closed === 0) {
    const unknown = formatUnknownStages(parsed.unknownStages);
    const column = parsed.columns.stage ? `"${parsed.columns.stage}"` : 'the stage column';
    text += unknown
      ? ` No deal read as won or lost: ${unknown.replace('; use --won/--lost or map them', '')}; say which values are won or lost below.`
      : ` No deal read as won or lost in ${column}: map the stage column below.`;
  }
  return text;
}
