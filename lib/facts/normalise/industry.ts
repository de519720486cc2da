import type { RawOrigin } from '../raw';
import { INDUSTRIES, parentIndustry } from './industries';
import { LINKEDIN_V2_BY_ROOT } from './industry-vocabularies';
import { LINKEDIN_INDUSTRY_TRANSLATIONS, SALESFORCE_INDUSTRY_TRANSLATIONS, type IndustryTranslation } from './industry-translations';
import { lookupKey } from './text';

/**
 * Industry labels from every edge → the canonical taxonomy in industries.ts. Keys go through lookupKey, which
 * ignores case, accents, punctuation and "&" vs "and". That one rule also reads HubSpot's industry enum
 * (COMPUTER_SOFTWARE, HOSPITAL_HEALTH_CARE…): it is LinkedIn's old ("V1") list in SCREAMING_SNAKE_CASE, so
 * "FOOD_BEVERAGES" and "Food & Beverages" give the same key, and the V1 table below covers both.
 */
export interface NormalisedIndustry {
  industry: string;
  subIndustry?: string;
}

/** [industry, sub-industry?] */
type Target = readonly [industry: string, subIndustry?: string];

const SD = 'Software Development';
const IT = 'IT Services and IT Consulting';
const TII = 'Technology, Information and Internet';
const TEL = 'Telecommunications';
const MED = 'Media and Entertainment';
const FS = 'Financial Services';
const HC = 'Hospitals and Health Care';
const MFG = 'Manufacturing';
const RET = 'Retail';
const WHO = 'Wholesale';
const EDU = 'Education';
const GOV = 'Government Administration';
const PS = 'Professional Services';
const ADM = 'Administrative and Support Services';
const RE = 'Real Estate';
const CON = 'Construction';
const TRA = 'Transportation, Logistics, Supply Chain and Storage';
const UTL = 'Utilities';
const OGM = 'Oil, Gas, and Mining';
const ACC = 'Accommodation Services';
const CS = 'Consumer Services';
const FRM = 'Farming, Ranching, Forestry';
const NPO = 'Non-profit Organizations';

