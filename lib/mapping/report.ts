import type { OutcomeColumn } from './aliases';
import type { ColumnMapping, FileMapping } from './map';

/**
 * Saying what the mapping did, before it is used: the column → fact table the CLI prints and the previews show,
 * how many rows each column gave a value, and the whole-file errors (no identity column, no outcome columns).
 */

/** Facts that tell which company a row is about. */
export const IDENTITY_FACTS = ['domain', 'crmId', 'linkedinUrl', 'crunchbaseUrl', 'name'] as const;

const LOOKED_FOR_IDENTITY =
  'a website or domain ("Website", "Domain", "Company Domain Name"), a CRM id ("Record ID", "Account ID", "Id"), ' +
  'a LinkedIn or Crunchbase URL ("Company Linkedin Url", "Organization Name URL") or a company name ("Company Name", "Account Name", "Company")';

const quoteList = (headers: readonly string[]) => headers.map((h) => `"${h}"`).join(', ');

/**
 * One error when no column says which company a row is about (else undefined). `needed` narrows what counts (an
 * account list is matched to pages by domain only).
 */
export function identityError(mapping: FileMapping, needed: readonly string[] = IDENTITY_FACTS): string | undefined {
  if (mapping.columns.some((c) => !c.custom && needed.includes(c.fact))) return undefined;
  const lookedFor = needed.length === IDENTITY_FACTS.length ? LOOKED_FOR_IDENTITY : 'a website or domain column ("Website", "Domain", "Company Domain Name", "company.domain")';
  const people = mapping.people ? ' (a people export: its person columns, such as Name or LinkedIn, do not count)' : '';
  return `no column names the company${people}: looked for ${lookedFor}; headers seen: ${quoteList(mapping.columns.map((c) => c.header))}. Say which column it is: --map "Header=domain" on the command line, or the column's select in the preview.`;
}

const OUTCOME_EXAMPLES: Partial<Record<OutcomeColumn, string>> = {
  stage: '"Deal Stage", "Opportunity Stage", "Stage", "StageName" (or IsWon/IsClosed)',
  closeDate: '"Close Date", "CloseDate", "closedate"',
  initialArr: '"Amount", "Initial ARR", "Annual recurring revenue", "ACV"',
};

/** One error listing the outcome columns the builder needs and did not find, or undefined. */
export function outcomeColumnsError(mapping: FileMapping): string | undefined {
  const has = (o: OutcomeColumn) => mapping.columns.some((c) => c.outcome === o);
  const missing = (['stage', 'closeDate', 'initialArr'] as const).filter((o) => !(o === 'stage' ? has('stage') || has('won') : has(o)));
  if (!missing.length) return undefined;
  const what = missing.map((o) => `${o} (looked for ${OUTCOME_EXAMPLES[o]})`).join('; ');
  return `missing the outcome columns the builder needs: ${what}; headers seen: ${quoteList(mapping.columns.map((c) => c.header))}. Say which columns they are: --map "Header=stage" on the command line, or the column's select in the preview.`;
}

/** Where a column goes, in words: "domain", "stage (outcome)", "custom.person_city (person)". */
export function targetLabel(c: ColumnMapping): string {
  if (c.outcome) return `${c.outcome} (outcome)`;
  const note = c.role === 'person' ? ' (person)' : c.role === 'deal' ? ' (deal)' : c.scale ? ` (×${c.scale})` : '';
  return `${c.fact}${note}`;
}

const NOT_BLANK = /\S/;

/** The fact a problem reason (lib/csv/output.ts problemReason: "rejected employees: …") is about. */
export const rejectedFactOf = (reason: string): string | undefined => /^rejected (\S+):/.exec(reason)?.[1];

/** Counts, per column, the rows that had a value in it. */
export class FilledCounter {
  readonly filled: number[];
  rows = 0;
  /** `decode`: the cells are byte text (see lib/csv/score-stream.ts), whose whitespace beyond ASCII is only seen decoded. */
  constructor(
    width: number,
    private readonly decode: (cell: string) => string = (cell) => cell,
  ) {
    this.filled = new Array<number>(width).fill(0);
  }
  add(cells: readonly string[]) {
    this.rows++;
    const n = Math.min(cells.length, this.filled.length);
    for (let i = 0; i < n; i++) {
      const cell = cells[i];
      // Most cells start with a visible character: no regex for them (this runs for every cell of `icp score`).
      if (cell.length > 0 && (cell.charCodeAt(0) > 32 || NOT_BLANK.test(this.decode(cell)))) this.filled[i]++;
    }
  }
}

/**
 * The mapping as a table for stderr: one line per column, header → target, with the rows it was read from.
 * `rejected` (by fact) are values the normaliser refused.
 */
export function formatMappingTable(mapping: FileMapping, counter?: Pick<FilledCounter, 'filled' | 'rows'>, rejected?: ReadonlyMap<string, number>): string {
  const width = Math.min(40, Math.max(6, ...mapping.columns.map((c) => c.header.length)));
  const lines = mapping.columns.map((c) => {
    const header = c.header.length > width ? `${c.header.slice(0, width - 1)}…` : c.header.padEnd(width);
    let count = '';
    if (counter) {
      count = `  ${counter.filled[c.index]}/${counter.rows} rows`;
      const bad = rejected?.get(c.fact);
      if (bad) count += `, ${bad} not read`;
    }
    return `  ${header} → ${targetLabel(c)}${c.overridden ? ' [mapped by you]' : ''}${count}`;
  });
  const kind = mapping.kind ? ` (looks like: ${mapping.kind})` : '';
  return `column mapping${kind}:\n${lines.join('\n')}\n`;
}

/** Stage values read as neither won, lost nor open, with their counts, most frequent first. */
export function formatUnknownStages(counts: ReadonlyMap<string, number>): string | undefined {
  if (!counts.size) return undefined;
  const list = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = list.slice(0, 10).map(([value, n]) => `${value} ×${n}`);
  if (list.length > 10) shown.push(`… ${list.length - 10} more`);
  return `${shown.join(', ')} not recognised as won or lost (read as open); use --won/--lost or map them`;
}
