import { cleanText, lookupKey } from './text';

/**
 * Technology names as pages, CRMs and enrichment CSVs write them → one canonical name each, with the category
 * the ICP's technographic criteria use ("uses a warehouse", "has a CRM").
 */
export type TechnologyCategory =
  | 'crm'
  | 'warehouse'
  | 'bi'
  | 'messaging'
  | 'marketing-automation'
  | 'sales-engagement'
  | 'cdp'
  | 'support'
  | 'cloud'
  | 'database'
  | 'etl'
  | 'analytics'
  | 'erp'
  | 'identity'
  | 'payments'
  | 'ecommerce'
  | 'dev';

/** [canonical name, category, aliases…]. Aliases are matched case-, accent- and punctuation-insensitively. */
const TECHNOLOGIES: ReadonlyArray<readonly [name: string, category: TechnologyCategory, ...aliases: string[]]> = [
  // CRM
  ['Salesforce', 'crm', 'Salesforce CRM', 'SFDC', 'Sales Cloud', 'Salesforce Sales Cloud', 'Salesforce.com'],
  ['HubSpot', 'crm', 'HubSpot CRM', 'HubSpot Marketing Hub', 'HubSpot Sales Hub', 'HubSpot Service Hub', 'Hubspot.com'],
  ['Pipedrive', 'crm'],
  ['Zoho CRM', 'crm', 'Zoho'],
  ['Dynamics 365', 'crm', 'Microsoft Dynamics 365', 'Microsoft Dynamics', 'Dynamics CRM', 'MS Dynamics'],
  ['Close', 'crm', 'Close.com', 'Close CRM'],
  ['Attio', 'crm'],
  ['Copper', 'crm', 'Copper CRM'],
  ['Freshsales', 'crm', 'Freshworks CRM'],
  // Warehouses
  ['Snowflake', 'warehouse', 'Snowflake Data Cloud'],
  ['BigQuery', 'warehouse', 'Google BigQuery', 'GCP BigQuery'],
  ['Redshift', 'warehouse', 'Amazon Redshift', 'AWS Redshift'],
  ['Databricks', 'warehouse', 'Databricks Lakehouse'],
  ['Azure Synapse', 'warehouse', 'Azure Synapse Analytics', 'Synapse'],
  ['ClickHouse', 'warehouse'],
  // BI
  ['Looker', 'bi', 'Google Looker', 'Looker Studio', 'Google Data Studio', 'Data Studio'],
  ['Tableau', 'bi', 'Tableau Software', 'Tableau Desktop'],
  ['Power BI', 'bi', 'Microsoft Power BI', 'PowerBI', 'MS Power BI'],
  ['Metabase', 'bi'],
  ['Mode', 'bi', 'Mode Analytics'],
  ['Sigma', 'bi', 'Sigma Computing'],
  ['Qlik', 'bi', 'Qlik Sense', 'QlikView'],
  // Messaging
  ['Slack', 'messaging'],
  ['Microsoft Teams', 'messaging', 'MS Teams', 'Teams'],
  ['Zoom', 'messaging', 'Zoom Video', 'Zoom Meetings'],
  ['Google Meet', 'messaging', 'Hangouts Meet'],
  ['Discord', 'messaging'],
  // Marketing automation
  ['Marketo', 'marketing-automation', 'Adobe Marketo', 'Marketo Engage', 'Adobe Marketo Engage'],
  ['Pardot', 'marketing-automation', 'Salesforce Pardot', 'Marketing Cloud Account Engagement', 'Account Engagement'],
  ['Mailchimp', 'marketing-automation', 'MailChimp', 'Intuit Mailchimp'],
  ['Eloqua', 'marketing-automation', 'Oracle Eloqua'],
  ['Braze', 'marketing-automation'],
  ['Customer.io', 'marketing-automation', 'Customerio'],
  ['Iterable', 'marketing-automation'],
  ['Klaviyo', 'marketing-automation'],
  ['ActiveCampaign', 'marketing-automation', 'Active Campaign'],
  // Sales engagement
  ['Outreach', 'sales-engagement', 'Outreach.io'],
  ['Salesloft', 'sales-engagement', 'SalesLoft'],
  ['Gong', 'sales-engagement', 'Gong.io'],
  ['Apollo', 'sales-engagement', 'Apollo.io'],
  ['Clari', 'sales-engagement'],
  // CDP
  ['Segment', 'cdp', 'Twilio Segment', 'Segment.io', 'Segment.com'],
  ['RudderStack', 'cdp', 'Rudderstack'],
  ['mParticle', 'cdp'],
  ['Census', 'cdp', 'Census Reverse ETL', 'getcensus'],
  ['Hightouch', 'cdp', 'High Touch'],
  // Support
  ['Zendesk', 'support', 'Zendesk Support', 'Zendesk Suite'],
  ['Intercom', 'support'],
  ['Freshdesk', 'support'],
  ['ServiceNow', 'support', 'Service Now'],
  ['Front', 'support', 'Frontapp', 'Front App'],
  // Cloud
  ['AWS', 'cloud', 'Amazon Web Services', 'Amazon AWS'],
  ['Google Cloud', 'cloud', 'GCP', 'Google Cloud Platform'],
  ['Azure', 'cloud', 'Microsoft Azure', 'MS Azure'],
  ['Cloudflare', 'cloud'],
  ['Heroku', 'cloud'],
  ['Vercel', 'cloud'],
  // Databases
  ['PostgreSQL', 'database', 'Postgres', 'Postgre SQL', 'psql'],
  ['MySQL', 'database', 'My SQL'],
  ['MongoDB', 'database', 'Mongo', 'Mongo DB', 'MongoDB Atlas'],
  ['Redis', 'database'],
  ['Elasticsearch', 'database', 'Elastic Search', 'Elastic'],
  ['Microsoft SQL Server', 'database', 'SQL Server', 'MSSQL', 'MS SQL'],
  ['Oracle Database', 'database', 'Oracle DB'],
  ['DynamoDB', 'database', 'Amazon DynamoDB'],
  // ETL / ELT
  ['Fivetran', 'etl'],
  ['Airbyte', 'etl'],
  ['dbt', 'etl', 'dbt Cloud', 'dbt Labs', 'data build tool'],
  ['Stitch', 'etl', 'Stitch Data'],
  ['Informatica', 'etl'],
  ['Matillion', 'etl'],
  ['Apache Airflow', 'etl', 'Airflow'],
  ['Apache Kafka', 'etl', 'Kafka', 'Confluent'],
  // Product analytics
  ['Mixpanel', 'analytics'],
  ['Amplitude', 'analytics', 'Amplitude Analytics'],
  ['Heap', 'analytics', 'Heap Analytics'],
  ['Google Analytics', 'analytics', 'GA4', 'Google Analytics 4', 'Universal Analytics'],
  ['PostHog', 'analytics', 'Posthog'],
  ['Pendo', 'analytics'],
  ['FullStory', 'analytics', 'Full Story'],
  ['Hotjar', 'analytics'],
  // ERP and finance
  ['NetSuite', 'erp', 'Oracle NetSuite', 'Netsuite ERP'],
  ['SAP', 'erp', 'SAP ERP', 'SAP S/4HANA', 'S/4HANA', 'SAP S4HANA'],
  ['Workday', 'erp', 'Workday HCM'],
  ['Oracle ERP Cloud', 'erp', 'Oracle Fusion', 'Oracle ERP'],
  ['QuickBooks', 'erp', 'Intuit QuickBooks', 'QuickBooks Online'],
  ['Xero', 'erp'],
  ['Sage Intacct', 'erp', 'Intacct'],
  // Identity
  ['Okta', 'identity'],
  ['Auth0', 'identity', 'Okta Auth0'],
  ['Microsoft Entra ID', 'identity', 'Azure AD', 'Azure Active Directory', 'Entra ID'],
  ['OneLogin', 'identity'],
  // Payments
  ['Stripe', 'payments'],
  ['Adyen', 'payments'],
  ['PayPal', 'payments', 'Braintree'],
  ['Chargebee', 'payments'],
  ['Recurly', 'payments'],
  // E-commerce
  ['Shopify', 'ecommerce', 'Shopify Plus'],
  ['Magento', 'ecommerce', 'Adobe Commerce'],
  ['WooCommerce', 'ecommerce', 'Woo Commerce'],
  ['BigCommerce', 'ecommerce'],
  ['Salesforce Commerce Cloud', 'ecommerce', 'Demandware', 'SFCC'],
  // Developer tools
  ['GitHub', 'dev', 'Github.com', 'GitHub Enterprise'],
  ['GitLab', 'dev'],
  ['Bitbucket', 'dev'],
  ['Jira', 'dev', 'Atlassian Jira', 'Jira Software', 'JIRA'],
  ['Confluence', 'dev', 'Atlassian Confluence'],
  ['Kubernetes', 'dev', 'K8s'],
  ['Docker', 'dev'],
  ['Terraform', 'dev', 'HashiCorp Terraform'],
  ['Datadog', 'dev', 'Data Dog'],
  ['Sentry', 'dev'],
  ['PagerDuty', 'dev', 'Pager Duty'],
];

