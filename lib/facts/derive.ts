import { parentIndustry } from './normalise/industries';
import type { CompanyFacts, Fact, FactSource, Signal, StandardFactName } from './vocabulary';

/**
 * Facts that follow from other facts, computed in this one place before scoring (the card pipeline, `icp score`,
 * `icp explain`), so criteria read them like any other fact:
 *
 * - `signals` gains a funding signal dated `lastFundingDate` (unless a funding signal on or after that date is
 *   already there): "raised money in the last 12 months" criteria read signals, lists give a date.
 * - `companyType` is `government` or `nonprofit` when the industry is public administration or a non-profit one
 *   (Salesforce "Government" / "Not For Profit", HubSpot GOVERNMENT_ADMINISTRATION, LinkedIn "Non-profit
 *   Organizations" all land there), so a public-sector hard-no reads one fact whatever the vocabulary.
 * - `industry` is the parent of a known `subIndustry`.
 * - `employeeGrowth6m` from two dated exact headcounts 3-13 months apart (deriveFacts' `headcounts`), scaled to six
 *   months.
 *
 * A value a page, list, CRM or user gave always wins: a derived fact only fills a missing one (signals are added
 * to, never replaced). A derived fact keeps the source kind of the fact it came from, with `derivedFrom` naming the
 * inputs and `detail` saying so in words ("derived from last funding date").
 */

/** The facts each derived fact is computed from: callers that read only some facts (the CSV's slots) read these too. */
export const DERIVATION_INPUTS: Readonly<Partial<Record<StandardFactName, readonly StandardFactName[]>>> = {
  signals: ['lastFundingDate'],
  companyType: ['industry', 'subIndustry'],
  industry: ['subIndustry'],
};

const PUBLIC_SECTOR: Readonly<Record<string, 'government' | 'nonprofit'>> = {
  'Government Administration': 'government',
  'Non-profit Organizations': 'nonprofit',
};

const WORDS: Partial<Record<StandardFactName, string>> = {
  lastFundingDate: 'last funding date',
  industry: 'industry',
  subIndustry: 'sub-industry',
  employees: 'two dated headcounts',
};

