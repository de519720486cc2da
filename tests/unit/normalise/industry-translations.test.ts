import { describe, expect, it } from 'vitest';
import { CANONICAL_INDUSTRIES, isCanonicalSubIndustry } from '../../../lib/facts/normalise/industries';
import { normaliseIndustry, normaliseIndustryFromCategories } from '../../../lib/facts/normalise/industry';
import {
  LINKEDIN_INDUSTRY_TRANSLATIONS,
  SALESFORCE_INDUSTRY_TRANSLATIONS,
  type IndustryTranslation,
} from '../../../lib/facts/normalise/industry-translations';

const SD = 'Software Development';
const IT = 'IT Services and IT Consulting';
const FS = 'Financial Services';
const HC = 'Hospitals and Health Care';
const MFG = 'Manufacturing';
const PS = 'Professional Services';
const ADM = 'Administrative and Support Services';
const TRA = 'Transportation, Logistics, Supply Chain and Storage';
const MED = 'Media and Entertainment';

const expectIndustry = (raw: string, industry: string, subIndustry?: string) =>
  expect(normaliseIndustry(raw), raw).toEqual(subIndustry ? { industry, subIndustry } : { industry });

const localised = (row: IndustryTranslation) => [...(row.de ?? []), ...(row.fr ?? []), ...(row.es ?? [])];

describe('localised LinkedIn industry names', () => {
  it.each<[string, string, string | undefined]>([
    // the fixtures' labels
    ['Softwareentwicklung', SD, undefined],
    ['Servicios de publicidad', PS, 'Advertising Services'],
    ['Fabrication de meubles', MFG, 'Furniture and Home Furnishings Manufacturing'],
    // German
    ['IT-Dienstleistungen und IT-Beratung', IT, undefined],
    ['Finanzdienstleistungen', FS, undefined],
    ['Bankwesen', FS, 'Banking'],
    ['Versicherungen', FS, 'Insurance'],
    ['Krankenhäuser und Gesundheitswesen', HC, undefined],
    ['Krankenhäuser', HC, 'Hospitals'],
    ['Maschinenbau', MFG, 'Machinery Manufacturing'],
    ['Kraftfahrzeugherstellung', MFG, 'Motor Vehicle Manufacturing'],
    ['Einzelhandel', 'Retail', undefined],
    ['Werbedienstleistungen', PS, 'Advertising Services'],
    ['Personalbeschaffung', ADM, 'Staffing and Recruiting'],
    ['Unternehmensberatung', PS, 'Business Consulting and Services'],
    ['Hochschulbildung', 'Education', 'Higher Education'],
    ['Immobilien', 'Real Estate', undefined],
    ['Fracht- und Pakettransport', TRA, 'Freight and Package Transportation'],
    ['Telekommunikation', 'Telecommunications', undefined],
    ['Buch- und Zeitschriftenverlage', MED, 'Book and Periodical Publishing'],
    // French
    ['Développement de logiciels', SD, undefined],
    ['Services et conseil en informatique', IT, undefined],
    ['Banques', FS, 'Banking'],
    ['Assurances', FS, 'Insurance'],
    ['Hôpitaux et services de santé', HC, undefined],
    ['Fabrication de produits pharmaceutiques', MFG, 'Pharmaceutical Manufacturing'],
    ['Commerce de détail', 'Retail', undefined],
    ['Services de publicité', PS, 'Advertising Services'],
    ['Enseignement supérieur', 'Education', 'Higher Education'],
    ['Transport, logistique, chaîne logistique et stockage', TRA, undefined],
    ['Génie civil', 'Construction', 'Civil Engineering'],
    ['Sécurité informatique et des réseaux', IT, 'Computer and Network Security'],
    // Spanish
    ['Desarrollo de software', SD, undefined],
    ['Servicios y consultoría de TI', IT, undefined],
    ['Servicios financieros', FS, undefined],
    ['Banca', FS, 'Banking'],
    ['Seguros', FS, 'Insurance'],
    ['Hospitales y atención sanitaria', HC, undefined],
    ['Fabricación de maquinaria industrial', MFG, 'Industrial Machinery Manufacturing'],
    ['Venta al por menor', 'Retail', undefined],
    ['Servicios de empleo', ADM, 'Staffing and Recruiting'],
    ['Educación', 'Education', undefined],
    ['Telecomunicaciones', 'Telecommunications', undefined],
    ['Transporte de mercancías y paquetería', TRA, 'Freight and Package Transportation'],
    // case, accents and punctuation do not matter
    ['SOFTWAREENTWICKLUNG', SD, undefined],
    ['Developpement de logiciels', SD, undefined],
    ["Fabrication d'équipements médicaux", MFG, 'Medical Equipment Manufacturing'],
  ])('%j → %s / %s', (raw, industry, subIndustry) => {
    expectIndustry(raw, industry, subIndustry);
  });

  it('translates every top-level industry into German, French and Spanish', () => {
    for (const industry of CANONICAL_INDUSTRIES) {
      const row = LINKEDIN_INDUSTRY_TRANSLATIONS.find((r) => r.en === industry);
      expect(row, industry).toBeDefined();
      for (const lang of ['de', 'fr', 'es'] as const) expect(row![lang]?.length, `${industry} ${lang}`).toBeGreaterThan(0);
    }
  });

  it('translates at least 60 sub-industries, each into all three languages', () => {
    const subRows = LINKEDIN_INDUSTRY_TRANSLATIONS.filter((r) => normaliseIndustry(r.en)?.subIndustry);
    expect(subRows.length).toBeGreaterThanOrEqual(60);
    for (const row of subRows) for (const lang of ['de', 'fr', 'es'] as const) expect(row[lang]?.length, `${row.en} ${lang}`).toBeGreaterThan(0);
  });

  // Catches both table bugs: an `en` the English tables do not know, and a localised label that collides with
  // another label meaning something else (the first one added would win silently).
  it.each([
    ['linkedin', LINKEDIN_INDUSTRY_TRANSLATIONS],
    ['salesforce', SALESFORCE_INDUSTRY_TRANSLATIONS],
  ] as const)('every %s translation lands exactly where its English label does', (_table, rows) => {
    for (const row of rows) {
      const english = normaliseIndustry(row.en);
      expect(english, row.en).toBeDefined();
      if (english?.subIndustry) expect(isCanonicalSubIndustry(english.subIndustry)).toBe(true);
      for (const label of localised(row)) expect(normaliseIndustry(label), `${label} (${row.en})`).toEqual(english);
    }
  });
});

