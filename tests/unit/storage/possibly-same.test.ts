import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompanyFacts } from '../../../lib/facts/vocabulary';
import { possiblySame, putAccountFacts, readSameNameAhead } from '../../../lib/storage/accounts';
import type { IcpDb } from '../../../lib/storage/db';
import { openTestDb } from './helpers';

/**
 * The card reads "possibly the same company" ahead, with the page's name, before it knows which records are the
 * company's own (lib/card/pipeline.ts). Whatever was read ahead, the list must be the one the plain read gives.
 */
const AT = '2026-01-01T00:00:00Z';
const named = (name: string, domain: string): CompanyFacts => ({
  name: { value: name, source: { kind: 'page', detail: 'linkedin', at: AT } },
  domain: { value: domain, source: { kind: 'page', detail: 'linkedin', at: AT } },
});

/** A small seeded generator: the cases vary but every run is the same. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

let db: IcpDb;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => db.close());

describe('possiblySame with a read ahead', () => {
  it('gives the same list as the plain read, for any number of same-name records and any excluded ones', async () => {
    const next = random(7);
    // 0 to 30 records called "Acme" (more than the read ahead's room), a few of another name.
    const keys: string[] = [];
    for (let i = 0; i < 30; i++) {
      keys.push(`li:acme-${i}`);
      await putAccountFacts(db, `li:acme-${i}`, named(i % 2 ? 'Acme' : 'ACME Inc.', `acme${i}.com`));
    }
    for (let i = 0; i < 3; i++) await putAccountFacts(db, `li:other-${i}`, named('Globex', `globex${i}.com`));
    const page = named('Acme', 'acme-page.com');
    for (let round = 0; round < 60; round++) {
      const excluded = keys.filter(() => next() < (round % 3 === 0 ? 0.9 : 0.3));
      for (const limit of [1, 5]) {
        const plain = await possiblySame(db, page, excluded, limit);
        const ahead = await possiblySame(db, page, excluded, limit, readSameNameAhead(db, page, limit));
        expect(ahead).toEqual(plain);
        // A read ahead with another name (the merged facts named the company otherwise) is not used.
        const other = await possiblySame(db, page, excluded, limit, readSameNameAhead(db, named('Globex', 'x.com'), limit));
        expect(other).toEqual(plain);
      }
    }
  });

  it('reads nothing ahead for a page without a name', () => {
    expect(readSameNameAhead(db, { domain: named('x', 'x.com').domain })).toBeUndefined();
  });
});