/** LinkedIn's V1 industries (2010-2022; HubSpot's enum mirrors them) → canonical, following LinkedIn's own V1→V2 map. */
const LINKEDIN_V1: Readonly<Record<string, Target>> = {
  Accounting: [PS, 'Accounting'],
  'Airlines/Aviation': [TRA, 'Airlines and Aviation'],
  'Alternative Dispute Resolution': [PS, 'Alternative Dispute Resolution'],
  'Alternative Medicine': [HC, 'Alternative Medicine'],
  Animation: [MED, 'Animation and Post-production'],
  'Apparel & Fashion': [RET, 'Retail Apparel and Fashion'],
  'Architecture & Planning': [PS, 'Architecture and Planning'],
  'Arts & Crafts': [RET, 'Retail Art Supplies'],
  Automotive: [MFG, 'Motor Vehicle Manufacturing'],
  'Aviation & Aerospace': [MFG, 'Aviation and Aerospace Component Manufacturing'],
  Banking: [FS, 'Banking'],
  Biotechnology: [PS, 'Biotechnology Research'],
  'Broadcast Media': [MED, 'Broadcast Media Production and Distribution'],
  'Building Materials': [WHO, 'Wholesale Building Materials'],
  'Business Supplies & Equipment': [RET, 'Retail Office Equipment'],
  'Capital Markets': [FS, 'Capital Markets'],
  Chemicals: [MFG, 'Chemical Manufacturing'],
  'Civic & Social Organization': [NPO, 'Civic and Social Organizations'],
  'Civil Engineering': [CON, 'Civil Engineering'],
  'Commercial Real Estate': [RE, 'Leasing Non-residential Real Estate'],
  'Computer & Network Security': [IT, 'Computer and Network Security'],
  'Computer Games': [SD, 'Computer Games'],
  'Computer Hardware': [MFG, 'Computer Hardware Manufacturing'],
  'Computer Networking': [MFG, 'Computer Networking Products'],
  'Computer Software': [SD],
  Construction: [CON],
  'Consumer Electronics': [MFG, 'Appliances, Electrical, and Electronics Manufacturing'],
  'Consumer Goods': [MFG],
  'Consumer Services': [CS],
  Cosmetics: [MFG, 'Personal Care Product Manufacturing'],
  Dairy: [MFG, 'Dairy Product Manufacturing'],
  'Defense & Space': [MFG, 'Defense and Space Manufacturing'],
  Design: [PS, 'Design Services'],
  'E-Learning': [EDU, 'E-Learning Providers'],
  'Education Management': [EDU, 'Education Administration Programs'],
  'Electrical/Electronic Manufacturing': [MFG, 'Appliances, Electrical, and Electronics Manufacturing'],
  Entertainment: [MED],
  'Environmental Services': [PS, 'Environmental Services'],
  'Events Services': [ADM, 'Events Services'],
  'Executive Office': [GOV, 'Executive Offices'],
  'Facilities Services': [ADM, 'Facilities Services'],
  Farming: [FRM, 'Farming'],
  'Financial Services': [FS],
  'Fine Art': [MED, 'Artists and Writers'],
  Fishery: [FRM, 'Fisheries'],
  'Food & Beverages': [ACC, 'Food and Beverage Services'],
  'Food Production': [MFG, 'Food and Beverage Manufacturing'],
  'Fund-Raising': [NPO, 'Philanthropic Fundraising Services'],
  Furniture: [MFG, 'Furniture and Home Furnishings Manufacturing'],
  'Gambling & Casinos': [MED, 'Gambling Facilities and Casinos'],
  'Glass, Ceramics & Concrete': [MFG, 'Glass, Ceramics and Concrete Manufacturing'],
  'Government Administration': [GOV],
  'Government Relations': [PS, 'Government Relations Services'],
  'Graphic Design': [PS, 'Graphic Design'],
  'Health, Wellness & Fitness': [HC, 'Wellness and Fitness Services'],
  'Higher Education': [EDU, 'Higher Education'],
  'Hospital & Health Care': [HC],
  Hospitality: [ACC, 'Hospitality'],
  'Human Resources': [PS, 'Human Resources Services'],
  'Import & Export': [WHO, 'Wholesale Import and Export'],
  'Individual & Family Services': [HC, 'Individual and Family Services'],
  'Industrial Automation': [MFG, 'Automation Machinery Manufacturing'],
  'Information Services': [TII, 'Information Services'],
  'Information Technology & Services': [IT],
  Insurance: [FS, 'Insurance'],
  'International Affairs': [GOV, 'International Affairs'],
  'International Trade & Development': [GOV, 'International Trade and Development'],
  Internet: [TII],
  'Investment Banking': [FS, 'Investment Banking'],
  'Investment Management': [FS, 'Investment Management'],
  Judiciary: [GOV, 'Administration of Justice'],
  'Law Enforcement': [GOV, 'Law Enforcement'],
  'Law Practice': [PS, 'Law Practice'],
  'Legal Services': [PS, 'Legal Services'],
  'Legislative Office': [GOV, 'Legislative Offices'],
  'Leisure, Travel & Tourism': [ADM, 'Travel Arrangements'],
  Libraries: [NPO, 'Libraries'],
  'Logistics & Supply Chain': [TRA],
  'Luxury Goods & Jewelry': [RET, 'Retail Luxury Goods and Jewelry'],
  Machinery: [MFG, 'Machinery Manufacturing'],
  'Management Consulting': [PS, 'Business Consulting and Services'],
  Maritime: [TRA, 'Maritime Transportation'],
  'Market Research': [PS, 'Market Research'],
  'Marketing & Advertising': [PS, 'Advertising Services'],
  'Mechanical or Industrial Engineering': [MFG, 'Industrial Machinery Manufacturing'],
  'Media Production': [MED, 'Media Production'],
  'Medical Devices': [MFG, 'Medical Equipment Manufacturing'],
  'Medical Practice': [HC, 'Medical Practices'],
  'Mental Health Care': [HC, 'Mental Health Care'],
  Military: [GOV, 'Armed Forces'],
  'Mining & Metals': [OGM, 'Mining'],
  'Mobile Games': [SD, 'Mobile Gaming Apps'],
  'Motion Pictures & Film': [MED, 'Movies, Videos, and Sound'],
  'Museums & Institutions': [MED, 'Museums, Historical Sites, and Zoos'],
  Music: [MED, 'Musicians'],
  Nanotechnology: [PS, 'Nanotechnology Research'],
  Newspapers: [MED, 'Newspaper Publishing'],
  'Non-Profit Organization Management': [NPO],
  'Oil & Energy': [OGM, 'Oil and Gas'],
  'Online Media': [MED, 'Online Audio and Video Media'],
  'Outsourcing/Offshoring': [ADM, 'Outsourcing and Offshoring Consulting'],
  'Package/Freight Delivery': [TRA, 'Freight and Package Transportation'],
  'Packaging & Containers': [MFG, 'Packaging and Containers Manufacturing'],
  'Paper & Forest Products': [MFG, 'Paper and Forest Product Manufacturing'],
  'Performing Arts': [MED, 'Performing Arts'],
  Pharmaceuticals: [MFG, 'Pharmaceutical Manufacturing'],
  Philanthropy: [NPO, 'Philanthropic Fundraising Services'],
  Photography: [PS, 'Photography'],
  Plastics: [MFG, 'Plastics Manufacturing'],
  'Political Organization': [NPO, 'Political Organizations'],
  'Primary/Secondary Education': [EDU, 'Primary and Secondary Education'],
  Printing: [MFG, 'Printing Services'],
  'Professional Training & Coaching': [EDU, 'Professional Training and Coaching'],
  'Program Development': [SD],
  'Public Policy': [GOV, 'Public Policy Offices'],
  'Public Relations & Communications': [PS, 'Public Relations and Communications Services'],
  'Public Safety': [GOV, 'Public Safety'],
  Publishing: [MED, 'Book and Periodical Publishing'],
  'Railroad Manufacture': [MFG, 'Railroad Equipment Manufacturing'],
  Ranching: [FRM, 'Ranching'],
  'Real Estate': [RE],
  'Recreational Facilities & Services': [MED, 'Recreational Facilities'],
  'Religious Institutions': [NPO, 'Religious Institutions'],
  'Renewables & Environment': [UTL, 'Renewable Energy Power Generation'],
  Research: [PS, 'Research Services'],
  Restaurants: [ACC, 'Restaurants'],
  Retail: [RET],
  'Security & Investigations': [ADM, 'Security and Investigations'],
  Semiconductors: [MFG, 'Semiconductor Manufacturing'],
  Shipbuilding: [MFG, 'Shipbuilding'],
  'Sporting Goods': [MFG, 'Sporting Goods Manufacturing'],
  Sports: [MED, 'Spectator Sports'],
  'Staffing & Recruiting': [ADM, 'Staffing and Recruiting'],
  Supermarkets: [RET, 'Retail Groceries'],
  Telecommunications: [TEL],
  Textiles: [MFG, 'Textile Manufacturing'],
  'Think Tanks': [PS, 'Think Tanks'],
  Tobacco: [MFG, 'Tobacco Manufacturing'],
  'Translation & Localization': [PS, 'Translation and Localization'],
  'Transportation/Trucking/Railroad': [TRA, 'Truck Transportation'],
  Utilities: [UTL],
  'Venture Capital & Private Equity': [FS, 'Venture Capital and Private Equity Principals'],
  Veterinary: [PS, 'Veterinary Services'],
  Warehousing: [TRA, 'Warehousing and Storage'],
  Wholesale: [WHO],
  'Wine & Spirits': [MFG, 'Beverage Manufacturing'],
  Wireless: [TEL, 'Wireless Services'],
  'Writing & Editing': [PS, 'Writing and Editing'],
};

