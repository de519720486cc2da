import { describe, expect, it } from 'vitest';
import { parseBoolean, parseDomain, parseHttpUrl } from '../../../lib/facts/normalise/domain';

describe('parseDomain', () => {
  it.each<[string, string]>([
    ['https://www.acme.com/about?x', 'acme.com'],
    ['xsolla.com', 'xsolla.com'],
    ['WWW.Acme.co.uk', 'acme.co.uk'],
    ['http://acme.io:8080', 'acme.io'],
    ['acme.io:8080/path', 'acme.io'],
    ['//cdn.acme.com/x.js', 'cdn.acme.com'],
    ['https://app.acme.com.', 'app.acme.com'],
    ['  https://acme.com  ', 'acme.com'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
  ])('%j → %s', (input, expected) => {
    expect(parseDomain(input)).toBe(expected);
  });

  it.each<[string]>([
    ['javascript:alert(1)'],
    ['mailto:sales@acme.com'],
    ['sales@acme.com'],
    ['https://linkedin.com@evil.com'],
    ['data:text/html,<script>alert(1)</script>'],
    ['ftp://acme.com'],
    ['not a domain'],
    ['localhost'],
    ['http://localhost:3000'],
    ['192.168.0.1'],
    ['https://[::1]/'],
    ['acme'],
    [''],
  ])('rejects %j', (input) => {
    expect(parseDomain(input)).toBeUndefined();
  });
});

describe('parseHttpUrl', () => {
  it.each<[string, string]>([
    ['https://www.linkedin.com/company/acme/', 'https://www.linkedin.com/company/acme/'],
    ['linkedin.com/company/x', 'https://linkedin.com/company/x'],
    ['www.crunchbase.com/organization/acme', 'https://www.crunchbase.com/organization/acme'],
    ['http://acme.com', 'http://acme.com/'],
    ['HTTPS://ACME.COM/About', 'https://acme.com/About'],
  ])('%j → %s', (input, expected) => {
    expect(parseHttpUrl(input)).toBe(expected);
  });

  it.each<[string]>([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,hi'],
    ['vbscript:msgbox'],
    ['file:///etc/passwd'],
    ['mailto:a@acme.com'],
    ['https://user:pass@acme.com'],
    ['not a url'],
    [''],
  ])('rejects %j', (input) => {
    expect(parseHttpUrl(input)).toBeUndefined();
  });

  it('is idempotent', () => {
    const once = parseHttpUrl('linkedin.com/company/x')!;
    expect(parseHttpUrl(once)).toBe(once);
  });
});

describe('parseBoolean', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    ['yes', true],
    ['Yes', true],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    [1, true],
    ['y', true],
    ['oui', true],
    ['ja', true],
    ['sí', true],
    ['no', false],
    ['false', false],
    ['0', false],
    [0, false],
    ['n', false],
    ['non', false],
    ['nein', false],
  ])('%j → %s', (input, expected) => {
    expect(parseBoolean(input)).toBe(expected);
  });

  it.each<[unknown]>([['maybe'], [''], [2], [null], [undefined], [{}]])('rejects %j', (input) => {
    expect(parseBoolean(input)).toBeUndefined();
  });
});
