/** The extension's storage: the Dexie database and the only functions that read and write it. */
export { IcpDb, IcpDbV1, IcpDbV2, DB_NAME, MODEL_SOURCES, STORES_V1, STORES_V2, STORES_V3, STORES_V4 } from './db';
export type { IdbDeps, ModelSource, StorageProblem, AccountRow, ModelRow, ModelVersionRow, NoteRow, ExceptionRow, FeedbackRow, ScoreRow, CriterionSnapshot, ListRow } from './db';
export { checkFacts, companyFactsSchema } from './company-facts';
export {
  listModels,
  getActiveModels,
  getModel,
  getModelVersions,
  saveModelVersion,
  setModelActive,
  installBuiltinModels,
} from './models';
export type { StoredModel, StoredModelVersion, SaveModelResult } from './models';
export { getAccount, findAccounts, putAccountFacts, ensureAccount, domainAccountKey, possiblySame, forgetCompany, clearMemory } from './accounts';
export type { Account } from './accounts';
export { addNote, getNotes, getAnswers, newNoteSchema } from './notes';
export type { Note, NewNote } from './notes';
export { logException, listExceptions, newExceptionSchema } from './exceptions';
export { addFeedback, listFeedback, newFeedbackSchema } from './feedback';
export type { NewFeedback, LoggedFeedback } from './feedback';
export { recordScore, scoreHistory } from './score-history';
export type { ScoreEntry } from './score-history';
export { exportDatabase } from './export';
export type { NewException, LoggedException } from './exceptions';
export { getSetting, getSettings, setSetting, isSettingKey, DEFAULT_SETTINGS, SETTING_KEYS, SETTING_SCHEMAS, settingsSchema } from './settings';
export type { Settings, SettingKey } from './settings';