/** Salesforce's standard Account Industry picklist. "Other" names no industry and stays unknown. */
const SALESFORCE: Readonly<Record<string, Target>> = {
  Agriculture: [FRM],
  Apparel: [RET, 'Retail Apparel and Fashion'],
  Banking: [FS, 'Banking'],
  Biotechnology: [PS, 'Biotechnology Research'],
  Chemicals: [MFG, 'Chemical Manufacturing'],
  Communications: [TEL],
  Construction: [CON],
  Consulting: [PS, 'Business Consulting and Services'],
  Education: [EDU],
  Electronics: [MFG, 'Appliances, Electrical, and Electronics Manufacturing'],
  Energy: [UTL],
  Engineering: [PS, 'Engineering Services'],
  Entertainment: [MED],
  Environmental: [PS, 'Environmental Services'],
  Finance: [FS],
  'Food & Beverage': [ACC, 'Food and Beverage Services'],
  Government: [GOV],
  Healthcare: [HC],
  Hospitality: [ACC, 'Hospitality'],
  Insurance: [FS, 'Insurance'],
  Machinery: [MFG, 'Machinery Manufacturing'],
  Manufacturing: [MFG],
  Media: [MED],
  'Not For Profit': [NPO],
  Recreation: [MED, 'Recreational Facilities'],
  Retail: [RET],
  Shipping: [TRA, 'Freight and Package Transportation'],
  Technology: [TII],
  Telecommunications: [TEL],
  Transportation: [TRA],
  Utilities: [UTL],
};