describe('Salesforce Industry picklist in German', () => {
  /** The whole standard picklist: German label → English value. "Other" is left out on purpose. */
  const PICKLIST: Array<[string, string]> = [
    ['Landwirtschaft', 'Agriculture'],
    ['Bekleidung', 'Apparel'],
    ['Bankwesen', 'Banking'],
    ['Biotechnologie', 'Biotechnology'],
    ['Chemie', 'Chemicals'],
    ['Kommunikation', 'Communications'],
    ['Bauwesen', 'Construction'],
    ['Beratung', 'Consulting'],
    ['Bildung', 'Education'],
    ['Elektronik', 'Electronics'],
    ['Energie', 'Energy'],
    ['Ingenieurwesen', 'Engineering'],
    ['Unterhaltung', 'Entertainment'],
    ['Umwelt', 'Environmental'],
    ['Finanzen', 'Finance'],
    ['Nahrungsmittel und Getränke', 'Food & Beverage'],
    ['Behörden', 'Government'],
    ['Gesundheitswesen', 'Healthcare'],
    ['Gastgewerbe', 'Hospitality'],
    ['Versicherungen', 'Insurance'],
    ['Maschinenbau', 'Machinery'],
    ['Fertigung', 'Manufacturing'],
    ['Medien', 'Media'],
    ['Gemeinnützig', 'Not For Profit'],
    ['Freizeit', 'Recreation'],
    ['Einzelhandel', 'Retail'],
    ['Versand', 'Shipping'],
    ['Technologie', 'Technology'],
    ['Telekommunikation', 'Telecommunications'],
    ['Transport', 'Transportation'],
    ['Versorgungsunternehmen', 'Utilities'],
  ];

  it.each(PICKLIST)('%j reads like %j', (german, english) => {
    const found = normaliseIndustry(german, 'salesforce');
    expect(found).toBeDefined();
    expect(found).toEqual(normaliseIndustry(english, 'salesforce'));
  });

  it('reads the german-ui fixture’s "Maschinenbau" as Machinery Manufacturing', () => {
    expectIndustry('Maschinenbau', MFG, 'Machinery Manufacturing');
  });

  it('leaves "Sonstige" (Other) unknown', () => {
    expect(normaliseIndustry('Sonstige')).toBeUndefined();
  });
});

describe('Crunchbase logistics and transport categories', () => {
  it.each<[string, string, string | undefined]>([
    ['Freight Service', TRA, 'Freight and Package Transportation'],
    ['Delivery Service', TRA, 'Freight and Package Transportation'],
    ['Courier Service', TRA, 'Freight and Package Transportation'],
    ['Last Mile Transportation', TRA, 'Freight and Package Transportation'],
    ['Shipping', TRA, 'Freight and Package Transportation'],
    ['Trucking', TRA, 'Truck Transportation'],
    ['Railroad', TRA, 'Rail Transportation'],
    ['Marine Transportation', TRA, 'Maritime Transportation'],
    ['Air Transportation', TRA, 'Airlines and Aviation'],
    ['Warehousing', TRA, 'Warehousing and Storage'],
    ['Ride Sharing', TRA, 'Ground Passenger Transportation'],
    ['Public Transportation', TRA, 'Ground Passenger Transportation'],
    ['Fleet Management', TRA, undefined],
    ['Logistics', TRA, undefined],
    ['Transportation', TRA, undefined],
    ['Packaging Services', MFG, 'Packaging and Containers Manufacturing'],
  ])('%j → %s / %s', (raw, industry, subIndustry) => {
    expectIndustry(raw, industry, subIndustry);
  });

  it('picks the freight sub-industry from the legacy-dom fixture’s categories', () => {
    expect(normaliseIndustryFromCategories(['Logistics', 'Freight Service', 'Transportation'])).toEqual({
      industry: TRA,
      subIndustry: 'Freight and Package Transportation',
    });
  });
});
