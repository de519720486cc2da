import { scoreChange, snapshotOf, type ScoreChange } from '../history/change';
import type { IcpDb } from '../storage/db';
import { previousVersionOf, recordScore } from '../storage/score-history';
import type { CardView } from './types';

/**
 * What changed since the record was last seen under another version of the same model ("was B 68 under v6, now A 81
 * under v7"), read from the record's history (lib/storage/score-history.ts), and the write that adds this score to
 * it. The card needs only the first: the caller may run `record` after answering.
 */
export async function compareWithHistory(
  db: IcpDb,
  view: CardView,
  at: string,
): Promise<{ change: ScoreChange | undefined; record: () => Promise<unknown> }> {
  const current = snapshotOf(view.result);
  const entry = { ...current, accountKey: view.recordKey, company: view.company.slice(0, 300), at };
  const previous = await previousVersionOf(db, entry.accountKey, entry.modelId, entry.modelVersion);
  return { change: previous ? scoreChange(previous, current) : undefined, record: () => recordScore(db, entry) };
}