/**
 * Crunchbase categories (and common shorthands). `generic` marks labels too broad to choose an industry when a
 * company has other categories ("Software" next to "FinTech").
 */
const CRUNCHBASE: Readonly<Record<string, Target | { to: Target; generic: true }>> = {
  SaaS: [SD, 'SaaS'],
  Software: { to: [SD], generic: true },
  'Enterprise Software': { to: [SD], generic: true },
  'Information Technology': { to: [IT], generic: true },
  Internet: { to: [TII], generic: true },
  Apps: { to: [SD, 'Mobile Applications'], generic: true },
  'Mobile Apps': [SD, 'Mobile Applications'],
  'Artificial Intelligence': [SD, 'Artificial Intelligence'],
  'Artificial Intelligence (AI)': [SD, 'Artificial Intelligence'],
  AI: [SD, 'Artificial Intelligence'],
  'Machine Learning': [SD, 'Artificial Intelligence'],
  'Generative AI': [SD, 'Artificial Intelligence'],
  Analytics: [SD, 'Data Infrastructure and Analytics'],
  'Big Data': [SD, 'Data Infrastructure and Analytics'],
  'Data Integration': [SD, 'Data Infrastructure and Analytics'],
  Database: [SD, 'Data Infrastructure and Analytics'],
  'Business Intelligence': [SD, 'Business Intelligence Platforms'],
  'Data Visualization': [SD, 'Business Intelligence Platforms'],
  'Developer Tools': [SD, 'Developer Tools'],
  'Developer APIs': [SD, 'Developer Tools'],
  'Developer Platform': [SD, 'Developer Tools'],
  'Open Source': [SD, 'Developer Tools'],
  'Video Games': [SD, 'Computer Games'],
  Gaming: [SD, 'Computer Games'],
  'PC Games': [SD, 'Computer Games'],
  'Cloud Computing': [IT, 'Cloud Computing Services'],
  'Cloud Infrastructure': [IT, 'Cloud Computing Services'],
  'Cyber Security': [IT, 'Computer and Network Security'],
  Cybersecurity: [IT, 'Computer and Network Security'],
  'Network Security': [IT, 'Computer and Network Security'],
  'Cloud Security': [IT, 'Computer and Network Security'],
  'Identity Management': [IT, 'Computer and Network Security'],
  Marketplace: [TII, 'Internet Marketplace Platforms'],
  'Social Network': [TII, 'Social Networking Platforms'],
  'Social Media': [TII, 'Social Networking Platforms'],
  Blockchain: [TII, 'Blockchain Services'],
  Cryptocurrency: [TII, 'Blockchain Services'],
  Web3: [TII, 'Blockchain Services'],
  'Media and Entertainment': [MED],
  'Video Streaming': [MED, 'Online Audio and Video Media'],
  Video: [MED, 'Online Audio and Video Media'],
  Podcast: [MED, 'Online Audio and Video Media'],
  News: [MED, 'Newspaper Publishing'],
  'Film Production': [MED, 'Movies, Videos, and Sound'],
  FinTech: [FS],
  Finance: [FS],
  Lending: [FS, 'Loan Brokers'],
  'Credit Union': [FS, 'Credit Unions'],
  InsurTech: [FS, 'Insurance'],
  Payments: [FS, 'Payments'],
  'Mobile Payments': [FS, 'Payments'],
  'Wealth Management': [FS, 'Investment Management'],
  'Asset Management': [FS, 'Investment Management'],
  'Venture Capital': [FS, 'Venture Capital and Private Equity Principals'],
  'Private Equity': [FS, 'Venture Capital and Private Equity Principals'],
  'Stock Exchanges': [FS, 'Capital Markets'],
  Trading: [FS, 'Capital Markets'],
  'Health Care': [HC],
  'Health Care IT': [HC],
  Hospital: [HC, 'Hospitals'],
  Medical: [HC],
  'Health Diagnostics': [HC, 'Medical and Diagnostic Laboratories'],
  'Mental Health': [HC, 'Mental Health Care'],
  Wellness: [HC, 'Wellness and Fitness Services'],
  Fitness: [HC, 'Wellness and Fitness Services'],
  'Home Health Care': [HC, 'Home Health Care Services'],
  'Elder Care': [HC, 'Nursing Homes and Residential Care Facilities'],
  'Medical Device': [MFG, 'Medical Equipment Manufacturing'],
  'Life Science': [PS, 'Biotechnology Research'],
  Pharmaceutical: [MFG, 'Pharmaceutical Manufacturing'],
  'E-Commerce': [RET, 'Online and Mail Order Retail'],
  Fashion: [RET, 'Retail Apparel and Fashion'],
  Grocery: [RET, 'Retail Groceries'],
  EdTech: [EDU, 'E-Learning Providers'],
  'Corporate Training': [EDU, 'Professional Training and Coaching'],
  PropTech: [RE],
  'Property Management': [RE, 'Leasing Residential Real Estate'],
  Marketing: [PS, 'Marketing Services'],
  'Digital Marketing': [PS, 'Marketing Services'],
  Advertising: [PS, 'Advertising Services'],
  AdTech: [PS, 'Advertising Services'],
  Legal: [PS, 'Legal Services'],
  'Legal Tech': [PS, 'Legal Services'],
  'Staffing Agency': [ADM, 'Staffing and Recruiting'],
  Recruiting: [ADM, 'Staffing and Recruiting'],
  Hardware: [MFG, 'Computer Hardware Manufacturing'],
  Semiconductor: [MFG, 'Semiconductor Manufacturing'],
  Aerospace: [MFG, 'Aviation and Aerospace Component Manufacturing'],
  Robotics: [MFG, 'Automation Machinery Manufacturing'],
  'Food and Beverage': [MFG, 'Food and Beverage Manufacturing'],
  Travel: [ADM, 'Travel Arrangements'],
  Logistics: [TRA],
  'Supply Chain Management': [TRA],
  // "Transportation", "Shipping" and "Warehousing" are Crunchbase categories too; the tables above read them.
  Delivery: [TRA, 'Freight and Package Transportation'],
  'Freight Service': [TRA, 'Freight and Package Transportation'],
  'Delivery Service': [TRA, 'Freight and Package Transportation'],
  'Courier Service': [TRA, 'Freight and Package Transportation'],
  'Last Mile Transportation': [TRA, 'Freight and Package Transportation'],
  'Same Day Delivery': [TRA, 'Freight and Package Transportation'],
  'Shipping Broker': [TRA, 'Freight and Package Transportation'],
  Trucking: [TRA, 'Truck Transportation'],
  'Fleet Management': [TRA],
  Railroad: [TRA, 'Rail Transportation'],
  'Marine Transportation': [TRA, 'Maritime Transportation'],
  'Air Transportation': [TRA, 'Airlines and Aviation'],
  'Ride Sharing': [TRA, 'Ground Passenger Transportation'],
  'Public Transportation': [TRA, 'Ground Passenger Transportation'],
  'Limousine Service': [TRA, 'Ground Passenger Transportation'],
  'Packaging Services': [MFG, 'Packaging and Containers Manufacturing'],
  'Electric Vehicle': [MFG, 'Motor Vehicle Manufacturing'],
  'Renewable Energy': [UTL, 'Renewable Energy Power Generation'],
  'Clean Energy': [UTL, 'Renewable Energy Power Generation'],
  Solar: [UTL, 'Renewable Energy Power Generation'],
  'Oil and Gas': [OGM, 'Oil and Gas'],
  AgTech: [FRM],
  GovTech: [GOV],
  'Non Profit': [NPO],
  Shopping: [RET],
  // Crunchbase's top-level category groups (industry-vocabularies.ts) not read by the tables above. Broad groups are
  // generic: a company's more specific categories decide.
  'Administrative Services': [ADM],
  'Agriculture and Farming': [FRM],
  'Clothing and Apparel': [RET, 'Retail Apparel and Fashion'],
  'Commerce and Shopping': { to: [RET], generic: true },
  'Community and Lifestyle': { to: [CS], generic: true },
  'Content and Publishing': { to: [MED], generic: true },
  'Data and Analytics': [SD, 'Data Infrastructure and Analytics'],
  Events: [ADM, 'Events Services'],
  'Government and Military': [GOV],
  'Internet Services': { to: [TII], generic: true },
  'Lending and Investments': [FS],
  'Messaging and Telecommunications': [TEL],
  Mobile: { to: [SD, 'Mobile Applications'], generic: true },
  'Music and Audio': [MED],
  'Natural Resources': [OGM],
  'Navigation and Mapping': { to: [SD], generic: true },
  Platforms: { to: [SD], generic: true },
  'Privacy and Security': [IT, 'Computer and Network Security'],
  'Sales and Marketing': [PS, 'Marketing Services'],
  'Science and Engineering': { to: [PS, 'Research Services'], generic: true },
  Sustainability: { to: [PS, 'Environmental Services'], generic: true },
  'Travel and Tourism': [ADM, 'Travel Arrangements'],
};

