import Dexie, { type Table } from 'dexie';
import { identityKeys, nameKey } from '../accounts/identity';
import type { CompanyFacts, FactSource } from '../facts/vocabulary';
import type { CriterionSnapshot, ScoreSnapshot } from '../history/change';

/**
 * The extension's database (IndexedDB in the extension origin, shared by the service worker, popup and options page;
 * content scripts reach it through messages). Rows are plain JSON; every read goes through the repository functions
 * next to this file, which check rows with zod and skip (and report) corrupt ones.
 *
 * The IndexedDB implementation is passed in: the extension passes the real `indexedDB`, tests pass fake-indexeddb.
 */

export const DB_NAME = 'icp-fit';

export const MODEL_SOURCES = ['builtin', 'file', 'url', 'editor'] as const;
export type ModelSource = (typeof MODEL_SOURCES)[number];

/** The current model per id. `model` is the model JSON exactly as validated. */
export interface ModelRow {
  id: string;
  model: unknown;
  source: ModelSource;
  active: boolean;
  sourceUrl?: string;
  updatedAt: string;
}

/** Every saved version of every model, keyed [id+version]. Saved versions never change. */
export interface ModelVersionRow {
  id: string;
  version: number;
  model: unknown;
  source: ModelSource;
  savedAt: string;
  note?: string;
}

/**
 * What we know about an account outside the page: imported list rows, CRM facts, past answers. `key` is a site record
 * key ("hs:123:0-2:987", "li:acme") or `domain:<domain>` for list imports. `domain` (indexed since version 2) links
 * records of the same company across sites.
 */
export interface AccountRow {
  key: string;
  name?: string;
  domain?: string;
  facts: CompanyFacts;
  /** The distinct sources the facts came from. */
  sources: FactSource[];
  updatedAt: string;
  /** Strong identity keys (lib/accounts/identity.ts), indexed multi-entry since version 4: links one company's records. */
  ids?: string[];
  /** The weak key `name:<normalised name>`: "possibly the same company", never merged. */
  nameKey?: string;
  /** The account list this row came from (rows of a list are keyed `list:<list id>:<domain>`). */
  list?: string;
}

/** An imported account list (a file or a URL): a named thing the user can see, re-import and remove. */
export interface ListRow {
  id: string;
  name: string;
  /** The file name, or the URL it syncs from. */
  source: string;
  url?: string;
  importedAt: string;
  rowCount: number;
  /** Rows that were refused on the last import, with their line numbers (at most 1,000 kept). */
  problems: { line: number; message: string }[];
}

/** A note on an account, or (with `field` and `value`) a user's answer to a fact, usually a relationship question. */
export interface NoteRow {
  id?: number;
  accountKey: string;
  field?: string;
  value?: unknown;
  text?: string;
  author?: string;
  at: string;
}

/**
 * An account advanced although the gate said not-fit or needs-data: reviewed each quarter against churn and
 * expansion. `approver`, `tier`, `company` and `domain` arrived in version 3 (older rows lack them).
 */
export interface ExceptionRow extends ScoreAtTheTime {
  id?: number;
  reason: string;
  user: string;
  approver?: string;
  at: string;
}

export type { CriterionSnapshot };

/** Which account, and its score when someone acted on it: exceptions and feedback both keep this. */
export interface ScoreAtTheTime {
  accountKey: string;
  company?: string;
  domain?: string;
  modelId: string;
  modelVersion: number;
  score: number;
  tier?: string | null;
  verdict: 'fit' | 'not-fit' | 'needs-data';
}

/** "This score looks wrong": a rep's comment on a score, with the facts and criteria as the card showed them. */
export interface FeedbackRow extends ScoreAtTheTime {
  id?: number;
  comment: string;
  /** Criteria the rep marked as the wrong ones (ids); empty when they did not say. */
  disputed: string[];
  criteria: CriterionSnapshot[];
  /** The facts as seen: field → value and source kind. */
  facts: { field: string; value: unknown; source: string }[];
  user: string;
  at: string;
}

