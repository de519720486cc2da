import { scoreChange, snapshotOf, type ScoreChange } from '../history/change';
import type { IcpDb } from '../storage/db';
import { recordScore } from '../storage/score-history';
import type { CardView } from './types';

/**
 * Adds the card's score to the record's history (lib/storage/score-history.ts) and, when the record was last seen
 * under another version of the same model, says what changed: "was B 68 under v6, now A 81 under v7".
 */
export async function recordAndCompare(db: IcpDb, view: CardView, at: string): Promise<ScoreChange | undefined> {
  const current = snapshotOf(view.result);
  const { previousVersion } = await recordScore(db, { ...current, accountKey: view.recordKey, company: view.company.slice(0, 300), at });
  return previousVersion ? scoreChange(previousVersion, current) : undefined;
}