interface DerivedValue {
  field: StandardFactName;
  value: unknown;
  from: StandardFactName;
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * The values-level rules, on any way of reading facts (`get` answers undefined for a missing fact). Pure; returns
 * only what to add or fill in. Shared by deriveFacts and deriveSlots so both paths derive the same way.
 */
export function deriveValues(get: (field: StandardFactName) => unknown): DerivedValue[] {
  const out: DerivedValue[] = [];
  const lastFunding = get('lastFundingDate');
  if (typeof lastFunding === 'string') {
    const signals = (get('signals') as Signal[] | undefined) ?? [];
    const date = day(lastFunding);
    if (!signals.some((s) => s.type === 'funding' && day(s.date) >= date))
      out.push({ field: 'signals', value: [...signals, { type: 'funding', date, title: 'Funding round (from last funding date)', from: 'lastFundingDate' }], from: 'lastFundingDate' });
  }
  const sub = get('subIndustry');
  const parent = typeof sub === 'string' ? parentIndustry(sub) : undefined;
  let industry = get('industry');
  if (industry === undefined && parent) {
    out.push({ field: 'industry', value: parent, from: 'subIndustry' });
    industry = parent;
  }
  if (get('companyType') === undefined && typeof industry === 'string' && Object.hasOwn(PUBLIC_SECTOR, industry))
    out.push({ field: 'companyType', value: PUBLIC_SECTOR[industry], from: 'industry' });
  return out;
}

const derivedSource = (from: Fact, inputs: StandardFactName[], base?: FactSource): FactSource => {
  const words = `derived from ${inputs.map((f) => WORDS[f] ?? f).join(' and ')}`;
  if (base) return { ...base, detail: `${base.detail ? `${base.detail}; ` : ''}${words}`.slice(0, 300), derivedFrom: inputs };
  return { kind: from.source.kind, detail: words, ...(from.source.at ? { at: from.source.at } : {}), derivedFrom: inputs };
};

/** Days in six months, for scaling a growth rate measured over another span. */
const SIX_MONTHS_DAYS = 182.625;
const MIN_SPAN_DAYS = 90;
const MAX_SPAN_DAYS = 400;

/**
 * Six-month headcount growth (percent, one decimal) from two dated exact headcounts: the newest and the oldest one
 * 90-400 days before it, compounded to six months. Bands are too coarse to give a rate and are skipped.
 */
export function growthFromHeadcounts(headcounts: readonly Fact[]): { value: number; newest: Fact; oldest: Fact } | undefined {
  const dated = headcounts
    .filter((f) => typeof f.value === 'number' && f.value > 0 && f.source.at && !Number.isNaN(Date.parse(f.source.at)))
    .sort((a, b) => Date.parse(b.source.at!) - Date.parse(a.source.at!));
  const newest = dated[0];
  if (!newest) return undefined;
  const span = (f: Fact) => (Date.parse(newest.source.at!) - Date.parse(f.source.at!)) / 86_400_000;
  const oldest = [...dated].reverse().find((f) => span(f) >= MIN_SPAN_DAYS && span(f) <= MAX_SPAN_DAYS);
  if (!oldest) return undefined;
  const ratio = (newest.value as number) / (oldest.value as number);
  const value = Math.round((ratio ** (SIX_MONTHS_DAYS / span(oldest)) - 1) * 1000) / 10;
  return { value: Math.max(-100, Math.min(10_000, value)), newest, oldest };
}

/**
 * The company's facts with the derived ones added (a new object; the input is not changed). `headcounts`: every
 * employees fact seen for the company (all sources), for the growth rule.
 */
export function deriveFacts(facts: CompanyFacts, options: { headcounts?: readonly Fact[] } = {}): CompanyFacts {
  const out: Record<string, Fact | undefined> = { ...facts };
  const get = (field: StandardFactName) => out[field]?.value;
  for (const d of deriveValues(get)) {
    const from = out[d.from]!;
    const existing = out[d.field];
    out[d.field] = { value: d.value, source: derivedSource(from, [d.from], existing?.source) } as Fact;
  }
  if (out.employeeGrowth6m === undefined && options.headcounts) {
    const growth = growthFromHeadcounts(options.headcounts);
    if (growth) {
      const words = `derived from two dated headcounts (${growth.oldest.value} on ${day(growth.oldest.source.at!)}, ${growth.newest.value} on ${day(growth.newest.source.at!)})`;
      out.employeeGrowth6m = {
        value: growth.value,
        source: { kind: growth.newest.source.kind, detail: words, at: growth.newest.source.at, derivedFrom: ['employees'] },
      };
    }
  }
  return out as CompanyFacts;
}

/**
 * The same rules on a row laid out in engine slots (the CSV fast path): returns a function that fills the slots the
 * model reads. `slotOf` must also hold the DERIVATION_INPUTS of the facts the model reads (see withDerivationInputs).
 * A row with nothing to derive (the common case) costs a few array reads and makes no objects.
 */
export function slotDeriver(slotOf: ReadonlyMap<string, number>): (slots: unknown[]) => void {
  const at = (field: StandardFactName) => slotOf.get(field) ?? -1;
  const [lastFunding, sub, industry, companyType] = [at('lastFundingDate'), at('subIndustry'), at('industry'), at('companyType')];
  const read = (slots: unknown[], slot: number) => (slot === -1 ? undefined : slots[slot]);
  return (slots) => {
    const ind = read(slots, industry);
    const worthDeriving =
      read(slots, lastFunding) !== undefined ||
      (read(slots, sub) !== undefined && ind === undefined) ||
      (typeof ind === 'string' && Object.hasOwn(PUBLIC_SECTOR, ind) && read(slots, companyType) === undefined);
    if (!worthDeriving) return;
    for (const d of deriveValues((field) => read(slots, at(field)))) {
      const slot = at(d.field);
      if (slot !== -1) slots[slot] = d.value;
    }
  };
}

/** A slot map extended with the inputs of the derived facts the model reads (new slots after the model's own). */
export function withDerivationInputs(slotOf: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(slotOf);
  for (const [field, inputs] of Object.entries(DERIVATION_INPUTS))
    if (out.has(field)) for (const input of inputs ?? []) if (!out.has(input)) out.set(input, out.size);
  // An input that is itself derived (industry from subIndustry, read by companyType) brings its inputs too.
  for (const [field, inputs] of Object.entries(DERIVATION_INPUTS))
    if (out.has(field)) for (const input of inputs ?? []) if (!out.has(input)) out.set(input, out.size);
  return out;
}