/** Where a LinkedIn V2 name that is not itself canonical lands: its root's canonical industry, or an exception. */
const V2_ROOT_TARGET: Readonly<Record<string, string>> = {
  'Accommodation Services': ACC,
  'Administrative and Support Services': ADM,
  Construction: CON,
  'Consumer Services': CS,
  Education: EDU,
  'Entertainment Providers': MED,
  'Farming, Ranching, Forestry': FRM,
  'Financial Services': FS,
  'Government Administration': GOV,
  'Holding Companies': 'Holding Companies',
  'Hospitals and Health Care': HC,
  Manufacturing: MFG,
  'Oil, Gas, and Mining': OGM,
  'Professional Services': PS,
  'Real Estate and Equipment Rental Services': RE,
  Retail: RET,
  'Technology, Information and Media': TII,
  'Transportation, Logistics, Supply Chain and Storage': TRA,
  Utilities: UTL,
  Wholesale: WHO,
};
/** V2 names whose canonical home is not their root's (the split "Technology, Information and Media", associations). */
const V2_EXCEPTIONS: Readonly<Record<string, Target>> = {
  'Book Publishing': [MED, 'Book and Periodical Publishing'],
  'Periodical Publishing': [MED, 'Book and Periodical Publishing'],
  'Radio and Television Broadcasting': [MED, 'Broadcast Media Production and Distribution'],
  'Internet News': [MED],
  Blogs: [MED],
  'Movies and Sound Recording': [MED, 'Movies, Videos, and Sound'],
  'Sound Recording': [MED, 'Movies, Videos, and Sound'],
  'Sheet Music Publishing': [MED],
  'Mobile Computing Software Products': [SD, 'Mobile Applications'],
  'IT System Design Services': [IT],
  'IT System Installation and Disposal': [IT],
  'Industry Associations': [NPO],
};

