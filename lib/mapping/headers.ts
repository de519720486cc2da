/**
 * Header keys: how two spellings of a header are found to be the same column. Case, spaces and punctuation do not
 * matter ("Company Name", "company_name", "COMPANY-NAME" and "company.name" are one key), nor accents, nor
 * Salesforce's "__c" suffix of custom fields.
 */

/** "Number of Employees" → "numberofemployees". */
export function headerKey(header: string): string {
  return header
    .replace(/__c$/i, '') // a Salesforce custom field's API name: "Churn_Date__c" is "Churn Date"
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "Deal Size (USD)" → "deal_size_usd": what follows `custom.` (letters, digits, "_" or "-", at most 64). */
export function customSlug(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // "Région" → "Region" rather than "r_gion"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
    .replace(/_+$/, '');
}
