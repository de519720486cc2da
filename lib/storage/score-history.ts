import { z } from 'zod';
import { checkRow } from './check-row';
import { nowIso, type IcpDb, type ScoreRow } from './db';
import { criterionSnapshotSchema, verdictSchema } from './snapshot';

/** An account's score under one model version, as stored in its history. */
export type ScoreEntry = ScoreRow & { id: number };

const newScoreSchema = z
  .object({
    accountKey: z.string().min(1).max(300),
    company: z.string().max(300).optional(),
    modelId: z.string().min(1).max(64),
    modelVersion: z.number().int().positive(),
    score: z.number().min(0).max(100),
    tier: z.string().max(64).nullable(),
    verdict: verdictSchema,
    criteria: z.array(criterionSnapshotSchema).max(500),
    at: z.string().max(40).optional(),
  })
  .strict();
const scoreRowSchema = newScoreSchema.extend({ id: z.number().int(), at: z.string() });

const sameOutcome = (a: Pick<ScoreRow, 'modelVersion' | 'score' | 'tier' | 'verdict'>, b: typeof a) =>
  a.modelVersion === b.modelVersion && a.score === b.score && a.tier === b.tier && a.verdict === b.verdict;

/** An account's history under one model, oldest first. */
export async function scoreHistory(db: IcpDb, accountKey: string, modelId?: string): Promise<ScoreEntry[]> {
  const rows = modelId
    ? await db.scores.where('[accountKey+modelId]').equals([accountKey, modelId]).toArray()
    : await db.scores.where('accountKey').equals(accountKey).toArray();
  return rows
    .map((row) => checkRow(db, 'scores', row, scoreRowSchema))
    .filter((r): r is ScoreEntry => r !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
}

/**
 * The latest entry of a history under another version of the same model: what the card compares with after a
 * model change ("was B 68 under v6, now A 81 under v7").
 */
export function previousVersionIn(history: readonly ScoreEntry[], current: { modelId: string; modelVersion: number }): ScoreEntry | undefined {
  return history.filter((h) => h.modelId === current.modelId && h.modelVersion !== current.modelVersion).at(-1);
}

/**
 * Adds a score to the account's history unless it repeats the latest one (same version, score, tier and verdict:
 * revisiting a page is not news). Returns the latest entry under an earlier model version, if any — what the card
 * compares with after a model change.
 */
export async function recordScore(
  db: IcpDb,
  entry: z.input<typeof newScoreSchema>,
): Promise<{ recorded: boolean; previousVersion?: ScoreEntry }> {
  const checked = newScoreSchema.parse(entry);
  return db.transaction('rw', db.scores, async () => {
    const history = await scoreHistory(db, checked.accountKey, checked.modelId);
    const latest = history.at(-1);
    const recorded = !latest || !sameOutcome(latest, checked);
    if (recorded) await db.scores.add({ ...checked, at: checked.at ?? nowIso() });
    const previousVersion = previousVersionIn(history, checked);
    return { recorded, ...(previousVersion ? { previousVersion } : {}) };
  });
}
