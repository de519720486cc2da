/** The model's four dimensions and three kinds of criterion (docs/model-format.md); schema.ts builds on them. */
export const DIMENSIONS = ['firmographic', 'technographic', 'behavioural', 'relationship'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const KINDS = ['must', 'score', 'exclude'] as const;
export type CriterionKind = (typeof KINDS)[number];
