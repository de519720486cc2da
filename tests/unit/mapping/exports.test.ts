import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOutcomesCsv } from '../../../lib/builder/outcomes';
import { readCsv } from '../../../lib/builder/csv';
import { rowFacts } from '../../../lib/csv/row';
import { readAccountList } from '../../../lib/lists/import';
import { identityError, mapHeaders } from '../../../lib/mapping';

/**
 * One fixture per export kind (tests/fixtures/exports: header sets as the tools write them, rows of our own), and
 * EVERY header of each listed with where it goes: a fact, an outcome column, or deliberately custom. A header
 * added to a fixture without a decision here fails the test.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  'apollo-companies': {
    "Company": 'name',
    "Company Name for Emails": 'custom.company_name_for_emails',
    "Account Stage": 'custom.account_stage',
    "Lists": 'custom.lists',
    "# Employees": 'employees',
    "Industry": 'industry',
    "Account Owner": 'owner',
    "Website": 'domain',
    "Company Linkedin Url": 'linkedinUrl',
    "Facebook Url": 'custom.facebook_url',
    "Twitter Url": 'custom.twitter_url',
    "Company Street": 'custom.company_street',
    "Company City": 'hqCity',
    "Company State": 'hqRegion',
    "Company Country": 'hqCountry',
    "Company Postal Code": 'custom.company_postal_code',
    "Company Address": 'custom.company_address',
    "Keywords": 'custom.keywords',
    "Company Phone": 'custom.company_phone',
    "SEO Description": 'custom.seo_description',
    "Technologies": 'technologies',
    "Total Funding": 'totalFundingUsd',
    "Latest Funding": 'fundingStage',
    "Latest Funding Amount": 'custom.latest_funding_amount',
    "Last Raised At": 'lastFundingDate',
    "Annual Revenue": 'revenueUsd',
    "Number of Retail Locations": 'custom.number_of_retail_locations',
    "Apollo Account Id": 'custom.apollo_account_id',
    "SIC Codes": 'custom.sic_codes',
    "Short Description": 'custom.short_description',
    "Founded Year": 'foundedYear',
    "Logo Url": 'custom.logo_url',
    "Subsidiary of": 'custom.subsidiary_of',
  },
  'apollo-people': {
    "First Name": 'custom.person_first_name',
    "Last Name": 'custom.person_last_name',
    "Title": 'custom.person_title',
    "Company": 'name',
    "Company Name for Emails": 'custom.company_name_for_emails',
    "Email": 'custom.person_email',
    "Email Status": 'custom.person_email_status',
    "Seniority": 'custom.person_seniority',
    "Departments": 'custom.person_departments',
    "Contact Owner": 'custom.person_contact_owner',
    "First Phone": 'custom.first_phone',
    "Work Direct Phone": 'custom.person_work_direct_phone',
    "Mobile Phone": 'custom.person_mobile_phone',
    "Corporate Phone": 'custom.corporate_phone',
    "Stage": 'custom.person_stage',
    "Lists": 'custom.lists',
    "Last Contacted": 'custom.last_contacted',
    "Account Owner": 'owner',
    "# Employees": 'employees',
    "Industry": 'industry',
    "Keywords": 'custom.keywords',
    "Person Linkedin Url": 'custom.person_linkedin_url',
    "Website": 'domain',
    "Company Linkedin Url": 'linkedinUrl',
    "Facebook Url": 'custom.facebook_url',
    "Twitter Url": 'custom.twitter_url',
    "City": 'custom.person_city',
    "State": 'custom.person_state',
    "Country": 'custom.person_country',
    "Company Address": 'custom.company_address',
    "Company City": 'hqCity',
    "Company State": 'hqRegion',
    "Company Country": 'hqCountry',
    "Company Phone": 'custom.company_phone',
    "Technologies": 'technologies',
    "Annual Revenue": 'revenueUsd',
    "Total Funding": 'totalFundingUsd',
    "Latest Funding": 'fundingStage',
    "Latest Funding Amount": 'custom.latest_funding_amount',
    "Last Raised At": 'lastFundingDate',
    "Apollo Contact Id": 'custom.person_apollo_contact_id',
    "Apollo Account Id": 'custom.apollo_account_id',
  },
  'breeze-flattened': {
    "Email": 'custom.email',
    "Company Name": 'name',
    "Company Domain": 'domain',
    "Company Industry": 'industry',
    "Company Sub Industry": 'subIndustry',
    "Company Employees": 'employees',
    "Company Employees Range": 'custom.company_employees_range',
    "Company Annual Revenue": 'revenueUsd',
    "Company Raised": 'totalFundingUsd',
    "Company Founded Year": 'foundedYear',
    "Company Type": 'companyType',
    "Company City": 'hqCity',
    "Company State": 'hqRegion',
    "Company Country": 'hqCountry',
    "Company Tech": 'technologies',
    "Company Tags": 'custom.company_tags',
  },
  'clearbit-enrichment': {
    "email": 'custom.email',
    "company.id": 'custom.company_id',
    "company.name": 'name',
    "company.legalName": 'custom.company_legalname',
    "company.domain": 'domain',
    "company.category.sector": 'custom.company_category_sector',
    "company.category.industryGroup": 'custom.company_category_industrygroup',
    "company.category.industry": 'industry',
    "company.category.subIndustry": 'subIndustry',
    "company.tags": 'custom.company_tags',
    "company.geo.city": 'hqCity',
    "company.geo.state": 'hqRegion',
    "company.geo.country": 'hqCountry',
    "company.geo.countryCode": 'custom.company_geo_countrycode',
    "company.metrics.employees": 'employees',
    "company.metrics.employeesRange": 'custom.company_metrics_employeesrange',
    "company.metrics.annualRevenue": 'revenueUsd',
    "company.metrics.estimatedAnnualRevenue": 'custom.company_metrics_estimatedannualrevenue',
    "company.metrics.raised": 'totalFundingUsd',
    "company.foundedYear": 'foundedYear',
    "company.type": 'companyType',
    "company.linkedin.handle": 'custom.company_linkedin_handle',
    "company.crunchbase.handle": 'custom.company_crunchbase_handle',
    "company.tech": 'technologies',
    "company.techCategories": 'custom.company_techcategories',
  },
  'crunchbase-organizations': {
    "Organization Name": 'name',
    "Organization Name URL": 'crunchbaseUrl',
    "Industries": 'industry',
    "Headquarters Location": 'hqLocation',
    "Description": 'custom.description',
    "CB Rank (Company)": 'custom.cb_rank_company',
    "Headquarters Regions": 'custom.headquarters_regions',
    "Operating Status": 'custom.operating_status',
    "Founded Date": 'foundedYear',
    "Founded Date Precision": 'custom.founded_date_precision',
    "Company Type": 'custom.company_type',
    "Number of Employees": 'employees',
    "Website": 'domain',
    "Twitter": 'custom.twitter',
    "Facebook": 'custom.facebook',
    "LinkedIn": 'linkedinUrl',
    "Contact Email": 'custom.contact_email',
    "Phone Number": 'custom.phone_number',
    "Number of Funding Rounds": 'custom.number_of_funding_rounds',
    "Funding Status": 'custom.funding_status',
    "Last Funding Date": 'lastFundingDate',
    "Last Funding Amount": 'custom.last_funding_amount',
    "Last Funding Amount Currency": 'custom.last_funding_amount_currency',
    "Last Funding Amount Currency (in USD)": 'custom.last_funding_amount_currency_in_usd',
    "Last Funding Type": 'fundingStage',
    "Total Funding Amount": 'custom.total_funding_amount',
    "Total Funding Amount Currency": 'custom.total_funding_amount_currency',
    "Total Funding Amount Currency (in USD)": 'totalFundingUsd',
    "Estimated Revenue Range": 'revenueUsd',
    "IPO Status": 'companyType',
    "Number of Investors": 'custom.number_of_investors',
    "Top 5 Investors": 'custom.top_5_investors',
  },
  'hubspot-companies-internal': {
    "hs_object_id": 'crmId',
    "name": 'name',
    "domain": 'domain',
    "industry": 'industry',
    "numberofemployees": 'employees',
    "annualrevenue": 'revenueUsd',
    "country": 'hqCountry',
    "city": 'hqCity',
    "state": 'hqRegion',
    "web_technologies": 'technologies',
    "total_money_raised": 'totalFundingUsd',
    "lifecyclestage": 'lifecycleStage',
    "hubspot_owner_id": 'owner',
    "founded_year": 'foundedYear',
    "linkedin_company_page": 'linkedinUrl',
    "type": 'custom.type',
    "createdate": 'custom.createdate',
    "phone": 'custom.phone',
    "zip": 'custom.zip',
    "description": 'custom.description',
    "is_public": 'custom.is_public',
  },
  'hubspot-companies': {
    "Record ID": 'crmId',
    "Company name": 'name',
    "Company owner": 'owner',
    "Create Date": 'custom.create_date',
    "Phone Number": 'custom.phone_number',
    "Last Activity Date": 'custom.last_activity_date',
    "City": 'hqCity',
    "Country/Region": 'hqCountry',
    "Industry": 'industry',
    "Company Domain Name": 'domain',
    "Number of Employees": 'employees',
    "Annual Revenue": 'revenueUsd',
    "State/Region": 'hqRegion',
    "Postal Code": 'custom.postal_code',
    "Lifecycle Stage": 'lifecycleStage',
    "Web Technologies": 'technologies',
    "Total Money Raised": 'totalFundingUsd',
    "Type": 'custom.type',
    "Time Zone": 'custom.time_zone',
    "Description": 'custom.description',
    "LinkedIn Company Page": 'linkedinUrl',
    "Year Founded": 'foundedYear',
    "Is Public": 'custom.is_public',
    "Lead Status": 'custom.lead_status',
  },
  'hubspot-deals': {
    "Record ID": 'custom.deal_record_id',
    "Deal Name": 'custom.deal_name',
    "Deal Stage": 'stage',
    "Amount": 'initialArr',
    "Close Date": 'closeDate',
    "Pipeline": 'custom.pipeline',
    "Deal owner": 'custom.deal_owner',
    "Create Date": 'custom.deal_create_date',
    "Deal Type": 'custom.deal_type',
    "Associated Company": 'name',
    "Associated Company IDs": 'crmId',
    "Company Domain Name": 'domain',
    "Country/Region": 'hqCountry',
    "Industry": 'industry',
    "Number of Employees": 'employees',
    "Closed Lost Reason": 'custom.closed_lost_reason',
    "Forecast category": 'custom.forecast_category',
    "Current ARR": 'currentArr',
    "Churn Date": 'churnDate',
  },
  'salesforce-accounts-dataloader': {
    "Id": 'crmId',
    "IsDeleted": 'custom.isdeleted',
    "Name": 'name',
    "Type": 'lifecycleStage',
    "ParentId": 'custom.parentid',
    "BillingStreet": 'custom.billingstreet',
    "BillingCity": 'hqCity',
    "BillingState": 'hqRegion',
    "BillingPostalCode": 'custom.billingpostalcode',
    "BillingCountry": 'hqCountry',
    "Phone": 'custom.phone',
    "Website": 'domain',
    "Industry": 'industry',
    "AnnualRevenue": 'revenueUsd',
    "NumberOfEmployees": 'employees',
    "Ownership": 'companyType',
    "TickerSymbol": 'custom.tickersymbol',
    "Description": 'custom.description',
    "Rating": 'custom.rating',
    "OwnerId": 'owner',
    "CreatedDate": 'custom.createddate',
    "LastModifiedDate": 'custom.lastmodifieddate',
    "AccountSource": 'custom.accountsource',
    "Sic": 'custom.sic',
  },
  'salesforce-accounts-report': {
    "Account Name": 'name',
    "Account Owner": 'owner',
    "Type": 'lifecycleStage',
    "Industry": 'industry',
    "Billing Street": 'custom.billing_street',
    "Billing City": 'hqCity',
    "Billing State/Province": 'hqRegion',
    "Billing Zip/Postal Code": 'custom.billing_zip_postal_code',
    "Billing Country": 'hqCountry',
    "Phone": 'custom.phone',
    "Website": 'domain',
    "Employees": 'employees',
    "Annual Revenue": 'revenueUsd',
    "Account ID": 'crmId',
    "Created Date": 'custom.created_date',
    "Last Activity": 'custom.last_activity',
    "Rating": 'custom.rating',
    "Account Source": 'custom.account_source',
    "Parent Account": 'custom.parent_account',
    "Account Number": 'custom.account_number',
    "Ownership": 'companyType',
    "Description": 'custom.description',
    "SIC Code": 'custom.sic_code',
    "Ticker Symbol": 'custom.ticker_symbol',
  },
  'salesforce-opportunities-dataloader': {
    "Id": 'custom.deal_id',
    "AccountId": 'crmId',
    "Account.Name": 'name',
    "Account.Website": 'domain',
    "Account.Industry": 'industry',
    "Account.NumberOfEmployees": 'employees',
    "Account.BillingCountry": 'hqCountry',
    "Name": 'custom.deal_name',
    "StageName": 'stage',
    "Amount": 'initialArr',
    "CloseDate": 'closeDate',
    "Type": 'custom.deal_type',
    "IsClosed": 'closed',
    "IsWon": 'won',
    "OwnerId": 'custom.deal_ownerid',
    "CreatedDate": 'custom.deal_createddate',
    "Probability": 'custom.probability',
    "ForecastCategory": 'custom.forecastcategory',
    "LeadSource": 'custom.leadsource',
    "Current_ARR__c": 'currentArr',
    "Churn_Date__c": 'churnDate',
  },
  'salesforce-opportunities-report': {
    "Opportunity Name": 'custom.opportunity_name',
    "Account Name": 'name',
    "Stage": 'stage',
    "Amount": 'initialArr',
    "Close Date": 'closeDate',
    "Opportunity Owner": 'custom.opportunity_owner',
    "Type": 'custom.deal_type',
    "Probability (%)": 'custom.probability',
    "Fiscal Period": 'custom.fiscal_period',
    "Created Date": 'custom.deal_created_date',
    "Lead Source": 'custom.lead_source',
    "Billing Country": 'hqCountry',
    "Industry": 'industry',
    "Employees": 'employees',
    "Website": 'domain',
    "Next Step": 'custom.next_step',
    "Current ARR": 'currentArr',
    "Churn Date": 'churnDate',
  },
  'zoominfo-companies': {
    "ZoomInfo Company ID": 'custom.zoominfo_company_id',
    "Company Name": 'name',
    "Website": 'domain',
    "Founded Year": 'foundedYear',
    "Company HQ Phone": 'custom.company_hq_phone',
    "Fax": 'custom.fax',
    "Ticker": 'custom.ticker',
    "Revenue (in 000s USD)": 'revenueUsd',
    "Revenue Range (in USD)": 'custom.revenue_range_in_usd',
    "Employees": 'employees',
    "Employee Range": 'custom.employee_range',
    "SIC Code 1": 'custom.sic_code_1',
    "SIC Code 2": 'custom.sic_code_2',
    "NAICS Code 1": 'custom.naics_code_1',
    "NAICS Code 2": 'custom.naics_code_2',
    "LinkedIn Company Profile URL": 'linkedinUrl',
    "Facebook Company Profile URL": 'custom.facebook_company_profile_url',
    "Twitter Company Profile URL": 'custom.twitter_company_profile_url',
    "Ownership Type": 'companyType',
    "Business Model": 'custom.business_model',
    "Company Description": 'custom.company_description',
    "Primary Industry": 'industry',
    "Primary Sub-Industry": 'subIndustry',
    "All Industries": 'custom.all_industries',
    "All Sub-Industries": 'custom.all_sub_industries',
    "Company Street Address": 'custom.company_street_address',
    "Company City": 'hqCity',
    "Company State": 'hqRegion',
    "Company Zip Code": 'custom.company_zip_code',
    "Company Country": 'hqCountry',
    "Recent Funding Amount (in 000s USD)": 'custom.recent_funding_amount_in_000s_usd',
    "Recent Funding Round": 'fundingStage',
    "Recent Funding Date": 'lastFundingDate',
    "Total Funding Amount (in 000s USD)": 'totalFundingUsd',
    "Number of Locations": 'custom.number_of_locations',
    "Query Name": 'custom.query_name',
  },
};

const dir = new URL('../../fixtures/exports/', import.meta.url);
const text = (name: string) => readFileSync(new URL(`${name}.csv`, dir), 'utf8');
const SOURCE = { kind: 'list' as const, detail: 'export.csv' };

/** Every row of a company export as normalised facts, with the problems. */
function rows(name: string) {
  const { headers, rows } = readCsv(text(name));
  const { columns } = mapHeaders(headers);
  return rows.map((r) => rowFacts(columns, r.cells, SOURCE));
}