/** Other shorthands people type into CRMs and CSVs. */
/**
 * GICS industries, as Clearbit/Breeze enrichment writes `company.category.industry` (and ZoomInfo some of its
 * primary industries). Only those whose canonical industry is clear; the rest stay unknown.
 */
const GICS: Readonly<Record<string, Target>> = {
  'Internet Software & Services': [SD],
  'Application Software': [SD],
  'Systems Software': [SD],
  'IT Services': [IT],
  'Diversified Financial Services': [FS],
  'Consumer Finance': [FS],
  'Commercial Banks': [FS, 'Banking'],
  Banks: [FS, 'Banking'],
  'Thrifts & Mortgage Finance': [FS],
  'Air Freight & Logistics': [TRA],
  'Road & Rail': [TRA],
  Airlines: [TRA, 'Airlines and Aviation'],
  Marine: [TRA, 'Maritime Transportation'],
  'Health Care Providers & Services': [HC],
  'Health Care Equipment & Supplies': [MFG, 'Medical Equipment Manufacturing'],
  'Health Care Technology': [HC],
  Pharmaceuticals: [MFG, 'Pharmaceutical Manufacturing'],
  'Hotels, Restaurants & Leisure': [ACC],
  'Internet & Catalog Retail': [RET, 'Online and Mail Order Retail'],
  'Specialty Retail': [RET],
  'Diversified Telecommunication Services': [TEL],
  'Wireless Telecommunication Services': [TEL],
  'Professional Services': [PS],
  'Commercial Services & Supplies': [ADM],
  'Electric Utilities': [UTL],
  'Oil, Gas & Consumable Fuels': [OGM],
  'Real Estate Management & Development': [RE],
  'Construction & Engineering': [CON],
  'Diversified Consumer Services': [CS],
  'Education Services': [EDU],
};