/** One score of an account under one model version: the account's score history. */
export interface ScoreRow extends ScoreSnapshot {
  id?: number;
  accountKey: string;
  company?: string;
  at: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A row that failed its check on read: skipped, and kept here so the UI can say something is wrong. */
export interface StorageProblem {
  table: string;
  key: string;
  message: string;
}

export interface IdbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** Version 1 of the schema. Kept (not only as history) so the upgrade test can build a real version-1 database. */
export const STORES_V1 = {
  models: 'id',
  modelVersions: '[id+version], id',
  accounts: 'key',
  notes: '++id, accountKey',
  settings: 'key',
} as const;

/**
 * Version 2: accounts get an index on `domain` (to find the same company from a LinkedIn page and a HubSpot record),
 * and exceptions get their own table. The upgrade fills `domain` from each account's domain fact.
 */
export const STORES_V2 = {
  accounts: 'key, domain',
  exceptions: '++id, accountKey, modelId, at',
} as const;

/**
 * Version 3: rep feedback and the score history get their tables (exceptions gain optional fields, which need no
 * index). Nothing existing is rewritten.
 */
export const STORES_V3 = {
  feedback: '++id, accountKey, modelId, at',
  scores: '++id, accountKey, [accountKey+modelId], at',
} as const;

/**
 * Version 4: the memory of every company. Accounts get their identity keys
 * (multi-entry), the normalised name and the list they came from; lists become rows of their own. The upgrade fills
 * the keys of existing rows.
 */
export const STORES_V4 = {
  accounts: 'key, domain, *ids, nameKey, list',
  lists: 'id',
} as const;

/** The database as version 1 defined it. Only for the upgrade test and for reading old backups. */
export class IcpDbV1 extends Dexie {
  models!: Table<ModelRow, string>;
  modelVersions!: Table<ModelVersionRow, [string, number]>;
  accounts!: Table<AccountRow, string>;
  notes!: Table<NoteRow, number>;
  settings!: Table<SettingRow, string>;

  constructor(deps: IdbDeps, name = DB_NAME) {
    super(name, { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange });
    this.version(1).stores(STORES_V1);
  }
}

/** The database as version 2 defined it. Only for the upgrade test. */
export class IcpDbV2 extends IcpDbV1 {
  exceptions!: Table<ExceptionRow, number>;

  constructor(deps: IdbDeps, name = DB_NAME) {
    super(deps, name);
    this.version(2).stores(STORES_V2);
  }
}

export class IcpDb extends Dexie {
  models!: Table<ModelRow, string>;
  modelVersions!: Table<ModelVersionRow, [string, number]>;
  accounts!: Table<AccountRow, string>;
  notes!: Table<NoteRow, number>;
  exceptions!: Table<ExceptionRow, number>;
  feedback!: Table<FeedbackRow, number>;
  scores!: Table<ScoreRow, number>;
  settings!: Table<SettingRow, string>;
  lists!: Table<ListRow, string>;

  /** Corrupt rows met on read since the database was opened (newest last, at most 100). */
  readonly problems: StorageProblem[] = [];

  constructor(deps: IdbDeps, name = DB_NAME) {
    super(name, { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange });
    this.version(1).stores(STORES_V1);
    this.version(2)
      .stores(STORES_V2)
      .upgrade(async (tx) => {
        await tx
          .table('accounts')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            const domain = domainOf(row.facts);
            if (domain && typeof row.domain !== 'string') row.domain = domain;
          });
      });
    this.version(3).stores(STORES_V3);
    this.version(4)
      .stores(STORES_V4)
      .upgrade(async (tx) => {
        await tx
          .table('accounts')
          .toCollection()
          .modify((row: AccountRow) => {
            const facts = (row.facts && typeof row.facts === 'object' ? row.facts : {}) as CompanyFacts;
            row.ids = identityKeys(row.key, facts);
            const name = nameKey(facts, row.name);
            if (name) row.nameKey = name;
          });
      });
  }

  reportProblem(problem: StorageProblem): void {
    this.problems.push(problem);
    if (this.problems.length > 100) this.problems.shift();
    console.warn(`icp-fit: skipped a corrupt ${problem.table} row (${problem.key}): ${problem.message}`);
  }
}

/** The lower-cased domain fact of a stored facts object, if it has one. */
export function domainOf(facts: unknown): string | undefined {
  if (!facts || typeof facts !== 'object') return undefined;
  const fact = (facts as Record<string, unknown>).domain;
  const value = fact && typeof fact === 'object' ? (fact as { value?: unknown }).value : undefined;
  return typeof value === 'string' && value ? value.toLowerCase() : undefined;
}

/** Current time as an ISO string; one place so repositories agree on the format. */
export const nowIso = (): string => new Date().toISOString();
