import type { DerivedFrom } from '../model/schema';
import { accountOf, groupByAccount } from './accounts';
import type { OutcomeRecord } from './types';

/**
 * A derived model remembers which accounts it was derived on, so a backtest can say when it is testing on them
 * (an in-sample test flatters the model). The memory is a bottom-k sketch: the 4,096 smallest 32-bit hashes of the
 * account keys. Up to 4,096 accounts it is the whole list; beyond, it is a uniform sample, and an account can be
 * checked when its hash falls at or under the largest hash kept.
 */

export const SKETCH_SIZE = 4096;

/** 32-bit FNV-1a of a string, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const closed = (r: OutcomeRecord) => r.stage === 'won' || r.stage === 'lost';

/** The closed accounts' hashes, smallest first, at most SKETCH_SIZE, concatenated. */
export function accountSketch(records: readonly OutcomeRecord[]): string {
  const hashes = [...new Set(groupByAccount(records.filter(closed)).map((a) => fnv1a(accountOf(a))))].sort();
  return hashes.slice(0, SKETCH_SIZE).join('');
}

/** The model's `derivedFrom` for the records it was derived on. */
export function derivedFromOf(
  records: readonly OutcomeRecord[],
  source: { file?: string; sha256?: string; until?: string } = {},
): DerivedFrom {
  const outcomes = records.filter(closed);
  return {
    ...(source.file ? { file: source.file.slice(0, 500) } : {}),
    ...(source.sha256 ? { sha256: source.sha256 } : {}),
    ...(source.until ? { until: source.until } : {}),
    accounts: groupByAccount(outcomes).length,
    deals: outcomes.length,
    accountHashes: accountSketch(outcomes),
  };
}

export interface InSampleCheck {
  /** The test file is the very file the model was derived from (same SHA-256). */
  sameFile: boolean;
  /** Test accounts the sketch can speak for, and how many of them the model was derived on. */
  checked: number;
  derivedOn: number;
  share: number | null;
  /** A sentence for the user, when there is something to warn about. */
  warning?: string;
}

/** How many of the test accounts the model was derived on. */
export function checkInSample(derivedFrom: DerivedFrom | undefined, test: readonly OutcomeRecord[], sha256?: string): InSampleCheck {
  if (!derivedFrom) return { sameFile: false, checked: 0, derivedOn: 0, share: null };
  const kept = new Set<string>();
  for (let i = 0; i < derivedFrom.accountHashes.length; i += 8) kept.add(derivedFrom.accountHashes.slice(i, i + 8));
  const full = kept.size >= SKETCH_SIZE;
  const ceiling = full ? derivedFrom.accountHashes.slice(-8) : 'ffffffff';
  let checked = 0;
  let derivedOn = 0;
  for (const a of groupByAccount(test.filter(closed))) {
    const h = fnv1a(accountOf(a));
    if (h > ceiling) continue;
    checked++;
    if (kept.has(h)) derivedOn++;
  }
  const sameFile = !!sha256 && derivedFrom.sha256 === sha256;
  const share = checked ? derivedOn / checked : null;
  const result: InSampleCheck = { sameFile, checked, derivedOn, share };
  if (sameFile || derivedOn > 0) {
    const pct = share === null ? '' : `${Math.round(share * 100)}%`;
    result.warning =
      (sameFile ? `this is the file the model was derived from${derivedFrom.file ? ` (${derivedFrom.file})` : ''}; ` : '') +
      `${pct} of the test accounts (${derivedOn} of ${checked}${full ? ' checked' : ''}) were used to derive the model: ` +
      'an in-sample test flatters it. Test on accounts it has not seen (icp derive --until D, then icp backtest --since D on new accounts).';
  }
  return result;
}