describe('every header of every export kind', () => {
  it.each(Object.keys(EXPECTED))('%s: each header is mapped as listed', (name) => {
    const { headers } = readCsv(text(name));
    const mapping = mapHeaders(headers);
    expect(Object.fromEntries(mapping.columns.map((c) => [c.header, c.outcome ?? c.fact]))).toEqual(EXPECTED[name]);
    // The list above names every header of the file, in order: nothing is left undecided.
    expect(Object.keys(EXPECTED[name])).toEqual(headers);
    expect(identityError(mapping)).toBeUndefined();
  });
});

const COMPANY_EXPORTS = Object.keys(EXPECTED).filter((n) => !/deals|opportunities/.test(n));

describe('company exports: scored and imported without hand mapping', () => {
  it.each(COMPANY_EXPORTS)('%s: every row reads with no rejected fact, and imports keyed by domain', (name) => {
    for (const row of rows(name)) {
      expect(row.problems).toEqual([]);
      expect(row.values.domain).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
      expect(row.values.employees).toBeDefined();
      expect(row.values.industry).toBeDefined();
    }
    const list = readAccountList(text(name), `${name}.csv`, '2026-11-30T00:00:00.000Z');
    expect(list.problems).toEqual([]);
    expect(list.accounts).toHaveLength(readCsv(text(name)).rows.length);
  });

  it("Apollo people: the company's city is the HQ, never the person's", () => {
    const [maya, tom] = rows('apollo-people');
    expect(maya.values).toMatchObject({ name: 'Brightwave Analytics', hqCity: 'Austin', hqRegion: 'Texas', hqCountry: 'US', fundingStage: 'series-b' });
    expect(maya.values.lastFundingDate).toBe('2023-09-14');
    expect(tom.values).toMatchObject({ hqCity: 'London', hqCountry: 'GB' });
    expect(tom.values['custom.person_city']).toBe('Stockholm');
  });

  it('ZoomInfo: amounts in thousands are scaled, the primary industry is read', () => {
    const [brightwave, pinecrest] = rows('zoominfo-companies');
    expect(brightwave.values).toMatchObject({ revenueUsd: 48_000_000, totalFundingUsd: 35_000_000, fundingStage: 'series-b', companyType: 'private' });
    expect(brightwave.values.industry).toBe('Software Development');
    expect(pinecrest.values).toMatchObject({ revenueUsd: 1_900_000_000, companyType: 'public' });
  });

  it('HubSpot and Apollo give the same technologies for the same company', () => {
    const hubspot = rows('hubspot-companies')[0].values.technologies as string[];
    const apollo = rows('apollo-companies')[0].values.technologies as string[];
    expect(hubspot).toContain('Salesforce');
    expect(apollo).toContain('Salesforce');
    expect(rows('hubspot-companies')[0].values.totalFundingUsd).toBe(35_000_000);
  });

  it('Crunchbase: founded date and IPO status are read; the USD total beats the local-currency one', () => {
    const [, kestrel, pinecrest] = rows('crunchbase-organizations');
    expect(kestrel.values).toMatchObject({ foundedYear: 2014, companyType: 'private', totalFundingUsd: 88_000_000, hqCountry: 'GB' });
    expect(pinecrest.values).toMatchObject({ companyType: 'public', fundingStage: 'public' });
  });

  it('Salesforce: Id (Data Loader) and Account ID (report) are the CRM id, Type the lifecycle stage', () => {
    expect(rows('salesforce-accounts-dataloader')[1].values).toMatchObject({ crmId: '0015g00000XyZ1bAAF', lifecycleStage: 'customer' });
    expect(rows('salesforce-accounts-report')[0].values).toMatchObject({ crmId: '0015g00000XyZ1aAAF', lifecycleStage: 'lead' });
  });
});