const OTHER_ALIASES: Readonly<Record<string, Target>> = {
  IT: [IT],
  'IT Services': [IT],
  'Information Technology and Services': [IT],
  Tech: [TII],
  Biotech: [PS, 'Biotechnology Research'],
  Pharma: [MFG, 'Pharmaceutical Manufacturing'],
  Nonprofit: [NPO],
  NGO: [NPO],
  'Public Sector': [GOV],
  Telecom: [TEL],
  Ecommerce: [RET, 'Online and Mail Order Retail'],
  'Higher Ed': [EDU, 'Higher Education'],
  'Real Estate and Equipment Rental Services': [RE],
  'Technology, Information and Media': [TII],
  'Hospitals & Health Care': [HC],
  'Health Care': [HC],
};

interface Entry {
  target: NormalisedIndustry;
  generic: boolean;
}
const BY_KEY = new Map<string, Entry>();

function toIndustry([industry, subIndustry]: Target): NormalisedIndustry {
  return subIndustry ? { industry, subIndustry } : { industry };
}
function add(label: string, target: Target, generic = false): void {
  const key = lookupKey(label);
  if (!BY_KEY.has(key)) BY_KEY.set(key, { target: toIndustry(target), generic });
}
// Canonical names first, so they always map to themselves.
for (const { name, subIndustries } of INDUSTRIES) {
  add(name, [name]);
  for (const sub of subIndustries) add(sub, [name, sub]);
}
for (const [label, target] of Object.entries(LINKEDIN_V1)) add(label, target);
for (const [label, target] of Object.entries(SALESFORCE)) add(label, target);
for (const [label, value] of Object.entries(CRUNCHBASE)) {
  if ('generic' in value) add(label, value.to, true);
  else add(label, value as Target);
}
for (const [label, target] of Object.entries(GICS)) add(label, target);
for (const [label, target] of Object.entries(OTHER_ALIASES)) add(label, target);
for (const [root, names] of Object.entries(LINKEDIN_V2_BY_ROOT))
  for (const name of names) add(name, V2_EXCEPTIONS[name] ?? [V2_ROOT_TARGET[root]]);

/** Localised labels land where their English label does (see industry-translations.ts). */
function localisedLabels(rows: readonly IndustryTranslation[]): string[] {
  return rows.flatMap((row) => [...(row.de ?? []), ...(row.fr ?? []), ...(row.es ?? [])]);
}
for (const row of [...LINKEDIN_INDUSTRY_TRANSLATIONS, ...SALESFORCE_INDUSTRY_TRANSLATIONS]) {
  const english = BY_KEY.get(lookupKey(row.en));
  if (!english) continue; // a row naming an unknown English label is a table bug; tests catch it
  for (const label of localisedLabels([row])) {
    const key = lookupKey(label);
    if (!BY_KEY.has(key)) BY_KEY.set(key, english);
  }
}

