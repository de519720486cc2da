import { parseBoolean } from '../facts/normalise/domain';

/**
 * Value vocabularies of outcome files: deal stages (labels and HubSpot's internal ids), churn flags and yes/no
 * columns. Company-fact values (funding stages, company types, lifecycle stages…) are read by lib/facts/normalise.
 */

export type StageReading = 'won' | 'lost' | 'open' | 'unknown';

/** Letters and digits only, lower case: "Closed - Won", "closed_won" and "ClosedWon" are all "closedwon". */
const valueKey = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Words that end a deal for good, in the forms CRMs export (labels in several UI languages, internal ids). */
const WON = ['won', 'closedwon', 'gewonnen', 'gagne', 'ganado', 'ganada', 'vinto', 'signed', 'booked'];
const LOST = ['lost', 'closedlost', 'verloren', 'perdu', 'perdue', 'perdido', 'perdida', 'perso', 'disqualified', 'dead'];

/**
 * Stages still in play: HubSpot's default pipeline ids and labels, Salesforce's default opportunity stages, and
 * the usual hand-made ones. A stage in neither list is "unknown", listed with its count so the user can say.
 */
const OPEN = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
  'prospecting',
  'qualification',
  'needsanalysis',
  'valueproposition',
  'iddecisionmakers',
  'perceptionanalysis',
  'proposalpricequote',
  'negotiationreview',
  'discovery',
  'demo',
  'demoscheduled',
  'proposal',
  'negotiation',
  'open',
  'inprogress',
  'pending',
  'new',
  'qualified',
  'evaluation',
  'trial',
  'pilot',
  'commit',
];
const STAGES = new Map<string, StageReading>([
  ...WON.map((k) => [k, 'won'] as const),
  ...LOST.map((k) => [k, 'lost'] as const),
  ...OPEN.map((k) => [k, 'open'] as const),
]);

/** The user's own won / lost stage values (`--won`, `--lost`, the builder's choices), by valueKey. */
export interface StageChoices {
  won?: readonly string[];
  lost?: readonly string[];
}

/**
 * A stage cell → won, lost, open, or unknown; undefined for an empty cell. "Closed Won", "closedwon", "Closed - Won",
 * "6 - Closed Won", "Won" → won; "Closed Lost", "closedlost", "Lost - No budget" → lost. Numbered pipeline ids
 * ("12345678") and stages we do not know are unknown: they are not guessed to be open.
 */
export function readStage(text: string, choices: StageChoices = {}): StageReading | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const key = valueKey(trimmed);
  if (choices.won?.some((w) => valueKey(w) === key)) return 'won';
  if (choices.lost?.some((l) => valueKey(l) === key)) return 'lost';
  const known = STAGES.get(key);
  if (known) return known;
  // Words inside a longer label: "6 - Closed Won", "Closed Lost (no budget)", "Won - renewal".
  const words = trimmed
    .toLowerCase()
    .replace(/closed\s*[-_/]?\s*(won|lost)/g, '$1')
    .split(/[^a-z]+/);
  const won = words.some((w) => WON.includes(w));
  const lost = words.some((w) => LOST.includes(w));
  if (won !== lost) return won ? 'won' : 'lost';
  // A leading step number before a known open stage: "2 - Qualification".
  const rest = valueKey(trimmed.replace(/^\s*\d+\s*[-.:)]\s*/, ''));
  return STAGES.get(rest) === 'open' ? 'open' : 'unknown';
}

const CHURNED = new Set(['churned', 'churn', 'cancelled', 'canceled', 'inactive', 'formercustomer', 'lost', 'terminated', 'closed']);
const RETAINED = new Set(['active', 'retained', 'renewed', 'customer', 'current', 'live']);

/** A churn flag cell ("Yes", "true", "Churned", "Active", "0") → churned or not; undefined when it does not say. */
export function readChurnFlag(text: string): boolean | undefined {
  const key = valueKey(text);
  if (!key) return undefined;
  if (CHURNED.has(key)) return true;
  if (RETAINED.has(key)) return false;
  return readYesNo(text);
}

/** "Yes", "true", "1", "Y", "x" → true; "No", "false", "0", "N" → false. */
export function readYesNo(text: string): boolean | undefined {
  const key = text.trim().toLowerCase();
  if (key === 'y' || key === 'x') return true;
  if (key === 'n') return false;
  return parseBoolean(key);
}
