/**
 * Header mapping for outcome and prospect CSVs. CRM exports name the same column many ways ("Opportunity Stage",
 * "Stage", "Stage Name"); headers are matched case-insensitively, ignoring "-", "_" and extra spaces, and the
 * caller can override any column by naming the header to use.
 */

/** Our columns, each with the headers that mean it, most specific first ("Initial ARR" beats "Amount"). */
export const COLUMN_ALIASES = {
  accountId: ['account id', 'accountid', 'company id', 'salesforce account id', 'sfdc account id', 'hubspot company id', 'record id company'],
  name: ['account name', 'account', 'company name', 'company', 'name'],
  domain: ['website', 'domain', 'company domain', 'web site', 'url'],
  industry: ['industry', 'sector'],
  subIndustry: ['sub industry', 'subindustry', 'vertical'],
  employees: ['number of employees', 'employees', 'employee count', 'company size', 'headcount'],
  country: ['billing country', 'country', 'hq country', 'billing country code', 'country code'],
  technologies: ['technologies', 'tech stack', 'technology'],
  stage: ['opportunity stage', 'stage', 'stage name', 'deal stage', 'outcome'],
  closeDate: ['close date', 'closed date', 'closedate'],
  initialArr: ['initial arr', 'amount', 'opportunity amount', 'arr', 'close value', 'deal value'],
  currentArr: ['current arr'],
  churnDate: ['churn date', 'churned date', 'churned on'],
  grossMargin: ['gross margin', 'margin'],
  costToServe: ['cost to serve'],
} as const;

export type Column = keyof typeof COLUMN_ALIASES;
export const COLUMNS = Object.keys(COLUMN_ALIASES) as Column[];

/** Caller overrides: our column → the header in the file. */
export type ColumnMapping = Partial<Record<Column, string>>;

/** Our column → index of the header in the file. */
export type ResolvedColumns = Partial<Record<Column, number>>;

export const headerKey = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Finds each column's header. An override that names a header the file lacks is an error (a typo should not
 * silently fall back to a guess). A header is used for one column at most.
 */
export function resolveColumns(headers: readonly string[], mapping: ColumnMapping = {}): { columns: ResolvedColumns; errors: string[] } {
  const keys = headers.map(headerKey);
  const columns: ResolvedColumns = {};
  const errors: string[] = [];
  const taken = new Set<number>();
  for (const column of COLUMNS) {
    const override = mapping[column];
    if (override === undefined) continue;
    const index = keys.indexOf(headerKey(override));
    if (index === -1) errors.push(`column "${override}" (for ${column}) is not in the file; headers: ${headers.join(', ')}`);
    else {
      columns[column] = index;
      taken.add(index);
    }
  }
  for (const column of COLUMNS) {
    if (mapping[column] !== undefined) continue;
    for (const alias of COLUMN_ALIASES[column]) {
      const index = keys.indexOf(alias);
      if (index !== -1 && !taken.has(index)) {
        columns[column] = index;
        taken.add(index);
        break;
      }
    }
  }
  return { columns, errors };
}
