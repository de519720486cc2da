import { scoreChange, snapshotOf, type ScoreChange } from '../history/change';
import type { IcpDb } from '../storage/db';
import { previousVersionIn, recordScore, type ScoreEntry } from '../storage/score-history';
import type { CardView } from './types';

/**
 * What changed since the record was last seen under another version of the same model ("was B 68 under v6, now A 81
 * under v7"), from the record's history (lib/storage/score-history.ts, read beside the pipeline's other reads), and
 * the write that adds this score to it. The card needs only the first: the caller may run `record` after answering.
 */
export function compareWithHistory(
  db: IcpDb,
  history: readonly ScoreEntry[],
  view: CardView,
  at: string,
): { change: ScoreChange | undefined; record: () => Promise<unknown> } {
  const current = snapshotOf(view.result);
  const entry = { ...current, accountKey: view.recordKey, company: view.company.slice(0, 300), at };
  const previous = previousVersionIn(history, current);
  return { change: previous ? scoreChange(previous, current) : undefined, record: () => recordScore(db, entry) };
}
