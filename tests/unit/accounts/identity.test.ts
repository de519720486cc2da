import { describe, expect, it } from 'vitest';
import { crunchbasePermalinkOf, identityKeys, linkedinIdOf, nameKey, normaliseName, registrableDomain } from '../../../lib/accounts/identity';
import type { CompanyFacts } from '../../../lib/facts/vocabulary';

const page = { kind: 'page', detail: 'crunchbase' } as const;

describe('registrableDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['https://www.acme.com/about?x=1', 'acme.com'],
    ['HTTP://WWW.Acme.COM', 'acme.com'],
    ['app.eu.acme.co.uk', 'acme.co.uk'],
    ['https://shop.acme.com.au/path', 'acme.com.au'],
    ['acme.github.io', 'acme.github.io'],
    ['https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fwww.acme.io%2F&urlhash=abc', 'acme.io'],
    ['linkedin.com/redir/redirect/?url=http%3A%2F%2Fblog.acme.de', 'acme.de'],
  ])('%s → %s', (input, expected) => expect(registrableDomain(input)).toBe(expected));

  it('refuses what is not a web domain', () => {
    for (const bad of ['', 'localhost', 'not a domain', '127.0.0.1', 'https://www.linkedin.com/redir/redirect?nourl=1']) expect(registrableDomain(bad)).toBeUndefined();
  });

  it('every subdomain and spelling of one company gives the same key (property)', () => {
    const bases = ['acme.com', 'brightwave.io', 'kestrel-robotics.co.uk', 'vogelsang-maschinen.de'];
    const prefixes = ['', 'www.', 'app.', 'eu.app.', 'WWW.'];
    const wrappers = [(h: string) => h, (h: string) => `https://${h}/`, (h: string) => `http://${h}:8080/x?y#z`, (h: string) => `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(`https://${h}/`)}`];
    for (const base of bases) for (const p of prefixes) for (const w of wrappers) expect(registrableDomain(w(p + base))).toBe(base);
  });
});

describe('LinkedIn and Crunchbase ids', () => {
  it('reads the slug or numeric id and the permalink', () => {
    expect(linkedinIdOf('https://www.linkedin.com/company/Brightwave-Analytics/about/')).toBe('brightwave-analytics');
    expect(linkedinIdOf('https://www.linkedin.com/company/1035')).toBe('1035');
    expect(linkedinIdOf('https://www.linkedin.com/sales/company/1035?x')).toBe('1035');
    expect(linkedinIdOf('https://www.linkedin.com/in/someone')).toBeUndefined();
    expect(crunchbasePermalinkOf('https://www.crunchbase.com/organization/brightwave-analytics/company_financials')).toBe('brightwave-analytics');
  });
});

describe('normaliseName', () => {
  it('strips legal forms, case, accents and punctuation', () => {
    const same = ['Acme', 'ACME, Inc.', 'Acme Inc', 'Acme LLC', 'Acme Ltd.', 'Acme GmbH', 'Acme S.A.', 'Acme SAS', 'Acme Holdings Ltd', 'acme'];
    for (const name of same) expect(normaliseName(name)).toBe('acme');
    expect(normaliseName('Société Générale S.A.')).toBe('societe generale');
    expect(normaliseName('Procter & Gamble Co')).toBe('procter and gamble');
  });
  it('never strips a name down to nothing', () => {
    expect(normaliseName('Group')).toBe('group');
    expect(normaliseName('Inc.')).toBe('inc');
    expect(normaliseName('...')).toBeUndefined();
  });
});

describe('identityKeys', () => {
  it('links a Crunchbase record to the LinkedIn page and the domain it names', () => {
    const facts: CompanyFacts = {
      domain: { value: 'www.brightwave.io', source: page },
      linkedinUrl: { value: 'https://www.linkedin.com/company/brightwave-analytics', source: page },
      crunchbaseUrl: { value: 'https://www.crunchbase.com/organization/brightwave-analytics', source: page },
      name: { value: 'Brightwave Analytics, Inc.', source: page },
    };
    expect(identityKeys('cb:brightwave-analytics', facts).sort()).toEqual(['cb:brightwave-analytics', 'domain:brightwave.io', 'li:brightwave-analytics']);
    expect(identityKeys('hs:1:0-2:9', { crmId: { value: '9', source: { kind: 'crm' } } })).toEqual(['crm:hs:1:0-2:9', 'crm:9']);
    expect(nameKey(facts)).toBe('name:brightwave analytics');
  });
  it('never uses the name as a strong key', () => {
    expect(identityKeys(undefined, { name: { value: 'Acme', source: page } })).toEqual([]);
  });
});
