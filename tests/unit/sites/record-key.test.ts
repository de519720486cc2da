import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/builder/synthetic';
import { scorePageRequestSchema } from '../../../lib/messages/card';
import { parseRequest } from '../../../lib/messages/schemas';
import { matchRecord } from '../../../lib/sites';
import { MAX_PLAIN_KEY_LENGTH, recordKey } from '../../../lib/sites/record-key';

const longSlug = (n: number, tail = '') => `${'a'.repeat(n - tail.length)}${tail}`;

describe('record keys from very long URLs (issue 15)', () => {
  it('a 400-character LinkedIn slug or Crunchbase permalink gives a key every message accepts', () => {
    for (const url of [`https://www.linkedin.com/company/${longSlug(400)}/`, `https://www.crunchbase.com/organization/${longSlug(400)}`]) {
      const ref = matchRecord(new URL(url))?.ref;
      expect(ref).toBeDefined();
      expect(ref!.recordKey.length).toBeLessThanOrEqual(MAX_PLAIN_KEY_LENGTH);
      expect(scorePageRequestSchema.safeParse({ type: 'scorePage', site: ref!.site, recordKey: ref!.recordKey, raw: {} }).success).toBe(true);
      expect(parseRequest({ type: 'score', facts: {}, recordKey: ref!.recordKey }).ok).toBe(true);
    }
  });

  it('keeps short keys as they are and long ones distinct and stable', () => {
    expect(recordKey('li', 'acme')).toBe('li:acme');
    expect(recordKey('li', longSlug(400, 'x'))).toBe(recordKey('li', longSlug(400, 'x')));
    const rnd = seededRandom(10);
    const keys = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const tail = Math.floor(rnd() * 1e9).toString(36);
      const key = recordKey('li', longSlug(180 + Math.floor(rnd() * 2000), tail));
      expect(key.length).toBeLessThanOrEqual(MAX_PLAIN_KEY_LENGTH);
      keys.add(key);
    }
    expect(keys.size).toBe(500);
  });
});
