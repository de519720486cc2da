import type { ScoreResult } from '../engine/score';
import type { FactSource } from '../facts/vocabulary';

/** What the card, side panel and popup show for one record. Built by the content script from the background's answer. */
export interface FactView {
  field: string;
  value: unknown;
  source: FactSource;
  /** Another source said something else: "CRM (hubspot) says 51-200". */
  conflict?: string;
}

export interface CardView {
  recordKey: string;
  company: string;
  result: ScoreResult;
  /** The other active models' results, for "also scored against". */
  alternatives: Pick<ScoreResult, 'modelId' | 'modelName' | 'modelVersion' | 'score' | 'tier' | 'verdict'>[];
  facts: FactView[];
  /** Facts the page showed but that were rejected (absurd or malformed values). */
  problems: { field: string; message: string }[];
}

export type CardState =
  | { status: 'loading'; company?: string }
  | { status: 'ready'; view: CardView }
  | { status: 'error'; message: string }
  /** A supported record page gave nothing (or only a name) once settled; the diagnostic holds no page text. */
  | { status: 'unreadable'; company?: string; diagnostic: string };
