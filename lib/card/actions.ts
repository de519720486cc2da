import type { Verdict } from '../engine/score';
import type { CardView } from './types';

/**
 * What the card sends when a rep acts on a score: an exception ("Advance anyway") or feedback ("This score looks
 * wrong"), each carrying the score, tier, verdict and model version on the card at that moment. Pure, so the
 * content script stays thin and the shapes are tested without a browser.
 */

const domainOf = (view: CardView) => {
  const fact = view.facts.find((f) => f.field === 'domain');
  return typeof fact?.value === 'string' ? fact.value.slice(0, 300) : undefined;
};

function scoreAtTheTime(view: CardView) {
  const r = view.result;
  const domain = domainOf(view);
  return {
    accountKey: view.recordKey,
    company: view.company.slice(0, 300),
    ...(domain ? { domain } : {}),
    modelId: r.modelId,
    modelVersion: r.modelVersion,
    score: r.score,
    tier: r.tier,
  };
}

/** Exceptions are for accounts the gate did not pass. */
export const canAdvanceAnyway = (verdict: Verdict): verdict is 'not-fit' | 'needs-data' => verdict !== 'fit';

export function exceptionRequest(view: CardView, input: { reason: string; approver?: string }) {
  const verdict = view.result.verdict;
  if (!canAdvanceAnyway(verdict)) throw new Error('this account passed the gate: there is nothing to log');
  return {
    type: 'logException' as const,
    ...scoreAtTheTime(view),
    verdict,
    reason: input.reason,
    ...(input.approver ? { approver: input.approver } : {}),
  };
}

export function feedbackRequest(view: CardView, input: { comment: string; disputed: string[] }) {
  return {
    type: 'sendFeedback' as const,
    ...scoreAtTheTime(view),
    verdict: view.result.verdict,
    comment: input.comment,
    disputed: input.disputed,
    criteria: view.result.criteria.map((c) => ({ id: c.id, label: c.label, status: c.status, points: c.points })),
    facts: view.facts.slice(0, 200).map((f) => ({ field: f.field, value: f.value, source: f.source.kind })),
  };
}