function lookup(label: string): Entry | undefined {
  if (typeof label !== 'string' || label.length > 200) return undefined;
  const key = lookupKey(label);
  return key ? BY_KEY.get(key) : undefined;
}

/**
 * Picks one industry from a list of categories (Crunchbase gives several, alphabetically, so the first listed means
 * nothing). The rule, in order:
 *   1. the canonical industry most categories land in wins (a generic label such as "Software" or "Internet
 *      Services" counts half): "Agriculture, Retail, Shopping" is Retail;
 *   2. on a tie, the industry with the most specific category (one naming a sub-industry beats one naming only an
 *      industry, which beats a generic label): "Software, FinTech" is Financial Services;
 *   3. still tied, the industry listed first.
 * The sub-industry is the one most of the winning industry's categories name (on a tie, the first listed); a generic
 * label's sub-industry ("Apps" → Mobile Applications) counts half. Unknown categories
 * are ignored.
 */
export function normaliseIndustryFromCategories(categories: string[]): NormalisedIndustry | undefined {
  interface Tally { votes: number; rank: number; first: number; subs: Map<string, number> }
  const tally = new Map<string, Tally>();
  categories.forEach((category, i) => {
    const entry = lookup(category);
    if (!entry) return;
    const { industry, subIndustry } = entry.target;
    const rank = entry.generic ? 0 : subIndustry ? 2 : 1;
    let t = tally.get(industry);
    if (!t) tally.set(industry, (t = { votes: 0, rank, first: i, subs: new Map() }));
    t.votes += entry.generic ? 0.5 : 1;
    t.rank = Math.max(t.rank, rank);
    if (subIndustry) t.subs.set(subIndustry, (t.subs.get(subIndustry) ?? 0) + (entry.generic ? 0.5 : 1));
  });
  let winner: [string, Tally] | undefined;
  for (const [industry, t] of tally) {
    const w = winner?.[1];
    if (!w || t.votes > w.votes || (t.votes === w.votes && (t.rank > w.rank || (t.rank === w.rank && t.first < w.first)))) winner = [industry, t];
  }
  if (!winner) return undefined;
  // The sub-industry most of its categories name; on a tie the first listed (Map order is insertion order).
  let sub: string | undefined;
  for (const [name, votes] of winner[1].subs) if (sub === undefined || votes > winner[1].subs.get(sub)!) sub = name;
  return sub ? { industry: winner[0], subIndustry: sub } : { industry: winner[0] };
}

/**
 * The canonical industry (and sub-industry when the label names one) for a label from LinkedIn (V2 or V1), the
 * HubSpot industry enum, Salesforce's Industry picklist or Crunchbase categories. A comma- or semicolon-separated
 * list that is not itself a known label is read as categories. `origin` is accepted for edge-specific readings;
 * today every edge shares one table, since no label means different industries on different edges.
 * Unknown labels give undefined.
 */
export function normaliseIndustry(raw: string, origin?: RawOrigin): NormalisedIndustry | undefined {
  void origin;
  if (typeof raw !== 'string') return undefined;
  const label = raw.trim();
  if (!label) return undefined;
  const entry = lookup(label);
  if (entry) return { ...entry.target };
  if (/[,;]/.test(label)) return normaliseIndustryFromCategories(label.split(/[,;]/));
  return undefined;
}

/** The canonical industry a canonical sub-industry label belongs to, with the sub's canonical spelling. */
export function normaliseSubIndustry(raw: string): NormalisedIndustry | undefined {
  const entry = lookup(raw);
  if (!entry?.target.subIndustry) return undefined;
  return { ...entry.target };
}

export { parentIndustry };

/** The label tables, for tests and documentation. */
export const INDUSTRY_LABEL_TABLES = {
  linkedinV1: Object.keys(LINKEDIN_V1),
  salesforce: Object.keys(SALESFORCE),
  crunchbase: Object.keys(CRUNCHBASE),
  other: Object.keys(OTHER_ALIASES),
  linkedinLocalised: localisedLabels(LINKEDIN_INDUSTRY_TRANSLATIONS),
  salesforceGerman: localisedLabels(SALESFORCE_INDUSTRY_TRANSLATIONS),
} as const;