const BY_KEY = new Map<string, { name: string; category: TechnologyCategory }>();
for (const [name, category, ...aliases] of TECHNOLOGIES) {
  for (const alias of [name, ...aliases]) BY_KEY.set(lookupKey(alias), { name, category });
}

/** Every canonical technology name, in table order. */
export const CANONICAL_TECHNOLOGIES: string[] = TECHNOLOGIES.map(([name]) => name);

/** The canonical name of a known tool ("SFDC" → "Salesforce"); unknown names come back trimmed, as written. */
export function canonicalTechnology(name: string): string {
  const text = cleanText(name);
  return BY_KEY.get(lookupKey(text))?.name ?? text;
}

/** The category of a known tool, or undefined. */
export function technologyCategory(name: string): TechnologyCategory | undefined {
  return BY_KEY.get(lookupKey(name))?.category;
}

/**
 * A technology list from an array or a "," / ";" / "|" / newline separated string: trimmed, canonical,
 * de-duplicated case-insensitively, in first-seen order.
 */
export function parseTechnologies(input: unknown): string[] {
  let items: unknown[];
  if (Array.isArray(input)) items = input;
  else if (typeof input === 'string') items = input.split(/[,;|\n]/);
  else return [];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const name = canonicalTechnology(item);
    const key = name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    result.push(name);
  }
  return result;
}
