import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberedOverrides, rememberOverrides } from '../../../lib/storage/column-mappings';
import type { IcpDb } from '../../../lib/storage/db';
import { getSetting, MAX_REMEMBERED_MAPPINGS, setSetting } from '../../../lib/storage/settings';
import { openTestDb } from './helpers';

let db: IcpDb;
beforeEach(() => {
  db = openTestDb();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('remembered column overrides', () => {
  it('are found again for the same header set in any order and case, and not for another', async () => {
    await rememberOverrides(db, ['Acct', 'Web Address', 'Employees'], { 'Web Address': 'domain', Acct: 'name' });
    expect(await rememberedOverrides(db, ['employees', 'web address', 'ACCT'])).toEqual({ 'Web Address': 'domain', Acct: 'name' });
    expect(await rememberedOverrides(db, ['Acct', 'Web Address'])).toEqual({});
  });

  it('are forgotten when cleared, and kept to the newest MAX_REMEMBERED_MAPPINGS', async () => {
    await rememberOverrides(db, ['A'], { A: 'domain' });
    await rememberOverrides(db, ['A'], {});
    expect(await rememberedOverrides(db, ['A'])).toEqual({});
    for (let i = 0; i <= MAX_REMEMBERED_MAPPINGS; i++) await rememberOverrides(db, [`H${i}`], { [`H${i}`]: 'domain' });
    const stored = await getSetting(db, 'columnMappings');
    expect(stored).toHaveLength(MAX_REMEMBERED_MAPPINGS);
    expect(await rememberedOverrides(db, ['H0'])).toEqual({});
    expect(await rememberedOverrides(db, [`H${MAX_REMEMBERED_MAPPINGS}`])).toEqual({ [`H${MAX_REMEMBERED_MAPPINGS}`]: 'domain' });
  });

  it('are checked: a target that is no fact or outcome is refused on write, and a stored one reads as none', async () => {
    await expect(setSetting(db, 'columnMappings', [{ headers: 'a', overrides: { A: 'domian' } }])).rejects.toThrow(/not a fact/);
    await db.settings.put({ key: 'columnMappings', value: [{ headers: 'a', overrides: { A: 'toString' } }] });
    expect(await rememberedOverrides(db, ['a'])).toEqual({});
  });
});
