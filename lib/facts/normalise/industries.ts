/**
 * The one canonical industry taxonomy: LinkedIn's 2022+ ("V2") industry names. Top level follows LinkedIn's
 * root groups, except that "Technology, Information and Media" is split into the parts ICPs tell apart
 * (Software Development, IT Services and IT Consulting, Technology, Information and Internet,
 * Telecommunications, Media and Entertainment), "Real Estate and Equipment Rental Services" is shortened to
 * "Real Estate", and Non-profit Organizations stand on their own. Sub-industries are LinkedIn V2 names where one
 * exists ("Credit Unions", "Insurance"), plus "SaaS" and "Artificial Intelligence", which ICPs need and V2 lacks.
 * Each sub-industry name appears once, under one parent.
 */
export interface IndustryNode {
  name: string;
  subIndustries: readonly string[];
}

export const INDUSTRIES: ReadonlyArray<IndustryNode> = [
  {
    name: 'Software Development',
    subIndustries: [
      'SaaS',
      'Computer Games',
      'Mobile Gaming Apps',
      'Mobile Applications',
      'Data Infrastructure and Analytics',
      'Business Intelligence Platforms',
      'Artificial Intelligence',
      'Embedded Software Products',
      'Desktop Computing Software Products',
      'Developer Tools',
    ],
  },
  {
    name: 'IT Services and IT Consulting',
    subIndustries: [
      'Computer and Network Security',
      'IT System Custom Software Development',
      'IT System Data Services',
      'IT System Operations and Maintenance',
      'IT System Training and Support',
      'IT System Testing and Evaluation',
      'Cloud Computing Services',
    ],
  },
  {
    name: 'Technology, Information and Internet',
    subIndustries: [
      'Internet Marketplace Platforms',
      'Social Networking Platforms',
      'Internet Publishing',
      'Information Services',
      'Blockchain Services',
    ],
  },
  {
    name: 'Telecommunications',
    subIndustries: ['Telecommunications Carriers', 'Wireless Services', 'Satellite Telecommunications', 'Cable and Satellite Programming'],
  },
  {
    name: 'Media and Entertainment',
    subIndustries: [
      'Broadcast Media Production and Distribution',
      'Movies, Videos, and Sound',
      'Book and Periodical Publishing',
      'Newspaper Publishing',
      'Online Audio and Video Media',
      'Media Production',
      'Animation and Post-production',
      'Musicians',
      'Performing Arts',
      'Artists and Writers',
      'Spectator Sports',
      'Gambling Facilities and Casinos',
      'Museums, Historical Sites, and Zoos',
      'Recreational Facilities',
    ],
  },
  {
    name: 'Financial Services',
    subIndustries: [
      'Banking',
      'Credit Unions',
      'Insurance',
      'Investment Management',
      'Investment Banking',
      'Capital Markets',
      'Venture Capital and Private Equity Principals',
      'Funds and Trusts',
      'Loan Brokers',
      'Payments',
    ],
  },
  {
    name: 'Hospitals and Health Care',
    subIndustries: [
      'Hospitals',
      'Medical Practices',
      'Mental Health Care',
      'Home Health Care Services',
      'Nursing Homes and Residential Care Facilities',
      'Medical and Diagnostic Laboratories',
      'Alternative Medicine',
      'Wellness and Fitness Services',
      'Individual and Family Services',
    ],
  },
  {
    name: 'Manufacturing',
    subIndustries: [
      'Pharmaceutical Manufacturing',
      'Medical Equipment Manufacturing',
      'Semiconductor Manufacturing',
      'Computer Hardware Manufacturing',
      'Computer Networking Products',
      'Appliances, Electrical, and Electronics Manufacturing',
      'Motor Vehicle Manufacturing',
      'Aviation and Aerospace Component Manufacturing',
      'Defense and Space Manufacturing',
      'Chemical Manufacturing',
      'Food and Beverage Manufacturing',
      'Beverage Manufacturing',
      'Dairy Product Manufacturing',
      'Tobacco Manufacturing',
      'Machinery Manufacturing',
      'Automation Machinery Manufacturing',
      'Industrial Machinery Manufacturing',
      'Textile Manufacturing',
      'Plastics Manufacturing',
      'Paper and Forest Product Manufacturing',
      'Glass, Ceramics and Concrete Manufacturing',
      'Furniture and Home Furnishings Manufacturing',
      'Personal Care Product Manufacturing',
      'Sporting Goods Manufacturing',
      'Packaging and Containers Manufacturing',
      'Railroad Equipment Manufacturing',
      'Shipbuilding',
      'Printing Services',
      'Renewable Energy Semiconductor Manufacturing',
    ],
  },
  {
    name: 'Retail',
    subIndustries: [
      'Online and Mail Order Retail',
      'Retail Apparel and Fashion',
      'Retail Groceries',
      'Retail Luxury Goods and Jewelry',
      'Retail Office Equipment',
      'Retail Motor Vehicles',
      'Food and Beverage Retail',
      'Retail Health and Personal Care Products',
      'Retail Art Supplies',
    ],
  },
  {
    name: 'Wholesale',
    subIndustries: [
      'Wholesale Import and Export',
      'Wholesale Building Materials',
      'Wholesale Computer Equipment',
      'Wholesale Food and Beverage',
      'Wholesale Chemical and Allied Products',
    ],
  },
  {
    name: 'Education',
    subIndustries: [
      'Primary and Secondary Education',
      'Higher Education',
      'E-Learning Providers',
      'Professional Training and Coaching',
      'Education Administration Programs',
    ],
  },
  {
    name: 'Government Administration',
    subIndustries: [
      'Executive Offices',
      'Legislative Offices',
      'Public Policy Offices',
      'Administration of Justice',
      'Law Enforcement',
      'Public Safety',
      'Armed Forces',
      'International Affairs',
      'International Trade and Development',
    ],
  },
  {
    name: 'Professional Services',
    subIndustries: [
      'Accounting',
      'Legal Services',
      'Law Practice',
      'Alternative Dispute Resolution',
      'Business Consulting and Services',
      'Advertising Services',
      'Marketing Services',
      'Public Relations and Communications Services',
      'Market Research',
      'Design Services',
      'Graphic Design',
      'Architecture and Planning',
      'Engineering Services',
      'Environmental Services',
      'Research Services',
      'Biotechnology Research',
      'Nanotechnology Research',
      'Think Tanks',
      'Human Resources Services',
      'Government Relations Services',
      'Photography',
      'Veterinary Services',
      'Translation and Localization',
      'Writing and Editing',
    ],
  },
  {
    name: 'Administrative and Support Services',
    subIndustries: [
      'Staffing and Recruiting',
      'Facilities Services',
      'Security and Investigations',
      'Events Services',
      'Outsourcing and Offshoring Consulting',
      'Travel Arrangements',
      'Collection Agencies',
    ],
  },
  {
    name: 'Real Estate',
    subIndustries: [
      'Leasing Non-residential Real Estate',
      'Leasing Residential Real Estate',
      'Real Estate Agents and Brokers',
      'Equipment Rental Services',
    ],
  },
  {
    name: 'Construction',
    subIndustries: [
      'Building Construction',
      'Residential Building Construction',
      'Nonresidential Building Construction',
      'Civil Engineering',
      'Specialty Trade Contractors',
    ],
  },
  {
    name: 'Transportation, Logistics, Supply Chain and Storage',
    subIndustries: [
      'Airlines and Aviation',
      'Truck Transportation',
      'Rail Transportation',
      'Maritime Transportation',
      'Freight and Package Transportation',
      'Warehousing and Storage',
      'Ground Passenger Transportation',
    ],
  },
  {
    name: 'Utilities',
    subIndustries: [
      'Electric Power Generation',
      'Renewable Energy Power Generation',
      'Electric Power Transmission, Control, and Distribution',
      'Natural Gas Distribution',
      'Water, Waste, Steam, and Air Conditioning Services',
    ],
  },
  {
    name: 'Oil, Gas, and Mining',
    subIndustries: ['Oil and Gas', 'Mining', 'Oil Extraction', 'Natural Gas Extraction', 'Metal Ore Mining'],
  },
  {
    name: 'Accommodation Services',
    subIndustries: [
      'Hospitality',
      'Hotels and Motels',
      'Food and Beverage Services',
      'Restaurants',
      'Bars, Taverns, and Nightclubs',
      'Caterers',
    ],
  },
  {
    name: 'Consumer Services',
    subIndustries: ['Personal Care Services', 'Household Services', 'Laundry and Drycleaning Services', 'Pet Services', 'Repair and Maintenance'],
  },
  {
    name: 'Farming, Ranching, Forestry',
    subIndustries: ['Farming', 'Ranching', 'Fisheries', 'Forestry and Logging', 'Horticulture'],
  },
  {
    name: 'Non-profit Organizations',
    subIndustries: [
      'Civic and Social Organizations',
      'Philanthropic Fundraising Services',
      'Religious Institutions',
      'Political Organizations',
      'Libraries',
      'Professional Organizations',
    ],
  },
  { name: 'Holding Companies', subIndustries: [] },
];

/** Every top-level industry name. */
export const CANONICAL_INDUSTRIES: readonly string[] = INDUSTRIES.map((i) => i.name);

/** Every sub-industry name, across all parents. */
export const CANONICAL_SUB_INDUSTRIES: readonly string[] = INDUSTRIES.flatMap((i) => i.subIndustries);

const PARENT_OF_SUB = new Map<string, string>();
for (const { name, subIndustries } of INDUSTRIES) for (const sub of subIndustries) PARENT_OF_SUB.set(sub, name);

/** True for an exact canonical top-level name. */
export function isCanonicalIndustry(s: string): boolean {
  return CANONICAL_INDUSTRIES.includes(s);
}

/** True for an exact canonical sub-industry name. */
export function isCanonicalSubIndustry(s: string): boolean {
  return PARENT_OF_SUB.has(s);
}

/** The top-level industry a canonical sub-industry belongs to. */
export function parentIndustry(subIndustry: string): string | undefined {
  return PARENT_OF_SUB.get(subIndustry);
}
