import type { IcpDb } from './db';

/**
 * Everything the extension stores, as one JSON document (the options page's "Export all data"): models and every
 * saved version, accounts, notes and answers, exceptions, feedback, score history, account lists and settings. Rows as stored.
 */
export async function exportDatabase(db: IcpDb, now = new Date().toISOString()) {
  const [models, modelVersions, accounts, notes, exceptions, feedback, scores, lists, settings] = await Promise.all([
    db.models.toArray(),
    db.modelVersions.toArray(),
    db.accounts.toArray(),
    db.notes.toArray(),
    db.exceptions.toArray(),
    db.feedback.toArray(),
    db.scores.toArray(),
    db.lists.toArray(),
    db.settings.toArray(),
  ]);
  return {
    format: 'icp-fit/export@1' as const,
    exportedAt: now,
    databaseVersion: db.verno,
    tables: { models, modelVersions, accounts, notes, exceptions, feedback, scores, lists, settings },
  };
}
