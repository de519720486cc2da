import { describe, expect, it } from 'vitest';
import {
  CANONICAL_TECHNOLOGIES,
  canonicalTechnology,
  parseTechnologies,
  technologyCategory,
} from '../../../lib/facts/normalise/technology';

describe('canonicalTechnology', () => {
  it.each<[string, string]>([
    ['Salesforce', 'Salesforce'],
    ['Salesforce CRM', 'Salesforce'],
    ['SFDC', 'Salesforce'],
    ['Sales Cloud', 'Salesforce'],
    ['salesforce.com', 'Salesforce'],
    ['HubSpot CRM', 'HubSpot'],
    ['Hubspot Marketing Hub', 'HubSpot'],
    ['hubspot', 'HubSpot'],
    ['Google BigQuery', 'BigQuery'],
    ['Amazon Redshift', 'Redshift'],
    ['snowflake', 'Snowflake'],
    ['Microsoft Power BI', 'Power BI'],
    ['PowerBI', 'Power BI'],
    ['MS Teams', 'Microsoft Teams'],
    ['Amazon Web Services', 'AWS'],
    ['GCP', 'Google Cloud'],
    ['Microsoft Azure', 'Azure'],
    ['DBT', 'dbt'],
    ['Postgres', 'PostgreSQL'],
    ['K8s', 'Kubernetes'],
    ['Oracle NetSuite', 'NetSuite'],
    ['Microsoft Dynamics 365', 'Dynamics 365'],
    ['Twilio Segment', 'Segment'],
    ['  Gong.io  ', 'Gong'],
    ['Acme Internal Tool', 'Acme Internal Tool'], // unknown: kept as written
    ['  Foo   Bar ', 'Foo Bar'],
  ])('%j → %s', (input, expected) => {
    expect(canonicalTechnology(input)).toBe(expected);
  });

  it('has a table of about 80+ tools whose canonical names map to themselves', () => {
    expect(CANONICAL_TECHNOLOGIES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CANONICAL_TECHNOLOGIES).size).toBe(CANONICAL_TECHNOLOGIES.length);
    for (const name of CANONICAL_TECHNOLOGIES) expect(canonicalTechnology(name)).toBe(name);
  });
});

describe('technologyCategory', () => {
  it.each<[string, string | undefined]>([
    ['SFDC', 'crm'],
    ['Pipedrive', 'crm'],
    ['Snowflake', 'warehouse'],
    ['Looker', 'bi'],
    ['Slack', 'messaging'],
    ['Marketo', 'marketing-automation'],
    ['Outreach', 'sales-engagement'],
    ['Segment', 'cdp'],
    ['Zendesk', 'support'],
    ['AWS', 'cloud'],
    ['MongoDB', 'database'],
    ['Fivetran', 'etl'],
    ['Amplitude', 'analytics'],
    ['SAP', 'erp'],
    ['Okta', 'identity'],
    ['Stripe', 'payments'],
    ['Shopify', 'ecommerce'],
    ['GitHub', 'dev'],
    ['Acme Internal Tool', undefined],
  ])('%s → %s', (name, category) => {
    expect(technologyCategory(name)).toBe(category);
  });
});

describe('parseTechnologies', () => {
  it.each<[unknown, string[]]>([
    [['Salesforce', 'HubSpot'], ['Salesforce', 'HubSpot']],
    ['Salesforce, HubSpot', ['Salesforce', 'HubSpot']],
    ['Salesforce; HubSpot', ['Salesforce', 'HubSpot']],
    ['Salesforce | HubSpot', ['Salesforce', 'HubSpot']],
    ['Salesforce CRM, SFDC, salesforce', ['Salesforce']], // aliases de-duplicate
    ['Foo, foo, FOO', ['Foo']], // unknown names de-duplicate case-insensitively, first spelling kept
    ['Snowflake, , Google BigQuery ,', ['Snowflake', 'BigQuery']],
    [['Zoom', 42, null, '  Slack '], ['Zoom', 'Slack']], // non-strings skipped
    ['', []],
    [42, []],
    [undefined, []],
  ])('%j → %j', (input, expected) => {
    expect(parseTechnologies(input)).toEqual(expected);
  });
});
