/**
 * The fact vocabulary's lists of values (vocabulary.ts builds their schemas and re-exports them). Apart, without zod,
 * so the card's display text (display.ts), which the content script renders, loads no schema with them.
 */

export const FUNDING_STAGES = [
  'bootstrapped',
  'pre-seed',
  'seed',
  'series-a',
  'series-b',
  'series-c',
  'series-d',
  'series-e-plus',
  'series-unknown',
  'private-equity',
  'debt',
  'grant',
  'public',
  'acquired',
  'other',
] as const;
export type FundingStage = (typeof FUNDING_STAGES)[number];

export const COMPANY_TYPES = [
  'public',
  'private',
  'nonprofit',
  'government',
  'educational',
  'partnership',
  'self-employed',
  'other',
] as const;

export const BUYING_PROCESSES = ['champion-led', 'committee', 'founder-led', 'procurement'] as const;

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
  'evangelist',
  'churned',
  'other',
] as const;

export const SIGNAL_TYPES = [
  'funding',
  'leadership-hire',
  'headcount-change',
  'tech-stack-change',
  'product-activation',
  'acquisition',
  'news',
  'other',
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];
