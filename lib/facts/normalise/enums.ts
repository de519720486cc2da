import { BUYING_PROCESSES, COMPANY_TYPES, LIFECYCLE_STAGES } from '../vocabulary';
import { parseLocalisedNumber } from './number';
import { cleanText, lookupKey } from './text';

/**
 * The small picklist facts: company type, buying process, lifecycle stage, and six-month headcount growth.
 * Each table maps lookupKey(label) → vocabulary value; vocabulary values map to themselves (idempotence).
 */
type CompanyType = (typeof COMPANY_TYPES)[number];
type BuyingProcess = (typeof BUYING_PROCESSES)[number];
type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

function table<T extends string>(values: readonly T[], aliases: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const v of values) map.set(lookupKey(v), v);
  for (const [alias, v] of Object.entries(aliases)) map.set(lookupKey(alias), v);
  return map;
}

/** LinkedIn's company types (page labels and API enums like PRIVATELY_HELD), Salesforce Ownership, Crunchbase. */
const COMPANY_TYPE = table<CompanyType>(COMPANY_TYPES, {
  'Public Company': 'public',
  'Publicly Held': 'public',
  'Publicly Traded': 'public',
  Listed: 'public',
  'Privately Held': 'private',
  'Private Company': 'private',
  Nonprofit: 'nonprofit',
  'Non-profit': 'nonprofit',
  'Not for profit': 'nonprofit',
  'Nonprofit Organization': 'nonprofit',
  'Non-profit Organization': 'nonprofit',
  Charity: 'nonprofit',
  'Government Agency': 'government',
  'Public Sector': 'government',
  'Educational Institution': 'educational',
  Education: 'educational',
  'Sole Proprietorship': 'self-employed',
  // LinkedIn's "Self-Owned" is a company owned by one person that is not a one-person business: no better slot.
  'Self-Owned': 'other',
  Subsidiary: 'other',
  // LinkedIn in German
  Privatunternehmen: 'private',
  'Börsennotiertes Unternehmen': 'public',
  Selbstständig: 'self-employed',
  Selbständig: 'self-employed',
  Einzelunternehmen: 'self-employed',
  'Gemeinnützige Organisation': 'nonprofit',
  Regierungsbehörde: 'government',
  Bildungseinrichtung: 'educational',
  Personengesellschaft: 'partnership',
  'Im Eigenbesitz': 'other',
  // LinkedIn in Spanish
  'De propiedad privada': 'private',
  'Empresa pública': 'public', // LinkedIn's word for a listed company, not a state-owned one
  'Organización sin ánimo de lucro': 'nonprofit',
  'Organización sin fines de lucro': 'nonprofit',
  'Administración pública': 'government',
  'Institución educativa': 'educational',
  Asociación: 'partnership',
  Autónomo: 'self-employed',
  'Empresa individual': 'self-employed',
  'Empresa propia': 'other',
  // LinkedIn in French ("Société civile/…" is its label for Privately Held)
  'Société civile/Société commerciale/Autres types de sociétés': 'private',
  'Société civile': 'private',
  'Société commerciale': 'private',
  'Entreprise privée': 'private',
  'Entreprise publique': 'public', // LinkedIn's word for a listed company
  'Société cotée en bourse': 'public',
  'Non lucratif': 'nonprofit',
  'Organisation à but non lucratif': 'nonprofit',
  'Administration publique': 'government',
  'Établissement d’enseignement': 'educational',
  'Travailleur indépendant': 'self-employed',
  'Entreprise individuelle': 'self-employed',
  Partenariat: 'partnership',
  'Auto-détenue': 'other',
});

const BUYING_PROCESS = table<BuyingProcess>(BUYING_PROCESSES, {
  Champion: 'champion-led',
  'Champion driven': 'champion-led',
  'Single decision maker': 'champion-led',
  'Buying committee': 'committee',
  'Committee led': 'committee',
  Consensus: 'committee',
  Founder: 'founder-led',
  'CEO led': 'founder-led',
  'Owner led': 'founder-led',
  'Procurement led': 'procurement',
  RFP: 'procurement',
  Tender: 'procurement',
  'Formal procurement': 'procurement',
});

/**
 * HubSpot's internal lifecycle values ("marketingqualifiedlead") and their labels, and Salesforce's standard
 * Account `Type` picklist (English and German UI). A Salesforce partner is a relationship, not a sales stage:
 * "other".
 */
const LIFECYCLE_STAGE = table<LifecycleStage>(LIFECYCLE_STAGES, {
  marketingqualifiedlead: 'mql',
  'Marketing Qualified Lead': 'mql',
  salesqualifiedlead: 'sql',
  'Sales Qualified Lead': 'sql',
  Opp: 'opportunity',
  'Former customer': 'churned',
  Churn: 'churned',
  // Salesforce Account Type
  'Customer - Direct': 'customer',
  'Customer - Channel': 'customer',
  Prospect: 'lead',
  'Channel Partner / Reseller': 'other',
  'Installation Partner': 'other',
  'Technology Partner': 'other',
  // Salesforce Account Type, German UI
  'Kunde - Direkt': 'customer',
  'Kunde - Kanal': 'customer',
  Interessent: 'lead',
  'Vertriebspartner / Wiederverkäufer': 'other',
  'Installationspartner': 'other',
  Technologiepartner: 'other',
  Sonstige: 'other',
  Andere: 'other',
});

function pick<T>(map: Map<string, T>, input: unknown): T | undefined {
  if (typeof input !== 'string' || input.length > 200) return undefined;
  return map.get(lookupKey(input));
}

export const parseCompanyType = (input: unknown): CompanyType | undefined => pick(COMPANY_TYPE, input);
export const parseBuyingProcess = (input: unknown): BuyingProcess | undefined => pick(BUYING_PROCESS, input);
export const parseLifecycleStage = (input: unknown): LifecycleStage | undefined => pick(LIFECYCLE_STAGE, input);

/** Six-month headcount growth in percent: "12%", "+12 %", "-3.5%", 12 → 12. */
export function parseGrowthPercent(input: unknown, locale?: string): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const text = cleanText(input).replace(/\s*%$/, '').replace(/\s+/g, '');
  if (!/^[+\-−]?\d[\d.,]*$/.test(text)) return undefined;
  const sign = /^[-−]/.test(text) ? -1 : 1;
  // Parse the digits only, so the locale rules for "3,5" apply the same to "+3,5" and "-3,5".
  const digits = text.replace(/^[+\-−]/, '');
  const n = parseLocalisedNumber(digits, locale);
  return n === undefined ? undefined : sign * n;
}
