import { describe, expect, it } from 'vitest';
import { ADAPTERS, matchRecord, siteOfHost } from '../../../lib/sites';

/** One example record URL per site and page kind; every detector must claim its own and only its own. */
const EXAMPLES: Record<string, string[]> = {
  linkedin: [
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/company/acme/about/',
    'https://in.linkedin.com/company/acme?trk=public_profile',
    'https://www.linkedin.com/sales/company/1234567',
  ],
  crunchbase: [
    'https://www.crunchbase.com/organization/acme',
    'https://www.crunchbase.com/organization/acme/company_financials',
  ],
  hubspot: [
    'https://app.hubspot.com/contacts/123456/record/0-2/987654321',
    'https://app-eu1.hubspot.com/contacts/123456/company/987654321',
  ],
  salesforce: [
    'https://acme.lightning.force.com/lightning/r/Account/001Hs00002ABCdeIAF/view',
    'https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/001Hs00002ABCde/view',
  ],
};

const NOWHERE = [
  'https://www.linkedin.com/in/jane-doe/',
  'https://www.linkedin.com/feed/',
  'https://www.crunchbase.com/person/jane-doe',
  'https://app.hubspot.com/contacts/123456/record/0-1/55',
  'https://app.hubspot.com/contacts/123456/record/0-3/55',
  'https://acme.lightning.force.com/lightning/r/Contact/003Hs00002ABCdeIAF/view',
  'https://acme.lightning.force.com/lightning/o/Account/list',
  'https://example.com/company/acme/',
  'https://linkedin.com.evil.example/company/acme/',
];

describe('URL detectors', () => {
  it.each(Object.entries(EXAMPLES).flatMap(([site, urls]) => urls.map((u) => [site, u] as const)))(
    '%s claims %s, and no other site does',
    (site, url) => {
      const claims = ADAPTERS.filter((a) => a.matchUrl(new URL(url)) !== null).map((a) => a.site);
      expect(claims).toEqual([site]);
      expect(matchRecord(new URL(url))!.ref.site).toBe(site);
    },
  );

  it.each(NOWHERE)('no detector claims %s', (url) => {
    expect(matchRecord(new URL(url))).toBeNull();
  });

  it('knows which site a host belongs to', () => {
    expect(siteOfHost('in.linkedin.com')).toBe('linkedin');
    expect(siteOfHost('app-eu1.hubspot.com')).toBe('hubspot');
    expect(siteOfHost('acme--uat.sandbox.lightning.force.com')).toBe('salesforce');
    expect(siteOfHost('linkedin.com.evil.example')).toBeNull();
  });
});