describe('deal exports: derived without hand mapping', () => {
  it.each(['hubspot-deals', 'salesforce-opportunities-report', 'salesforce-opportunities-dataloader'])('%s: stages, dates and amounts read', (name) => {
    const parsed = parseOutcomesCsv(text(name), { source: `${name}.csv` });
    expect(parsed.errors).toEqual([]);
    expect(parsed.bad).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    const won = parsed.records.filter((r) => r.stage === 'won');
    const lost = parsed.records.filter((r) => r.stage === 'lost');
    expect(won.length).toBeGreaterThan(100);
    expect(lost.length).toBeGreaterThan(100);
    for (const r of won) {
      expect(r.closeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.initialArr).toBeGreaterThan(0);
      expect(r.facts.domain).toBeDefined();
      expect(r.facts.industry).toBeDefined();
    }
  });

  it('HubSpot: closedwon / closedlost are recognised; a custom pipeline id is listed, not guessed', () => {
    const parsed = parseOutcomesCsv(text('hubspot-deals'));
    expect([...parsed.unknownStages.keys()]).toEqual(['87654321']);
    const withChoice = parseOutcomesCsv(text('hubspot-deals'), { stages: { won: ['87654321'] } });
    expect(withChoice.unknownStages.size).toBe(0);
    const won = (p: typeof parsed) => p.records.filter((r) => r.stage === 'won').length;
    expect(won(withChoice)).toBe(won(parsed) + parsed.unknownStages.get('87654321')!);
  });
});
